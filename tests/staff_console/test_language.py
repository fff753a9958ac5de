"""Chinese first; the switch in the header changes the language and the browser remembers it."""

from __future__ import annotations

from backend.people.models import StaffAccount
from tests.staff_accounts import PASSWORD
from tests.staff_console.helpers import ConsoleVisitor


def test_the_console_speaks_chinese_first_whatever_the_browser_asks(
    visitor: ConsoleVisitor,
) -> None:
    html = visitor.client.get("/console/sign-in", headers={"Accept-Language": "en-US"}).text

    assert '<html lang="zh-CN">' in html and "<h1>登录</h1>" in html


def test_the_switch_changes_the_language_and_is_remembered(
    visitor: ConsoleVisitor, coordinator: StaffAccount
) -> None:
    visitor.get("/console/sign-in")

    response = visitor.post("/console/language", {"language": "en", "next": "/console/sign-in"})

    assert (response.status_code, response.headers["location"]) == (303, "/console/sign-in")
    page = visitor.get("/console/sign-in")
    assert '<html lang="en">' in page.text and "<h1>Sign in</h1>" in page.text
    assert "Sign-in failed" in visitor.sign_in("wang", "wrong password").text
    visitor.sign_in("wang", PASSWORD)
    assert "Hello, 协调员 王." in visitor.get("/console/").text


def test_an_unknown_language_or_a_foreign_next_falls_back_safely(
    visitor: ConsoleVisitor,
) -> None:
    visitor.get("/console/sign-in")

    response = visitor.post(
        "/console/language", {"language": "fr", "next": "https://evil.example/"}
    )

    assert response.headers["location"] == "/console/"
    assert '<html lang="zh-CN">' in visitor.get("/console/sign-in").text
