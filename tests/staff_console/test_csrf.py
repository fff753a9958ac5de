"""Every console form carries a token tied to the visitor; a POST without it is refused (403)."""

from __future__ import annotations

import pytest

from backend.people.models import StaffAccount
from tests.fakes import FakeClock
from tests.staff_accounts import PASSWORD
from tests.staff_console.helpers import ConsoleVisitor

REFUSED = "表单已过期"


@pytest.mark.parametrize("token", ["", "0" * 64, "not-even-hex"])
def test_sign_in_without_the_right_token_is_refused_with_a_readable_page(
    visitor: ConsoleVisitor, coordinator: StaffAccount, token: str
) -> None:
    visitor.get("/console/sign-in")

    response = visitor.post(
        "/console/sign-in", {"login": "wang", "password": PASSWORD}, token=token
    )

    assert response.status_code == 403
    assert response.headers["content-type"].startswith("text/html")
    assert REFUSED in response.text
    assert not visitor.lands_on_home()


def test_a_form_without_any_token_field_is_refused(
    visitor: ConsoleVisitor, coordinator: StaffAccount
) -> None:
    visitor.get("/console/sign-in")

    response = visitor.client.post(
        "/console/sign-in", data={"login": "wang", "password": PASSWORD}, follow_redirects=False
    )

    assert response.status_code == 403


def test_sign_out_from_another_site_is_refused_and_the_session_lives_on(
    visitor: ConsoleVisitor, coordinator: StaffAccount
) -> None:
    visitor.sign_in("wang", PASSWORD)

    response = visitor.post("/console/sign-out", {}, token="")

    assert response.status_code == 403
    assert visitor.lands_on_home()


def test_the_token_of_the_sign_in_page_is_no_good_once_signed_in(
    visitor: ConsoleVisitor, coordinator: StaffAccount
) -> None:
    visitor.get("/console/sign-in")
    before = visitor.token
    visitor.post("/console/sign-in", {"login": "wang", "password": PASSWORD})

    assert visitor.post("/console/sign-out", {}, token=before).status_code == 403
    assert visitor.get("/console/").status_code == 200
    assert visitor.token != before
    assert visitor.post("/console/sign-out", {}).status_code == 303


def test_the_token_of_another_session_is_refused(
    visitor: ConsoleVisitor, coordinator: StaffAccount
) -> None:
    other = ConsoleVisitor(visitor.client.__class__(visitor.client.app))
    other.sign_in("wang", PASSWORD)
    other.get("/console/")
    visitor.sign_in("wang", PASSWORD)

    assert visitor.post("/console/sign-out", {}, token=other.token).status_code == 403


def test_a_form_from_a_session_that_has_ended_leads_to_sign_in(
    visitor: ConsoleVisitor, coordinator: StaffAccount, clock: FakeClock
) -> None:
    visitor.sign_in("wang", PASSWORD)
    visitor.get("/console/")
    clock.advance(minutes=31)

    response = visitor.post("/console/sign-out", {})

    assert response.status_code == 303
    assert response.headers["location"] == "/console/sign-in?ended=1"


@pytest.mark.parametrize(
    ("referer", "location"),
    [
        (
            "http://testserver/console/cases/HQ-1?tab=x",
            "/console/sign-in?next=%2Fconsole%2Fcases%2FHQ-1%3Ftab%3Dx&ended=1",
        ),
        ("http://elsewhere.test/console/cases/HQ-1", "/console/sign-in?ended=1"),
        ("http://testserver/api/v1/cases", "/console/sign-in?ended=1"),
        ("not a url", "/console/sign-in?ended=1"),
    ],
)
def test_signing_in_again_leads_back_to_the_page_the_form_was_posted_from(
    visitor: ConsoleVisitor,
    coordinator: StaffAccount,
    clock: FakeClock,
    referer: str,
    location: str,
) -> None:
    # Reviewer, 2026-12-01: a reply submitted once the session had ended led, after signing
    # in again, to the home page; the page it came from (this site's console only) is next.
    visitor.sign_in("wang", PASSWORD)
    visitor.get("/console/")
    clock.advance(minutes=31)

    form = {"csrf_token": visitor.token, "text": "备注"}
    response = visitor.client.post(
        "/console/cases/HQ-1/notes",
        data=form,
        headers={"Referer": referer},
        follow_redirects=False,
    )

    assert response.status_code == 303
    assert response.headers["location"] == location


def test_a_form_posted_without_the_form_cookie_is_refused(
    visitor: ConsoleVisitor, coordinator: StaffAccount
) -> None:
    visitor.get("/console/sign-in")
    visitor.client.cookies.clear()

    response = visitor.post("/console/sign-in", {"login": "wang", "password": PASSWORD})

    assert response.status_code == 403


def test_an_oversized_form_is_refused_without_being_read(visitor: ConsoleVisitor) -> None:
    visitor.get("/console/sign-in")

    response = visitor.post("/console/sign-in", {"login": "x" * 300_000, "password": "y"})

    assert response.status_code == 413


def test_a_form_past_the_processs_body_limit_gets_the_readable_page_not_a_bare_code(
    visitor: ConsoleVisitor, coordinator: StaffAccount
) -> None:
    visitor.sign_in("wang", PASSWORD)
    visitor.get("/console/")

    # A case page's note form: FastAPI reads the form before the CSRF check can weigh it.
    response = visitor.post("/console/cases/HQ-261127-0001/notes", {"text": "x" * 1_100_000})

    assert response.status_code == 413
    assert response.headers["content-type"].startswith("text/html")
    assert "提交的内容太大。" in response.text
