"""Flash messages: what a form did, shown once on the page the browser is sent to next.

After a form the route answers 303 (POST/redirect/GET) and sets a short-lived cookie with the
message's text key, its parameters and, for actions that make a secret (a set-password link,
an API token, a bind code), that secret: it is shown on the next page once and nowhere kept.
The cookie is HttpOnly like the session's, and signed with `HMAC(INTAKE_SECRET_KEY, session
token + value)`: another site cannot plant a message, and a message outlives no session.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse

from backend import messages
from backend.console import cookies, texts
from backend.console.pages.navigation import see_other
from backend.console.rendering import render_page
from backend.console.visit import console_state, resolve_visit

COOKIE = "intake_flash"
MAX_AGE = 300  # seconds: the redirect follows at once; a stale message is not worth showing
_PURPOSE = b"console-flash:"
MESSAGE_PREFIX = "message:"  # the key names a message of backend.messages (a refusal)


@dataclass(frozen=True)
class Flash:
    """A message for the next page: a text key and its parameters, maybe a secret to show."""

    key: str
    params: dict[str, str] = field(default_factory=dict)
    secret: str = ""  # shown once, in a copyable box
    error: bool = False  # a refusal (role=alert) rather than news (role=status)


def _signature(secret_key: str, session_token: str, value: str) -> str:
    message = _PURPOSE + session_token.encode() + b":" + value.encode()
    return hmac.new(secret_key.encode(), message, hashlib.sha256).hexdigest()


def redirect_with_flash(request: Request, path: str, message: Flash) -> RedirectResponse:
    """Return a 303 to `path` that carries the message to the page shown there."""
    payload = {"k": message.key, "p": message.params, "s": message.secret, "e": message.error}
    value = base64.urlsafe_b64encode(json.dumps(payload).encode()).decode()
    token = resolve_visit(request).session_token
    signed = f"{value}.{_signature(console_state(request).secret, token, value)}"
    response = see_other(path)
    cookies.set_cookie(response, request, COOKIE, signed, max_age=MAX_AGE)
    return response


def take_flash(request: Request) -> Flash | None:
    """Return the message the last form left for this visitor, if it is genuine."""
    raw = cookies.read_cookie(request, COOKIE)
    value, _, signature = raw.partition(".")
    if not value or not signature:
        return None
    token = resolve_visit(request).session_token
    expected = _signature(console_state(request).secret, token, value)
    if not hmac.compare_digest(signature.encode(), expected.encode()):
        return None
    try:
        payload: dict[str, Any] = json.loads(base64.urlsafe_b64decode(value.encode()))
        params = {str(k): str(v) for k, v in dict(payload.get("p") or {}).items()}
        return Flash(str(payload["k"]), params, str(payload.get("s", "")), bool(payload.get("e")))
    except (ValueError, KeyError, TypeError):
        return None


def refusal(code: str, params: dict[str, object] | None = None) -> Flash:
    """Return a message saying why a service refused (a code of backend.messages)."""
    values = {name: str(value) for name, value in (params or {}).items()}
    return Flash(MESSAGE_PREFIX + code, values, error=True)


def flash_text(message: Flash, language: str) -> str:
    """Return the message's words in the visitor's language."""
    if message.key.startswith(MESSAGE_PREFIX):
        code = message.key.removeprefix(MESSAGE_PREFIX)
        return messages.render(code, language, **message.params)
    if not texts.has(message.key):
        return ""
    return texts.render(language, message.key, **message.params)


def render_with_flash(
    request: Request, template: str, *, status_code: int = 200, **context: Any
) -> HTMLResponse:
    """Render a page with the waiting message (as `flash`), and drop the message's cookie."""
    had_cookie = bool(cookies.read_cookie(request, COOKIE))
    message = take_flash(request)
    text = flash_text(message, resolve_visit(request).language) if message else ""
    response = render_page(
        request, template, status_code=status_code, flash=message, flash_text=text, **context
    )
    if had_cookie:
        cookies.clear_cookie(response, request, COOKIE)
    return response
