"""What the web chat and the console read around the service: the language, replies as JSON."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine
from sqlmodel import select

from backend.conversations.models import Conversation
from backend.db import session_scope
from dialogs.model import ChatRef, Outbound


def dialog_language(engine: Engine, chat: ChatRef, default: str = "zh") -> str:
    """Return the language the chat's dialog speaks now (it changes with /lang)."""
    statement = select(Conversation.state).where(
        Conversation.channel == chat.channel, Conversation.chat_id == chat.chat_id
    )
    with session_scope(engine) as session:
        state = session.exec(statement).first()
    language = (state or {}).get("language")
    return language if language in ("zh", "en") else default


def reply_json(reply: Outbound) -> dict[str, Any]:
    """Return a reply as the page shows it: text, rows of buttons, a request, a removal."""
    request = reply.request
    return {
        "text": reply.text,
        "buttons": [
            [{"label": button.label, "payload": button.payload} for button in row]
            for row in reply.buttons
        ],
        "request": {"kind": request.kind, "label": request.label} if request else None,
        "remove_keyboard": reply.remove_keyboard,
    }
