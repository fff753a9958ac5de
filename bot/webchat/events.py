"""Read a JSON event from the page into an Inbound, refusing what the dialog cannot take."""

from __future__ import annotations

import math
import re
from typing import Any

from backend.api.bodies import JsonTooDeep, load_json
from bot.webchat.errors import WebchatError
from dialogs.model import ChatRef, GeoPoint, Inbound

KINDS = ("text", "command", "button", "location", "contact")
_CLIENT_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")
_COMMAND = re.compile(r"^/?[A-Za-z_]{1,32}$")
MAX_ARGS = 10
MAX_ARG_LENGTH = 200
MAX_PAYLOAD_LENGTH = 128
MAX_PHONE_LENGTH = 32
MAX_NAME_LENGTH = 100


def parse_object(body: bytes) -> dict[str, Any]:
    """Return the JSON object of a request body; 400 when nested too deeply, 422 for no object."""
    try:
        raw = load_json(body)
    except JsonTooDeep as exc:
        raise WebchatError(400, "json_too_deep", max=exc.limit) from None
    except ValueError:  # UnicodeDecodeError included
        raise WebchatError(422, "bad_json") from None
    if not isinstance(raw, dict):
        raise WebchatError(422, "bad_json")
    return raw


def client_id(value: object, field: str = "client_id") -> str:
    """Return a client message id, which makes a resent message change nothing."""
    if value is None:
        raise WebchatError(422, "field_missing", field=field)
    if not isinstance(value, str) or not _CLIENT_ID.match(value):
        problem = ("须为 1 到 64 个字母、数字或 -_.:", "use 1 to 64 letters, digits or -_.:")
        raise WebchatError(422, "field_invalid", field=field, problem=problem)
    return value


def event_id(chat: ChatRef, client: str) -> str:
    """Return the event id of a client message: unique per chat, as the service needs it."""
    return f"{chat.chat_id}:{client}"


def inbound_of(
    raw: dict[str, Any], chat: ChatRef, *, text_cap: int, language_hint: str | None
) -> Inbound:
    """Turn the page's event into an Inbound for the conversation service."""
    client = client_id(raw.get("client_id"))
    kind = raw.get("kind")
    if kind is None:
        raise WebchatError(422, "field_missing", field="kind")
    if kind not in KINDS:  # not shown back: it could be anything, even unencodable
        raise WebchatError(422, "unknown_kind", known=", ".join(KINDS))
    common: dict[str, Any] = {
        "chat": chat,
        "event_id": event_id(chat, client),
        "language_hint": language_hint,
    }
    if kind == "text":
        return Inbound(kind="text", text=_text(raw, text_cap), **common)
    if kind == "command":
        command = _string(raw, "command", 33)
        if not _COMMAND.match(command):
            problem = ("不是命令名", "not a command name")
            raise WebchatError(422, "field_invalid", field="command", problem=problem)
        return Inbound(kind="command", command=command.lstrip("/"), args=_args(raw), **common)
    if kind == "button":
        payload = _string(raw, "payload", MAX_PAYLOAD_LENGTH)
        return Inbound(kind="button", payload=payload, **common)
    if kind == "location":
        point = GeoPoint(_number(raw, "latitude", 90.0), _number(raw, "longitude", 180.0))
        return Inbound(kind="location", location=point, **common)
    name = raw.get("name") or ""
    if not isinstance(name, str) or len(name) > MAX_NAME_LENGTH:
        problem = (
            f"须为不超过 {MAX_NAME_LENGTH} 字的文字",
            f"use text of {MAX_NAME_LENGTH} characters at most",
        )
        raise WebchatError(422, "field_invalid", field="name", problem=problem)
    phone = _string(raw, "phone", MAX_PHONE_LENGTH)
    return Inbound(kind="contact", phone=phone, contact_name=name, **common)


def _text(raw: dict[str, Any], cap: int) -> str:
    """Return the text; the dialog answers text over its own limit, this cap lies above it."""
    text = raw.get("text")
    if text is None:
        raise WebchatError(422, "field_missing", field="text")
    if not isinstance(text, str):
        raise WebchatError(422, "field_invalid", field="text", problem=("须为文字", "use text"))
    if not text.strip():
        raise WebchatError(422, "text_empty")
    if len(text) > cap:
        raise WebchatError(413, "text_too_long", length=len(text), max=cap)
    return text


def _string(raw: dict[str, Any], field: str, limit: int) -> str:
    value = raw.get(field)
    if value is None or value == "":
        raise WebchatError(422, "field_missing", field=field)
    if not isinstance(value, str) or len(value) > limit:
        problem = (f"须为不超过 {limit} 字的文字", f"use text of {limit} characters at most")
        raise WebchatError(422, "field_invalid", field=field, problem=problem)
    return value


def _args(raw: dict[str, Any]) -> tuple[str, ...]:
    args = raw.get("args", [])
    valid = (
        isinstance(args, list)
        and len(args) <= MAX_ARGS
        and all(isinstance(a, str) and 0 < len(a) <= MAX_ARG_LENGTH for a in args)
    )
    if not valid:
        problem = (
            f"须为最多 {MAX_ARGS} 个文字的列表，每个不超过 {MAX_ARG_LENGTH} 字",
            f"use a list of at most {MAX_ARGS} texts of {MAX_ARG_LENGTH} characters or fewer",
        )
        raise WebchatError(422, "field_invalid", field="args", problem=problem)
    return tuple(args)


def _number(raw: dict[str, Any], field: str, bound: float) -> float:
    value = raw.get(field)
    if value is None:
        raise WebchatError(422, "field_missing", field=field)
    number = value if isinstance(value, int | float) and not isinstance(value, bool) else None
    if number is None or not math.isfinite(number) or abs(number) > bound:
        problem = (
            f"须为 -{bound:g} 到 {bound:g} 之间的数",
            f"use a number from -{bound:g} to {bound:g}",
        )
        raise WebchatError(422, "field_invalid", field=field, problem=problem)
    return float(number)
