"""The console's cookies: names, flags, and reading them back.

Over https every cookie carries the `__Host-` prefix, which the browser accepts only with
`Secure`, `Path=/` and no `Domain`, so no other site or subdomain can plant or read it. Over
plain http (development on 127.0.0.1) the same cookie has its bare name and no `Secure`.
Every cookie is HttpOnly and SameSite=Lax: a link from a chat or an e-mail opens the console
signed in, while a form posted from another site arrives without the session.

Behind a proxy that ends TLS, uvicorn must trust its `X-Forwarded-Proto` (uvicorn's
`--forwarded-allow-ips`), or the console sees http and sets cookies without `Secure`.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

SESSION = "intake_session"  # the session's token (only its hash is stored)
FORM_KEY = "intake_form"  # a random key that binds the forms of a visitor not signed in
LANGUAGE = "intake_lang"  # zh or en, chosen with the switch
LANGUAGE_MAX_AGE = 365 * 24 * 3600


def is_secure(request: Request) -> bool:
    """Return whether the request came over https."""
    return request.url.scheme == "https"


def cookie_name(base: str, *, secure: bool) -> str:
    """Return the cookie's name: `__Host-` prefixed over https."""
    return f"__Host-{base}" if secure else base


def read_cookie(request: Request, base: str) -> str:
    """Return a console cookie's value, or an empty string."""
    return request.cookies.get(cookie_name(base, secure=is_secure(request)), "")


def set_cookie(
    response: Response, request: Request, base: str, value: str, *, max_age: int | None = None
) -> None:
    """Set a console cookie with the strict flags (a browser-session cookie by default)."""
    secure = is_secure(request)
    response.set_cookie(
        cookie_name(base, secure=secure),
        value,
        max_age=max_age,
        path="/",
        secure=secure,
        httponly=True,
        samesite="lax",
    )


def clear_cookie(response: Response, request: Request, base: str) -> None:
    """Remove a console cookie from the browser."""
    secure = is_secure(request)
    response.delete_cookie(
        cookie_name(base, secure=secure), path="/", secure=secure, httponly=True, samesite="lax"
    )
