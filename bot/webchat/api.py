"""The web chat's JSON endpoints under /chat/api: session, messages, files, updates."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.concurrency import run_in_threadpool

from backend.attachments.store import ContentStore
from backend.bootstrap import Container
from backend.conversations.service import ConversationService
from backend.errors import UploadRefused
from bot.webchat.conversation import dialog_language, reply_json
from bot.webchat.errors import WebchatError, request_language
from bot.webchat.events import client_id, event_id, inbound_of, parse_object
from bot.webchat.files import (
    MAX_UPLOAD_BYTES,
    content_type,
    declared_size,
    file_kind,
    file_name,
    read_limited,
    read_upload,
)
from bot.webchat.notifier import CHANNEL, updates_after
from bot.webchat.page import not_found_page
from bot.webchat.tokens import BadToken, ExpiredToken, TokenSigner
from dialogs.flows.common import megabytes
from dialogs.model import ChatRef, FileRef, Inbound

log = logging.getLogger(__name__)
ROUTES = {
    "/chat/api/session": ("GET", "POST"),
    "/chat/api/messages": ("POST",),
    "/chat/api/files": ("POST",),
    "/chat/api/updates": ("GET",),
}
ALL_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]


class WebchatApi:
    """The endpoints' shared parts: the service, the token signer and the size caps."""

    def __init__(self, container: Container, conversations: ConversationService) -> None:
        self.container = container
        self.conversations = conversations
        settings = container.settings
        self.signer = TokenSigner(
            container.secret_key.get_secret_value(),
            clock=container.clock,
            days=settings.webchat_token_days,
            legacy=settings.webchat_legacy_tokens,
        )
        # The dialog answers text over its own limit itself; this cap only stops abuse.
        self.text_cap = 2 * settings.max_text_length
        self.body_cap = 12 * self.text_cap + 4096  # JSON may escape a character as 12 bytes

    def chat_of(self, request: Request) -> tuple[ChatRef, dict[str, str]]:
        """Return the chat of the request's Bearer token and what the answer adds to renew it.

        The second part is `{"token": <fresh token>}` when the token is due for renewal (older
        than a day, or of the old format; bot/webchat/tokens.py), else `{}`. Refused: 401
        `token_missing` without a token, 401 `token_expired` past INTAKE_WEBCHAT_TOKEN_DAYS,
        403 `token_invalid` when forged or its time was changed.
        """
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise WebchatError(401, "token_missing")
        try:
            checked = self.signer.check(token.strip())
        except BadToken:
            raise WebchatError(403, "token_invalid") from None
        except ExpiredToken:
            days = self.signer.lifetime.days
            raise WebchatError(401, "token_expired", days=days) from None
        chat = ChatRef(CHANNEL, checked.chat_id, origin=client_address(request))
        return chat, {"token": checked.renewal} if checked.renewal else {}

    async def json_body(self, request: Request, *, optional: bool = False) -> dict[str, Any]:
        """Return the request's JSON object, read within the body cap."""
        too_large = WebchatError(413, "body_too_large", max=self.body_cap)
        body = await read_limited(
            request.stream(),
            request.headers.get("content-length"),
            limit=self.body_cap,
            too_large=too_large,
        )
        if optional and not body.strip():
            return {}
        return parse_object(body)

    async def answer(self, inbound: Inbound, content: bytes | None = None) -> dict[str, Any]:
        """Run the event through the dialog; return its replies and the dialog's language."""
        try:
            replies = await run_in_threadpool(self.conversations.handle, inbound, content)
        except (PoolTimeout, OperationalError):
            # The database stalls; nothing was saved, the page may send the event again.
            retry_after = str(self.container.capacity.retry_after)
            raise WebchatError(503, "busy", headers={"Retry-After": retry_after}) from None
        except UploadRefused:
            raise  # answered 409 or 429 with its message (install_webchat_errors)
        except Exception:  # noqa: BLE001 - the service logged it and rolled back
            raise WebchatError(500, "internal") from None
        try:
            engine = self.container.engine
            language = await run_in_threadpool(dialog_language, engine, inbound.chat)
        except Exception:  # noqa: BLE001 - the replies stand; only the page's words may lag
            log.exception("web chat %s: cannot read the dialog's language", inbound.chat.chat_id)
            language = "en" if inbound.language_hint == "en" else "zh"
        return {"replies": [reply_json(reply) for reply in replies], "language": language}


def client_address(request: Request) -> str | None:
    """Return the client's address: the peer's, or the one a trusted proxy named.

    uvicorn puts the proxy's X-Forwarded-For there for `forwarded_allow_ips` only; lookups by
    PIN from all the chats of one address share a limit (backend.cases.pins).
    """
    return request.client.host if request.client else None


