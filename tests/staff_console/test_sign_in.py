"""Signing in and out of the console over HTTP; sessions that end on time and on deactivation."""

from __future__ import annotations

import pytest

from backend.bootstrap import Container
from backend.db import session_scope
from backend.people.deactivation import deactivate_staff
from backend.people.models import StaffAccount
from backend.people.sign_in import MAX_WRONG_PASSWORDS
from tests.fakes import FakeClock
from tests.staff_accounts import PASSWORD, staff_with_password
from tests.staff_console.helpers import ConsoleVisitor

FAILED = "登录失败：登录名或密码不正确，或该登录名因连续输错密码已暂停登录 15 分钟。"


def test_the_sign_in_form_has_labelled_login_and_password_fields(
    visitor: ConsoleVisitor,
) -> None:
    html = visitor.get("/console/sign-in").text

    assert '<label for="field-login">登录名</label>' in html
    assert '<label for="field-password">密码</label>' in html
    assert 'id="field-login" name="login"' in html
    assert 'id="field-password" name="password" type="password"' in html
    assert '<html lang="zh-CN">' in html


def test_the_right_password_leads_to_the_console(
    visitor: ConsoleVisitor, coordinator: StaffAccount
) -> None:
    response = visitor.sign_in("wang", PASSWORD)

    assert (response.status_code, response.headers["location"]) == (303, "/console/")
    home = visitor.get("/console/")
    assert home.status_code == 200
    assert "协调员 王" in home.text and "<h1>工作台</h1>" in home.text


@pytest.mark.parametrize(("login", "password"), [("wang", "wrong password"), ("zhao", PASSWORD)])
def test_a_wrong_password_and_an_unknown_login_get_the_same_page(
    visitor: ConsoleVisitor, coordinator: StaffAccount, login: str, password: str
) -> None:
    response = visitor.sign_in(login, password)

    assert response.status_code == 400
    assert FAILED in response.text
    assert not visitor.lands_on_home()


def test_ten_wrong_passwords_pause_the_login_with_the_same_message_for_fifteen_minutes(
    visitor: ConsoleVisitor, coordinator: StaffAccount, clock: FakeClock
) -> None:
    for _ in range(MAX_WRONG_PASSWORDS):
        assert FAILED in visitor.sign_in("wang", "wrong password").text

    paused = visitor.sign_in("wang", PASSWORD)
    assert (paused.status_code, FAILED in paused.text) == (400, True)
    clock.advance(minutes=14)
    assert visitor.sign_in("wang", PASSWORD).status_code == 400
    clock.advance(minutes=1)
    assert visitor.sign_in("wang", PASSWORD).status_code == 303
    assert visitor.lands_on_home()


def test_a_page_sends_a_visitor_without_a_session_to_sign_in_and_back_afterwards(
    visitor: ConsoleVisitor, coordinator: StaffAccount
) -> None:
    response = visitor.client.get("/console/?view=mine", follow_redirects=False)

    assert response.status_code == 303
    assert response.headers["location"] == "/console/sign-in?next=%2Fconsole%2F%3Fview%3Dmine"
    visitor.get(response.headers["location"])
    signed_in = visitor.post(
        "/console/sign-in", {"login": "wang", "password": PASSWORD, "next": "/console/?view=mine"}
    )
    assert signed_in.headers["location"] == "/console/?view=mine"


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/",
        "/api/v1/cases",
        "/\\evil.example",
        "/console/../api/v1/cases",  # a dot segment out of the console
        "/console/%2e%2e/api/v1/cases",
    ],
)
def test_after_sign_in_the_visitor_stays_inside_the_console(
    visitor: ConsoleVisitor, coordinator: StaffAccount, target: str
) -> None:
    visitor.get("/console/sign-in")
    response = visitor.post(
        "/console/sign-in", {"login": "wang", "password": PASSWORD, "next": target}
    )

    assert response.headers["location"] == "/console/"


def test_sign_out_ends_the_session_even_for_a_copy_of_the_cookie(
    visitor: ConsoleVisitor, coordinator: StaffAccount
) -> None:
    visitor.sign_in("wang", PASSWORD)
    stolen = visitor.cookie("intake_session")

    response = visitor.sign_out()

    assert response.headers["location"] == "/console/sign-in?bye=1"
    assert "您已退出登录。" in visitor.get("/console/sign-in?bye=1").text
    assert not visitor.lands_on_home()
    visitor.client.cookies.set("intake_session", stolen or "")
    assert not visitor.lands_on_home()


def test_the_session_ends_after_thirty_idle_minutes(
    visitor: ConsoleVisitor, coordinator: StaffAccount, clock: FakeClock
) -> None:
    visitor.sign_in("wang", PASSWORD)
    clock.advance(minutes=29)
    assert visitor.lands_on_home()
    clock.advance(minutes=29)  # 29 idle minutes since the last request: still alive
    assert visitor.lands_on_home()

    clock.advance(minutes=30)

    response = visitor.client.get("/console/", follow_redirects=False)
    assert response.status_code == 303
    assert "ended=1" in response.headers["location"]
    assert "您的登录已过期或已结束" in visitor.get(response.headers["location"]).text


def test_a_deactivated_account_is_signed_out_at_once(
    visitor: ConsoleVisitor, coordinator: StaffAccount, container: Container
) -> None:
    visitor.sign_in("wang", PASSWORD)
    assert visitor.lands_on_home()
    # Another coordinator stays: the last active one cannot be deactivated.
    staff_with_password(container, login="zhao", name="协调员 赵")

    with session_scope(container.engine) as session:
        deactivate_staff(session=session, staff_id=coordinator.id or 0, clock=container.clock)

    assert not visitor.lands_on_home()
    assert visitor.sign_in("wang", PASSWORD).status_code == 400


def test_two_staff_members_have_sessions_of_their_own(
    visitor: ConsoleVisitor, coordinator: StaffAccount, container: Container
) -> None:
    staff_with_password(container, login="li", role="clerk", department="czj", name="联络员 李")
    other = ConsoleVisitor(visitor.client.__class__(visitor.client.app))
    visitor.sign_in("wang", PASSWORD)
    other.sign_in("li", PASSWORD)

    assert "协调员 王" in visitor.get("/console/").text
    assert "联络员 李" in other.get("/console/").text
