"""Mount the web chat on the FastAPI app: the page, its JSON API, and the ports it serves."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import FastAPI

from backend.api.bodies import allow_larger_body
from backend.bootstrap import Container
from backend.conversations.service import ConversationService
from bot.webchat.api import WebchatApi, nowhere_router, webchat_router
from bot.webchat.errors import install_webchat_errors
from bot.webchat.files import MAX_UPLOAD_BYTES, StoredFileFetcher
from bot.webchat.notifier import WebNotifier
from bot.webchat.page import mount_page


@dataclass(frozen=True)
class WebChat:
    """What the process registers for channel "web": where pushed messages go, files come from."""

    notifier: WebNotifier
    fetcher: StoredFileFetcher


def mount_webchat(
    app: FastAPI, container: Container, conversations: ConversationService
) -> WebChat:
    """Serve /chat, its files and /chat/api; return the web channel's notifier and fetcher."""
    install_webchat_errors(app)
    allow_larger_body(app, "/chat/api/files", MAX_UPLOAD_BYTES)  # read_upload says when over
    mount_page(app)  # the page and /chat/static/, before the catch-all below
    app.include_router(webchat_router(WebchatApi(container, conversations)))
    app.include_router(nowhere_router())  # last: every other address under /chat
    return WebChat(
        notifier=WebNotifier(container.engine, container.clock),
        fetcher=StoredFileFetcher(conversations.store),
    )
