"""Builders for Telegram JSON objects (users, chats, entities, media)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

DEFAULT_LANGUAGE = "zh-hans"
GROUP_SENDER_ID = 1000
_COMMAND = re.compile(r"/[A-Za-z0-9_]{1,64}(@[A-Za-z0-9_]{3,})?")
_MENTION = re.compile(r"(?<![A-Za-z0-9_])@[A-Za-z][A-Za-z0-9_]{3,31}")


def utf16_len(text: str) -> int:
    """Return the length Telegram uses for entity offsets (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def command_entities(text: str) -> list[dict[str, Any]]:
    """Return a ``bot_command`` entity when the text starts with a command such as ``/start``,
    and a ``mention`` entity for each ``@username`` in it, as Telegram's apps mark them."""
    entities = []
    match = _COMMAND.match(text)
    if match is not None:
        entities.append({"type": "bot_command", "offset": 0, "length": utf16_len(match.group())})
    for mention in _MENTION.finditer(text):
        if match is not None and mention.start() < match.end():
            continue  # the @bot of /command@bot belongs to the command
        offset = utf16_len(text[: mention.start()])
        entities.append({"type": "mention", "offset": offset, "length": utf16_len(mention[0])})
    return entities


def bot_user(token: str, username: str, first_name: str) -> dict[str, Any]:
    """Return the bot's own User object; its id is the numeric part of the token."""
    prefix = token.split(":", 1)[0]
    return {
        "id": int(prefix) if prefix.isdigit() else 1,
        "is_bot": True,
        "first_name": first_name,
        "username": username,
        "can_join_groups": True,
        "can_read_all_group_messages": False,
        "supports_inline_queries": False,
    }


def as_sender(bot: Mapping[str, Any]) -> dict[str, Any]:
    """Return the bot User as it appears in a message's ``from`` (no capability flags)."""
    return {key: bot[key] for key in ("id", "is_bot", "first_name", "username")}


def make_user(
    chat_id: int,
    user: Mapping[str, Any] | None = None,
    language_code: str | None = DEFAULT_LANGUAGE,
) -> dict[str, Any]:
    """Return a human User; in a private chat its id is the chat id, as in Telegram."""
    base: dict[str, Any] = {
        "id": chat_id if chat_id > 0 else GROUP_SENDER_ID,
        "is_bot": False,
        "first_name": "Tester",
        "username": f"tester{abs(chat_id)}",
    }
    if language_code:
        base["language_code"] = language_code
    return {**base, **(user or {})}


def make_chat(chat_id: int, chat_type: str, user: Mapping[str, Any]) -> dict[str, Any]:
    """Return a Chat object: a private chat mirrors the user, a group gets a title."""
    if chat_type == "private":
        chat = {"id": chat_id, "type": "private", "first_name": user.get("first_name", "")}
        if user.get("username"):
            chat["username"] = user["username"]
        return chat
    return {"id": chat_id, "type": chat_type, "title": f"Test {chat_type} {chat_id}"}


def photo_sizes(file_ids: list[str], unique_ids: list[str], size: int) -> list[dict[str, Any]]:
    """Return a PhotoSize array, smallest first and the original last, like Telegram."""
    sides = [90, 320, 800, 1280][-len(file_ids) :]
    return [
        {
            "file_id": file_id,
            "file_unique_id": unique_id,
            "width": side,
            "height": side,
            "file_size": size,
        }
        for file_id, unique_id, side in zip(file_ids, unique_ids, sides, strict=True)
    ]


def update_type(update: Mapping[str, Any]) -> str:
    """Return the kind of an update, e.g. ``message`` or ``callback_query``."""
    return next((key for key in update if key != "update_id"), "")
