"""The page behind a one-time set-password link."""

from __future__ import annotations

from datetime import timedelta

from backend.bootstrap import Container
from backend.db import session_scope
from backend.people.models import StaffAccount
from backend.people.password_links import issue_password_link, password_link_path
from tests.fakes import FakeClock
from tests.staff_accounts import staff_with_password
from tests.staff_console.helpers import ConsoleVisitor

NEW = "my new console password"


def link_for(container: Container, staff: StaffAccount) -> str:
    with session_scope(container.engine) as session:
        token = issue_password_link(
            session=session, staff=staff, clock=container.clock, valid_for=timedelta(hours=48)
        )
    return password_link_path(token)


def new_clerk(container: Container) -> StaffAccount:
    return staff_with_password(
        container, login="li", role="clerk", department="czj", name="联络员 李", password=None
    )


def test_a_new_clerk_sets_a_password_through_the_link_and_signs_in_with_it(
    visitor: ConsoleVisitor, container: Container
) -> None:
    path = link_for(container, new_clerk(container))

    page = visitor.get(path)
    assert page.status_code == 200
    assert "为 联络员 李（登录名 li）设置新密码。" in page.text
    assert '<label for="field-password_repeat">' in page.text
    done = visitor.post(path, {"password": NEW, "password_repeat": NEW})

    assert (done.status_code, done.headers["location"]) == (303, "/console/sign-in?password=1")
    assert "密码已设置" in visitor.get("/console/sign-in?password=1").text
    assert visitor.sign_in("li", NEW).status_code == 303


def test_the_link_works_only_once(visitor: ConsoleVisitor, container: Container) -> None:
    path = link_for(container, new_clerk(container))
    visitor.get(path)
    visitor.post(path, {"password": NEW, "password_repeat": NEW})

    again = visitor.get(path)

    assert again.status_code == 404
    assert "链接已失效" in again.text


def test_an_expired_link_shows_that_it_no_longer_works(
    visitor: ConsoleVisitor, container: Container, clock: FakeClock
) -> None:
    path = link_for(container, new_clerk(container))
    visitor.get(path)
    clock.advance(hours=48)

    response = visitor.post(path, {"password": NEW, "password_repeat": NEW})

    assert response.status_code == 404
    assert "链接已失效" in response.text


def test_a_short_or_mismatched_password_is_refused_on_the_form_and_the_link_kept(
    visitor: ConsoleVisitor, container: Container
) -> None:
    path = link_for(container, new_clerk(container))
    visitor.get(path)

    short = visitor.post(path, {"password": "short", "password_repeat": "short"})
    assert short.status_code == 400 and "密码太短，至少需要 10 个字符。" in short.text
    mismatch = visitor.post(path, {"password": NEW, "password_repeat": NEW + "!"})
    assert mismatch.status_code == 400 and "两次输入的密码不一致。" in mismatch.text
    assert NEW not in mismatch.text  # a password is never written back into the page

    assert visitor.post(path, {"password": NEW, "password_repeat": NEW}).status_code == 303
