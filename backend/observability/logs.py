"""Log lines: one JSON object a line in production, plain text at a developer's terminal.

The standard library's logging throughout, with python-json-logger's formatter. Every
handler carries three filters, in this order: the request's context (`request_id`, `actor`,
`case`, and for the access line `route`, `status`, `duration_ms`), the fields of uvicorn's
access line (`client`, `method`, `path`, `status`), and the redaction filter, which keeps
PINs, tokens, passwords and reporters' contacts out of every line
(`backend.observability.redaction`).
"""

from __future__ import annotations

import logging
import sys
from typing import Any, TextIO

from pythonjsonlogger.json import JsonFormatter

from backend.observability.context import current
from backend.observability.redaction import RedactionFilter
from backend.settings import Settings

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"
# Loggers that say too much at INFO: APScheduler's line per job run (every 15 s), httpx's
# line per request (the Telegram channel polls; the URL carries the bot's token).
QUIET_LOGGERS = ("apscheduler", "httpx", "httpcore")
CONTEXT_FIELDS = ("request_id", "actor", "case", "route", "duration_ms")


class RequestContextFilter(logging.Filter):
    """Add the current request's facts to a record (in the thread that logs it)."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Copy request_id, actor, case (and route, status, duration when known)."""
        context = current()
        if context is not None:
            for key, value in context.fields().items():
                if not hasattr(record, key):
                    setattr(record, key, value)
        return True


class AccessLineFilter(logging.Filter):
    """Give uvicorn's access line its parts as fields: client, method, path, status."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Split the arguments of uvicorn.access's `'%s - "%s %s HTTP/%s" %d'` line."""
        args = record.args
        if record.name == "uvicorn.access" and isinstance(args, tuple) and len(args) == 5:
            client, method, path, _version, status = args
            record.client, record.method, record.path, record.status = client, method, path, status
        return True


class TextFormatter(logging.Formatter):
    """A line for a person: time, level, logger, message, then the request's facts."""

    def __init__(self) -> None:
        super().__init__(TEXT_FORMAT)

    def format(self, record: logging.LogRecord) -> str:
        """Return the line, with ` [request_id=... actor=...]` when there is a request."""
        line = super().format(record)
        facts = " ".join(
            f"{key}={getattr(record, key)}" for key in CONTEXT_FIELDS if hasattr(record, key)
        )
        return f"{line} [{facts}]" if facts else line


def json_formatter() -> logging.Formatter:
    """Return the JSON formatter: time (UTC, ISO 8601), level, logger, message and fields."""
    return JsonFormatter(
        ["levelname", "name", "message"],
        rename_fields={"levelname": "level", "name": "logger"},
        timestamp="time",
        json_ensure_ascii=False,
    )


def make_handler(settings: Settings, stream: TextIO | None = None) -> logging.Handler:
    """Return a handler writing to the stream (stderr) in the configured format, filtered."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(json_formatter() if settings.json_logs else TextFormatter())
    for log_filter in (RequestContextFilter(), AccessLineFilter(), RedactionFilter()):
        handler.addFilter(log_filter)
    return handler


def configure_logging(settings: Settings, stream: TextIO | None = None) -> logging.Handler:
    """Send every logger (uvicorn's too) to one handler on the root logger; return it."""
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    handler = make_handler(settings, stream)
    root.addHandler(handler)
    root.setLevel(settings.log_level)
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        # uvicorn's own handlers, if any were set, would write a second, unfiltered line.
        # A level or propagate=False left by an earlier uvicorn.Config in this process (its
        # log_level, access_log=False) would drop the lines: they follow the root logger.
        uvicorn_logger = logging.getLogger(name)
        uvicorn_logger.handlers.clear()
        uvicorn_logger.propagate = True
        uvicorn_logger.setLevel(logging.NOTSET)
    return handler


def uvicorn_options(settings: Settings) -> dict[str, Any]:
    """Return uvicorn.run's logging options: its loggers left to `configure_logging`."""
    return {"log_config": None, "log_level": settings.log_level.lower(), "access_log": True}