def webchat_router(api: WebchatApi) -> APIRouter:
    """Return the router of /chat/api (the page's routes are added by the caller).

    An answer to a request with a token due for renewal carries `token`, which the page keeps
    instead of the one it sent (WebchatApi.chat_of).
    """
    router = APIRouter(prefix="/chat/api", include_in_schema=False)

    @router.post("/session", status_code=201)
    async def start_session(request: Request) -> dict[str, Any]:
        """Open a chat: a new opaque id, its signed token, and the greeting."""
        body = await api.json_body(request, optional=True)
        language = body.get("language", request_language(request))
        if language not in ("zh", "en"):
            problem = ("须为 zh 或 en", "use zh or en")
            raise WebchatError(422, "field_invalid", field="language", problem=problem)
        chat_id, token = api.signer.new_chat()
        chat = ChatRef(CHANNEL, chat_id, origin=client_address(request))
        greeting = Inbound(
            kind="command",
            command="start",
            chat=chat,
            event_id=event_id(chat, "start"),
            language_hint=language,
        )
        return {"chat_id": chat_id, "token": token, **await api.answer(greeting)}

    @router.get("/session")
    async def read_session(request: Request) -> dict[str, Any]:
        """Check a kept token (after a reload), say the dialog's language, renew it when due."""
        chat, renewal = api.chat_of(request)
        language = await run_in_threadpool(dialog_language, api.container.engine, chat)
        return {"chat_id": chat.chat_id, "language": language, **renewal}

    @router.post("/messages")
    async def send_message(request: Request) -> dict[str, Any]:
        """Hand one event (text, command, button, location, contact) to the dialog."""
        chat, renewal = api.chat_of(request)
        raw = await api.json_body(request)
        inbound = inbound_of(
            raw, chat, text_cap=api.text_cap, language_hint=request_language(request)
        )
        return {**await api.answer(inbound), **renewal}

    @router.post("/files")
    async def upload_file(request: Request) -> dict[str, Any]:
        """Store a raw-body upload by its SHA-256 and hand it to the dialog as photo or file.

        Before a byte is read, the chat must be filing a complaint or record (409) with room
        left in its daily quota (429); the count is taken for good in the dialog's turn.
        """
        chat, renewal = api.chat_of(request)
        headers = request.headers
        client = client_id(headers.get("x-client-message-id"), field="X-Client-Message-Id")
        declared = declared_size(headers.get("content-length"))
        if declared is not None and declared > MAX_UPLOAD_BYTES:
            raise WebchatError(413, "file_too_large", mb=megabytes(MAX_UPLOAD_BYTES))
        room = await run_in_threadpool(api.conversations.upload_room, chat, declared)
        data = await read_upload(request.stream(), headers.get("content-length"), room)
        kind, media = file_kind(content_type(headers.get("content-type")), data)
        digest = ContentStore.digest_of(data)
        file = FileRef(digest, kind, len(data), media, file_name(headers.get("x-file-name")))
        inbound = Inbound(
            kind=kind,
            chat=chat,
            event_id=event_id(chat, client),
            file=file,
            language_hint=request_language(request),
        )
        shown = {"id": digest, "kind": kind, "size": len(data), "name": file.name}
        return {"file": shown, **await api.answer(inbound, data), **renewal}

    @router.get("/updates")
    async def read_updates(request: Request) -> dict[str, Any]:
        """Return the messages pushed to this chat after the id the page saw last."""
        chat, renewal = api.chat_of(request)
        after = request.query_params.get("after", "0").strip()
        if not (after.isascii() and after.isdigit()) or len(after) > 18:
            problem = ("须为非负整数", "use a whole number, 0 or more")
            raise WebchatError(422, "field_invalid", field="after", problem=problem)
        messages = await run_in_threadpool(
            updates_after, api.container.engine, chat.chat_id, int(after)
        )
        last = messages[-1]["id"] if messages else int(after)
        return {"messages": messages, "last_id": last, **renewal}

    return router


def nowhere_router() -> APIRouter:
    """Return the router that answers every other address under /chat with JSON."""
    router = APIRouter(include_in_schema=False)

    @router.api_route("/chat/{rest:path}", methods=ALL_METHODS, response_model=None)
    async def nowhere(request: Request, rest: str) -> HTMLResponse:
        """Refuse an unknown address (404; a browser's page asked for gets a page leading back
        to the chat) or a known one with the wrong method (405)."""
        allowed = ROUTES.get(request.url.path)
        if allowed is not None and request.method not in allowed:
            raise WebchatError(
                405,
                "method_not_allowed",
                method=request.method,
                headers={"Allow": ", ".join(allowed)},
            )
        if _browser_page_asked(request):
            return not_found_page()
        raise WebchatError(404, "not_found")

    return router


def _browser_page_asked(request: Request) -> bool:
    """Tell whether a browser asked for a page (not the API, not a program wanting JSON)."""
    if request.method not in ("GET", "HEAD") or request.url.path.startswith("/chat/api/"):
        return False
    return "text/html" in request.headers.get("accept", "")
