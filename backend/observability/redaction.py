"""Keep secrets and reporters' contacts out of log lines.

A log line never carries a PIN, a token, a password or a reporter's contact (decision 8).
The code does not log them on purpose; this filter is the net under it, on every handler:
fields with a secret's name are replaced whole, and every text (the message, the other
fields, a traceback, which may quote SQL parameters) is scrubbed of the shapes a secret or a
contact takes: Bearer tokens, Telegram bot tokens (in Bot API URLs), `pin=...`,
`password: ...` and the like, Open311's reporter fields in a query string (`first_name=`,
`description=`, ...), set-password links, mobile and landline numbers, e-mail
addresses.
"""

from __future__ import annotations

import logging
import re
from typing import Any
from urllib.parse import unquote_plus

from backend.contacts import mask_contacts

REDACTED = "[redacted]"
# Fields (of `extra=`, or keys of a logged mapping) whose value is dropped whatever it is.
SECRET_FIELDS = frozenset(
    {
        "pin",
        "password",
        "new_password",
        "token",
        "api_key",
        "secret",
        "authorization",
        "cookie",
        "phone",
        "email",
        "reporter",
        "reporter_name",
        "name",
        "contact",
        "chat_id",
    }
)
_KEYS = (
    r"pin|password|passwd|new_password|token|access_token|api_key|apikey|secret|"
    r"phone|mobile|email|tel|提取码|密码|电话|手机|"
    # Open311 lets a client send the reporter's fields in the query string (GeoReport v2)
    r"first_name|last_name|description|account_id|device_id"
)
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # Authorization: Bearer abc..., also in a repr of headers
    (re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]+"), rf"\1 {REDACTED}"),
    # Bot API URLs carry the bot's token: https://api.telegram.org/bot123:ABC/getUpdates
    (re.compile(r"/bot\d+:[A-Za-z0-9_-]+"), f"/bot{REDACTED}"),
    (re.compile(r"(?<![\w:])\d{6,12}:[A-Za-z0-9_-]{30,}"), REDACTED),
    # "password": "two words", 'token': '...' (JSON, reprs): the whole quoted value
    (
        re.compile(rf"(?i)((?<![A-Za-z])(?:{_KEYS})[\"']?\s*[=:：]\s*)([\"'])(?:(?!\2).)*\2"),
        rf"\1\2{REDACTED}\2",
    ),
    # pin=123456, token: abc (query strings, prose)
    (
        re.compile(rf"(?i)((?<![A-Za-z])(?:{_KEYS})[\"']?\s*[=:：]\s*[\"']?)[^\s&,;\"'}}]+"),
        rf"\1{REDACTED}",
    ),
    # PIN 123456, 提取码 123456 (prose)
    (re.compile(r"(?i)((?<![A-Za-z])(?:pin|提取码|密码)\s*)\d{4,8}(?!\d)"), rf"\1{REDACTED}"),
    # one-time links whose path is the capability (not the routes' templates, {token}):
    # set-password, rating, email confirmation, channel verification
    (
        re.compile(r"(/(?:password|rate|email|channels/verify)/)(?!\{)[^/?#\s\"']+"),
        rf"\1{REDACTED}",
    ),
)
# A query string's value as a request line carries it: percent-encoded, `+` for a space.
_QUERY_VALUE = re.compile(r"([?&][^=\s&#\"']+=)([^\s&#\"']*[%+][^\s&#\"']*)")
# LogRecord's own attributes: never treated as extra fields.
_RECORD_ATTRIBUTES = frozenset(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


def scrub(text: str) -> str:
    """Return the text with every secret or contact shape replaced by [redacted]."""
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    text = _QUERY_VALUE.sub(_encoded_value, text)
    # e-mail addresses, ID-card, bank card, mobile and landline numbers (backend.contacts)
    return mask_contacts(text, REDACTED)


def _encoded_value(match: re.Match[str]) -> str:
    """Redact an encoded query value whose decoded text holds a contact (a console search for
    a phone number reaches the access log as `q=138%201234%205678`)."""
    decoded = unquote_plus(match.group(2))
    if mask_contacts(decoded, REDACTED) == decoded:
        return match.group(0)
    return match.group(1) + REDACTED


def scrub_value(key: str, value: Any) -> Any:
    """Return a field's value fit for a log line: dropped when its name is secret."""
    if key.lower() in SECRET_FIELDS:
        return REDACTED
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, dict):
        return {k: scrub_value(str(k), v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [scrub_value(key, v) for v in value]
    return value


class RedactionFilter(logging.Filter):
    """Scrub every record a handler writes (attach it to handlers, not loggers)."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Render the message, scrub it, its fields and its traceback; keep the record."""
        if isinstance(record.msg, dict) and not record.args:
            record.msg = scrub_value("", record.msg)
        else:
            record.msg = scrub(record.getMessage())
            record.args = None
        for key, value in list(vars(record).items()):
            if key not in _RECORD_ATTRIBUTES:
                setattr(record, key, scrub_value(key, value))
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            # Formatters use the (scrubbed) text when the exception itself is gone.
            record.exc_text, record.exc_info = scrub(record.exc_text), None
        if record.stack_info:
            record.stack_info = scrub(record.stack_info)
        return True
