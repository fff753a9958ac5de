"""Bot API methods that send, edit and delete messages or serve files."""

from __future__ import annotations

import time
from typing import Any

from . import media
from .context import ApiContext, Params, chat_id_of, int_param, is_inline, public
from .errors import bad_request
from .markup import check_reply_markup, check_text
from .objects import as_sender
from .params import UploadedFile
from .store import StoredFile

NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)


def _send(ctx: ApiContext, params: Params, fields: dict[str, Any]) -> dict[str, Any]:
    chat_id = chat_id_of(params)
    markup = params.get("reply_markup")
    check_reply_markup(markup)
    if markup is not None:
        fields["reply_markup"] = markup
    reply_to = (params.get("reply_parameters") or {}).get("message_id") or params.get(
        "reply_to_message_id"
    )
    if isinstance(reply_to, int):
        with ctx.store.changed:
            original = ctx.store.find_message(chat_id, reply_to)
            if original is not None:
                fields["reply_to_message"] = public(original)
    return public(ctx.store.add_message(chat_id, as_sender(ctx.bot), fields))


def send_message(ctx: ApiContext, params: Params) -> dict[str, Any]:
    """sendMessage: validate text, parse_mode and keyboard, then store the bot's message."""
    chat_id_of(params)
    check_text(params.get("text"), params.get("parse_mode"))
    fields: dict[str, Any] = {"text": params["text"]}
    if params.get("entities"):
        fields["entities"] = params["entities"]
    return _send(ctx, params, fields)


def _caption(params: Params) -> dict[str, Any]:
    caption = params.get("caption")
    if not caption:
        return {}
    check_text(caption, params.get("parse_mode"), caption=True)
    return {"caption": caption}


def _input_bytes(ctx: ApiContext, value: Any) -> bytes:
    if isinstance(value, UploadedFile):
        return value.data
    if isinstance(value, str):
        known = ctx.store.file_by_id(value)
        if known is not None:
            return known.data
        if value.startswith(("http://", "https://")):
            return b""
    raise bad_request("wrong file identifier/HTTP URL specified")


def send_photo(ctx: ApiContext, params: Params) -> dict[str, Any]:
    """sendPhoto: store the upload (or reuse a file_id) as a message with a PhotoSize array."""
    chat_id_of(params)
    data = _input_bytes(ctx, params.get("photo"))
    fields = {"photo": media.photo(ctx.store, data), **_caption(params)}
    return _send(ctx, params, fields)


def send_document(ctx: ApiContext, params: Params) -> dict[str, Any]:
    """sendDocument: store the upload (or reuse a file_id) as a message with a Document."""
    chat_id_of(params)
    value = params.get("document")
    data = _input_bytes(ctx, value)
    name = value.filename if isinstance(value, UploadedFile) else "document"
    mime = value.content_type if isinstance(value, UploadedFile) else "application/octet-stream"
    fields = {"document": media.document(ctx.store, data, name, mime), **_caption(params)}
    return _send(ctx, params, fields)


def _editable(ctx: ApiContext, params: Params) -> dict[str, Any]:
    """Return the stored bot message to edit; callers must hold ``store.changed``."""
    chat_id, message_id = chat_id_of(params), int_param(params, "message_id")
    message = ctx.store.find_message(chat_id, message_id)
    if message is None:
        raise bad_request("message to edit not found")
    if message["from"].get("id") != ctx.bot["id"]:
        raise bad_request("message can't be edited")
    return message


def _apply_markup(message: dict[str, Any], markup: Any) -> None:
    """Set the new inline keyboard; omitting it removes the current one, as in Telegram."""
    if markup is not None:
        message["reply_markup"] = markup
    elif is_inline(message.get("reply_markup")):
        del message["reply_markup"]


def _current_inline(message: dict[str, Any]) -> Any:
    markup = message.get("reply_markup")
    return markup if is_inline(markup) else None


def edit_message_text(ctx: ApiContext, params: Params) -> dict[str, Any] | bool:
    """editMessageText: change a bot message's text; a missing reply_markup drops the keyboard."""
    text, markup = params.get("text"), params.get("reply_markup")
    check_text(text, params.get("parse_mode"))
    check_reply_markup(markup)
    if params.get("inline_message_id"):
        return True
    with ctx.store.changed:
        message = _editable(ctx, params)
        if "text" not in message:
            raise bad_request("there is no text in the message to edit")
        if message["text"] == text and _current_inline(message) == markup:
            raise bad_request(NOT_MODIFIED)
        message["text"] = text
        _apply_markup(message, markup)
        message["edit_date"] = int(time.time())
        ctx.store.changed.notify_all()
        return public(message)


def edit_message_reply_markup(ctx: ApiContext, params: Params) -> dict[str, Any] | bool:
    """editMessageReplyMarkup: replace or (when omitted) remove a bot message's keyboard."""
    markup = params.get("reply_markup")
    check_reply_markup(markup)
    if params.get("inline_message_id"):
        return True
    with ctx.store.changed:
        message = _editable(ctx, params)
        if _current_inline(message) == markup:
            raise bad_request(NOT_MODIFIED)
        _apply_markup(message, markup)
        message["edit_date"] = int(time.time())
        ctx.store.changed.notify_all()
        return public(message)


def delete_message(ctx: ApiContext, params: Params) -> bool:
    """deleteMessage: forget a message in a chat."""
    if not ctx.store.delete_message(chat_id_of(params), int_param(params, "message_id")):
        raise bad_request("message to delete not found")
    return True


def get_file(ctx: ApiContext, params: Params) -> dict[str, Any]:
    """getFile: return a File whose file_path can be downloaded from the file URL."""
    stored: StoredFile | None = ctx.store.file_by_id(str(params.get("file_id") or ""))
    if stored is None:
        raise bad_request("invalid file_id")
    return {**media.file_fields(stored), "file_path": stored.file_path}
