"""What a Bot API method implementation gets to work with."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .errors import ApiError, bad_request
from .store import ChatStore
from .updates import UpdateQueue, WebhookTarget

Params = dict[str, Any]
Deliver = Callable[[WebhookTarget, dict[str, Any]], None]


@dataclass(frozen=True)
class ApiContext:
    """The shared state plus the bot (derived from the request's token) making the call."""

    store: ChatStore
    updates: UpdateQueue
    deliver: Deliver
    bot: dict[str, Any]


def chat_id_of(params: Params) -> int:
    """Return the integer chat_id, or fail like Telegram does."""
    chat_id = params.get("chat_id")
    if chat_id is None or chat_id == "":
        raise bad_request("chat_id is empty")
    if isinstance(chat_id, bool) or not isinstance(chat_id, int):
        raise bad_request("chat not found")
    return chat_id


def int_param(params: Params, name: str) -> int:
    """Return a required integer parameter."""
    value = params.get(name)
    if isinstance(value, bool) or not isinstance(value, int):
        raise bad_request(f"{name} is empty" if value is None else f"invalid {name}")
    return value


def is_inline(markup: Any) -> bool:
    """True for an InlineKeyboardMarkup (the only markup Telegram echoes in a Message)."""
    return isinstance(markup, dict) and "inline_keyboard" in markup


def public(message: dict[str, Any]) -> dict[str, Any]:
    """Return a message as the Bot API shows it: only inline keyboards are echoed."""
    shown = copy.deepcopy(message)
    if not is_inline(shown.get("reply_markup")):
        shown.pop("reply_markup", None)
    return shown


def not_found(method: str) -> ApiError:
    """Return the error for an unknown Bot API method."""
    return ApiError(404, f"Not Found: method {method}")
