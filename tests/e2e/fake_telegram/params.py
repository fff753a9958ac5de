"""Decode Bot API request parameters the way Telegram does, whatever the body encoding.

Starlette's ``request.form()`` needs ``python-multipart``, which the project does not depend
on, so url-encoded and multipart bodies are parsed with the standard library instead.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from email import policy
from email.parser import BytesParser
from typing import Any
from urllib.parse import parse_qsl

from starlette.requests import Request

from .errors import bad_request

# Fields whose values are plain strings even when they look like JSON ("123", "true").
STRING_FIELDS = frozenset(
    {
        "action",
        "address",
        "animation",
        "audio",
        "business_connection_id",
        "callback_query_id",
        "caption",
        "description",
        "document",
        "emoji",
        "file_id",
        "first_name",
        "inline_message_id",
        "ip_address",
        "language_code",
        "last_name",
        "message_effect_id",
        "parse_mode",
        "phone_number",
        "photo",
        "question",
        "secret_token",
        "short_description",
        "sticker",
        "text",
        "title",
        "url",
        "vcard",
        "video",
        "video_note",
        "voice",
    }
)


@dataclass(frozen=True)
class UploadedFile:
    """A file the bot uploaded in a multipart request."""

    filename: str
    content_type: str
    data: bytes


def decode_value(name: str, raw: str) -> Any:
    """Decode one form or query value: JSON for structured fields, the raw string otherwise."""
    if name in STRING_FIELDS:
        return raw
    try:
        return json.loads(raw)
    except ValueError:
        return raw


def parse_multipart(content_type: str, body: bytes) -> dict[str, Any]:
    """Split a multipart/form-data body into decoded fields and ``UploadedFile`` parts."""
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode()
    message = BytesParser(policy=policy.HTTP).parsebytes(head + body)
    if not message.is_multipart():
        raise bad_request("can't parse multipart body")
    fields: dict[str, Any] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str):
            continue
        data = part.get_payload(decode=True)
        payload = data if isinstance(data, bytes) else b""
        filename = part.get_filename()
        if filename is None:
            charset = part.get_content_charset() or "utf-8"
            fields[name] = decode_value(name, payload.decode(charset))
        else:
            fields[name] = UploadedFile(filename, part.get_content_type(), payload)
    return fields


def _parse_body(content_type: str, body: bytes) -> dict[str, Any]:
    if not body:
        return {}
    if content_type.startswith("application/json"):
        try:
            decoded = json.loads(body)
        except ValueError as exc:
            raise bad_request("can't parse JSON object") from exc
        if not isinstance(decoded, dict):
            raise bad_request("JSON body must be an object")
        return decoded
    if content_type.startswith("application/x-www-form-urlencoded"):
        pairs = parse_qsl(body.decode(), keep_blank_values=True)
        return {key: decode_value(key, value) for key, value in pairs}
    if content_type.startswith("multipart/form-data"):
        return parse_multipart(content_type, body)
    return {}


async def read_params(request: Request) -> dict[str, Any]:
    """Merge query parameters and the JSON, url-encoded or multipart body into one dict."""
    params: dict[str, Any] = {k: decode_value(k, v) for k, v in request.query_params.items()}
    if request.method == "POST":
        content_type = request.headers.get("content-type", "")
        params.update(_parse_body(content_type, await request.body()))
    return params
