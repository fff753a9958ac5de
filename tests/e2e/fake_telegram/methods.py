"""The Bot API methods the fake implements (getUpdates lives in ``server.py``, it waits)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from . import messages
from .context import ApiContext, Params, chat_id_of
from .errors import bad_request

Method = Callable[[ApiContext, Params], Any]
EXPIRED_QUERY = "query is too old and response timeout expired or query ID is invalid"
_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")


def get_me(ctx: ApiContext, params: Params) -> dict[str, Any]:
    """getMe: the bot's User, derived from the token."""
    return ctx.bot


def answer_callback_query(ctx: ApiContext, params: Params) -> bool:
    """answerCallbackQuery: each query injected by ``tap`` can be answered exactly once."""
    query_id = str(params.get("callback_query_id") or "")
    with ctx.store.changed:
        if ctx.store.callbacks.get(query_id) is not False:
            raise bad_request(EXPIRED_QUERY)
        ctx.store.callbacks[query_id] = True
        ctx.store.answered.append(params)
        ctx.store.changed.notify_all()
    return True


def send_chat_action(ctx: ApiContext, params: Params) -> bool:
    """sendChatAction: accepted and recorded."""
    chat_id_of(params)
    if not params.get("action"):
        raise bad_request("action is empty")
    return True


def _commands_key(params: Params) -> str:
    return json.dumps([params.get("scope"), params.get("language_code") or ""], sort_keys=True)


def set_my_commands(ctx: ApiContext, params: Params) -> bool:
    """setMyCommands: remember the list per scope and language."""
    commands = params.get("commands")
    if not isinstance(commands, list):
        raise bad_request("commands is empty")
    with ctx.store.changed:
        ctx.store.commands[_commands_key(params)] = commands
    return True


def get_my_commands(ctx: ApiContext, params: Params) -> list[Any]:
    """getMyCommands: the list last set for that scope and language."""
    with ctx.store.changed:
        return list(ctx.store.commands.get(_commands_key(params), []))


def delete_my_commands(ctx: ApiContext, params: Params) -> bool:
    """deleteMyCommands: forget the list for that scope and language."""
    with ctx.store.changed:
        ctx.store.commands.pop(_commands_key(params), None)
    return True


def set_webhook(ctx: ApiContext, params: Params) -> bool:
    """setWebhook: switch to webhook delivery; pending updates are delivered there."""
    url = str(params.get("url") or "")
    secret = params.get("secret_token") or None
    if secret is not None and not _SECRET.fullmatch(secret):
        raise bad_request("secret token contains unallowed characters")
    allowed = params.get("allowed_updates")
    drop = params.get("drop_pending_updates") is True
    flushed = ctx.updates.set_webhook(
        url, secret, allowed if isinstance(allowed, list) else None, drop
    )
    for target, update in flushed:
        ctx.deliver(target, update)
    return True


def delete_webhook(ctx: ApiContext, params: Params) -> bool:
    """deleteWebhook: back to getUpdates (drop_pending_updates honoured)."""
    ctx.updates.delete_webhook(params.get("drop_pending_updates") is True)
    return True


def get_webhook_info(ctx: ApiContext, params: Params) -> dict[str, Any]:
    """getWebhookInfo: url, pending_update_count and allowed_updates."""
    return ctx.updates.webhook_info()


METHODS: dict[str, Method] = {
    "getMe": get_me,
    "sendMessage": messages.send_message,
    "sendPhoto": messages.send_photo,
    "sendDocument": messages.send_document,
    "editMessageText": messages.edit_message_text,
    "editMessageReplyMarkup": messages.edit_message_reply_markup,
    "deleteMessage": messages.delete_message,
    "getFile": messages.get_file,
    "answerCallbackQuery": answer_callback_query,
    "sendChatAction": send_chat_action,
    "setMyCommands": set_my_commands,
    "getMyCommands": get_my_commands,
    "deleteMyCommands": delete_my_commands,
    "setWebhook": set_webhook,
    "deleteWebhook": delete_webhook,
    "getWebhookInfo": get_webhook_info,
}
CANONICAL = {name.lower(): name for name in [*METHODS, "getUpdates"]}
