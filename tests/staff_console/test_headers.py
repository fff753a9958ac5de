"""Strict headers and cookie flags on every console response; templates without inline code."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

import backend.console
from backend.people.models import StaffAccount
from tests.staff_accounts import PASSWORD
from tests.staff_console.helpers import ConsoleVisitor

CONSOLE = Path(backend.console.__file__).resolve().parent
TEMPLATES = sorted((CONSOLE / "templates").rglob("*.html"))


def assert_strict(headers: httpx.Headers) -> None:
    (policy,) = headers.get_list("content-security-policy")
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy and "http" not in policy and "*" not in policy
    assert headers.get_list("x-content-type-options") == ["nosniff"]
    assert headers.get_list("referrer-policy") == ["same-origin"]


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/console/sign-in", 200),
        ("/console/", 303),
        ("/console/no-such-page", 404),
        ("/console/password/not-a-real-link", 404),
        ("/console/static/console.css", 200),
        ("/console/static/console.js", 200),
        ("/console/static/missing.js", 404),
    ],
)
def test_every_console_response_carries_the_strict_headers(
    client: TestClient, path: str, status: int
) -> None:
    response = client.get(path, follow_redirects=False)

    assert response.status_code == status
    assert_strict(response.headers)


def test_pages_are_never_cached_and_static_files_are(client: TestClient) -> None:
    assert client.get("/console/sign-in").headers["cache-control"] == "no-store"
    assert "max-age" in client.get("/console/static/console.css").headers["cache-control"]


def test_a_refused_form_carries_the_strict_headers_too(visitor: ConsoleVisitor) -> None:
    response = visitor.post("/console/sign-in", {}, token="")

    assert response.status_code == 403
    assert_strict(response.headers)


def test_over_http_the_session_cookie_is_httponly_and_lax(
    visitor: ConsoleVisitor, coordinator: StaffAccount
) -> None:
    cookie = visitor.sign_in("wang", PASSWORD).headers["set-cookie"]

    assert cookie.startswith("intake_session=")
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Path=/" in cookie


def test_over_https_the_session_cookie_is_host_prefixed_and_secure(
    client: TestClient, coordinator: StaffAccount
) -> None:
    secure = ConsoleVisitor(TestClient(client.app, base_url="https://testserver"))
    page = secure.client.get("/console/sign-in")
    assert page.headers["set-cookie"].startswith("__Host-intake_form=")

    cookie = secure.sign_in("wang", PASSWORD).headers["set-cookie"]

    assert cookie.startswith("__Host-intake_session=")
    assert "Secure" in cookie and "HttpOnly" in cookie and "Path=/" in cookie
    assert "Domain" not in cookie
    assert secure.lands_on_home()


def test_assets_are_named_with_their_version(client: TestClient) -> None:
    html = client.get("/console/sign-in").text

    assert re.search(r'href="/console/static/console\.css\?v=[0-9a-f]{8}"', html)
    assert re.search(r'<script src="/console/static/console\.js\?v=[0-9a-f]{8}" defer>', html)


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: path.name)
def test_templates_hold_no_inline_script_style_or_handler(template: Path) -> None:
    source = template.read_text(encoding="utf-8")

    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", source) == []
    assert "<style" not in source
    assert re.findall(r"\sstyle\s*=", source) == []
    assert re.findall(r"\son[a-z]+\s*=", source) == []
    assert re.findall(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}", source, re.IGNORECASE) == []


def test_every_form_in_the_templates_carries_the_csrf_token() -> None:
    for template in TEMPLATES:
        source = template.read_text(encoding="utf-8")
        forms = re.findall(r"<form\b.*?</form>", source, re.DOTALL)
        for form in forms:
            if re.match(r'<form\b[^>]*\bmethod="get"', form):
                continue  # a search or filter form changes nothing (and a token in a URL leaks)
            assert 'include "partials/csrf.html"' in form, template.name
