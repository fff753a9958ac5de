"""The on-duty roster in the console: coordinators put colleagues on and off duty by date, a
night with nobody rostered is warned of, bad input is answered on the form."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient

from backend.bootstrap import Container
from backend.db import session_scope
from backend.duty.roster import list_duty
from backend.people.models import StaffAccount
from tests.staff_accounts import staff_with_password
from tests.staff_console.admin_helpers import clerk, signed_in
from tests.staff_console.helpers import ConsoleVisitor

DUTY = "/console/admin/duty"
FRIDAY = date(2026, 11, 27)  # the fake clock: Friday 10:00 in Tianjin


def on_duty(container: Container) -> list[tuple[str, str]]:
    with session_scope(container.engine) as session:
        rows = list_duty(session=session, first=FRIDAY, last=date(2026, 12, 31))
    return [(r.day.isoformat(), r.login) for r in rows]


@pytest.fixture
def admin(client: TestClient, container: Container, coordinator: StaffAccount) -> ConsoleVisitor:
    staff_with_password(container, login="zhao", name="协调员 赵", password=None)
    visitor = signed_in(client, "wang")
    visitor.get(DUTY)
    return visitor


def test_the_roster_lists_four_weeks_and_warns_that_tonight_has_nobody(
    admin: ConsoleVisitor,
) -> None:
    page = admin.get(DUTY).text
    assert page.count("data-duty-day=") == 28
    assert '<tr data-duty-day="2026-11-27" aria-current="date">' in page
    assert 'data-duty-day="2026-12-24"' in page and 'data-duty-day="2026-12-25"' not in page
    assert 'data-duty-gap="2026-11-27"' in page and "今晚无人值班" in page
    assert "值班日从 08:30 起至次日 08:30" in page
    assert '<option value="zhao">协调员 赵 (zhao)</option>' in page


def test_a_coordinator_is_put_on_duty_for_a_range_and_taken_off_one_day(
    admin: ConsoleVisitor, container: Container
) -> None:
    done = admin.post(
        f"{DUTY}/add", {"login": "zhao", "first": "2026-11-27", "last": "2026-11-29"}
    )

    assert (done.status_code, done.headers["location"]) == (303, DUTY)
    page = admin.get(DUTY).text
    assert "zhao 已排 3 天值班（2026-11-27 至 2026-11-29）。" in page
    assert "data-duty-gap" not in page
    assert on_duty(container) == [
        ("2026-11-27", "zhao"),
        ("2026-11-28", "zhao"),
        ("2026-11-29", "zhao"),
    ]

    removed = admin.post(f"{DUTY}/remove", {"login": "zhao", "first": "2026-11-28"})

    assert "已取消 zhao 的 1 天值班。" in admin.get(removed.headers["location"]).text
    assert on_duty(container) == [("2026-11-27", "zhao"), ("2026-11-29", "zhao")]


def test_the_dashboard_warns_a_coordinator_of_a_night_with_nobody_on_duty(
    admin: ConsoleVisitor, container: Container
) -> None:
    assert 'data-duty-gap="2026-11-27"' in admin.get("/console/dashboard").text
    admin.post(f"{DUTY}/add", {"login": "wang", "first": "2026-11-27"})
    assert "data-duty-gap" not in admin.get("/console/dashboard").text


def test_a_clerks_dashboard_shows_no_duty_warning(
    client: TestClient, container: Container, coordinator: StaffAccount
) -> None:
    clerk(container)
    assert "data-duty-gap" not in signed_in(client, "li").get("/console/dashboard").text


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"login": "nobody", "first": "2026-12-01"}, "没有登录名为 nobody 的在岗协调员"),
        ({"login": "", "first": "2026-12-01"}, "请选择值班的协调员。"),
        ({"login": "zhao", "first": "2026/12/01"}, "日期格式不对：2026/12/01。"),
        (
            {"login": "zhao", "first": "2026-12-01", "last": "2026-02-30"},
            "日期格式不对：2026-02-30。",
        ),
        (
            {"login": "zhao", "first": "2026-12-02", "last": "2026-12-01"},
            "结束日期 2026-12-01 早于开始日期 2026-12-02。",
        ),
        (
            {"login": "zhao", "first": "2026-12-01", "last": "2027-12-01"},
            "一次最多排 92 天的值班。",
        ),
        ({"login": "zhao", "first": "3000-01-01"}, "日期须在 1900-01-01 到 2999-12-31 之间。"),
    ],
)
def test_a_bad_roster_entry_is_refused_on_the_form_with_what_is_wrong(
    admin: ConsoleVisitor, container: Container, form: dict[str, str], message: str
) -> None:
    refused = admin.post(f"{DUTY}/add", form)

    assert refused.status_code == 400
    assert message in refused.text and 'role="alert"' in refused.text
    assert on_duty(container) == []


def test_a_refusal_is_worded_in_english_for_an_english_visit(
    admin: ConsoleVisitor, container: Container
) -> None:
    admin.post("/console/language", {"language": "en", "next": DUTY})
    admin.get(DUTY)

    refused = admin.post(f"{DUTY}/add", {"login": "nobody", "first": "2026-12-01"})

    assert "No active coordinator has the login nobody" in refused.text


def test_a_form_without_its_csrf_token_changes_nothing(
    admin: ConsoleVisitor, container: Container
) -> None:
    refused = admin.post(f"{DUTY}/add", {"login": "zhao", "first": "2026-12-01"}, token="")

    assert refused.status_code == 403
    assert on_duty(container) == []
