"""The calendar in the console: corrections of days change the working-day count, years."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient

from backend.bootstrap import Container
from backend.db import session_scope
from backend.people.models import StaffAccount
from backend.workdays.overview import list_overrides
from tests.staff_console.admin_helpers import signed_in
from tests.staff_console.helpers import ConsoleVisitor

CALENDAR = "/console/admin/calendar"
CLOSURE = {"day": "2026-12-01", "kind": "off", "reason": "暴雪停工"}


def one_working_day_after(container: Container, day: date) -> date:
    with session_scope(container.engine) as session:
        return container.keeper.calendar.get(session).add_working_days(day, 1).day


def calendar_visitor(client: TestClient) -> ConsoleVisitor:
    admin = signed_in(client, "wang")
    admin.get(CALENDAR)
    return admin


def test_a_day_off_entered_in_the_console_changes_the_working_day_count(
    client: TestClient, container: Container, coordinator: StaffAccount
) -> None:
    admin = calendar_visitor(client)
    assert one_working_day_after(container, date(2026, 11, 30)) == date(2026, 12, 1)

    done = admin.post(f"{CALENDAR}/overrides", CLOSURE)

    assert (done.status_code, done.headers["location"]) == (303, CALENDAR)
    page = admin.get(CALENDAR).text
    assert "2026-12-01 已设为休息日；0 个期限已调整。" in page
    assert '<tr data-day="2026-12-01">' in page and "暴雪停工" in page
    assert one_working_day_after(container, date(2026, 11, 30)) == date(2026, 12, 2)


def test_a_make_up_working_day_counts_and_removing_it_restores_the_weekend(
    client: TestClient, container: Container, coordinator: StaffAccount
) -> None:
    admin = calendar_visitor(client)
    saturday = {"day": "2026-12-05", "kind": "working", "reason": "调休上班"}

    admin.post(f"{CALENDAR}/overrides", saturday)
    assert one_working_day_after(container, date(2026, 12, 4)) == date(2026, 12, 5)
    admin.get(CALENDAR)
    removed = admin.post(f"{CALENDAR}/overrides/2026-12-05/remove", {})

    assert "2026-12-05 已恢复为公布的安排" in admin.get(removed.headers["location"]).text
    assert one_working_day_after(container, date(2026, 12, 4)) == date(2026, 12, 7)


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({**CLOSURE, "day": "2026/12/01"}, "日期格式不对：2026/12/01。请按 年-月-日 填写"),
        ({**CLOSURE, "day": "2026-02-30"}, "日期格式不对：2026-02-30。"),
        ({**CLOSURE, "day": ""}, "请填写日期：按 年-月-日 填写"),
        ({**CLOSURE, "day": "3000-01-01"}, "日期须在 1900-01-01 到 2999-12-31 之间。"),
        ({**CLOSURE, "kind": ""}, "请选择这一天是休息日还是工作日。"),
        ({**CLOSURE, "reason": "  "}, "此操作需要填写理由。"),
        ({**CLOSURE, "reason": "长" * 501}, "理由太长，最多 500 个字符。"),
        ({**CLOSURE, "reason": "a\x00b"}, "含有无法保存的字符"),
    ],
)
def test_a_bad_correction_is_refused_on_the_form_with_what_is_wrong(
    client: TestClient,
    container: Container,
    coordinator: StaffAccount,
    form: dict[str, str],
    message: str,
) -> None:
    admin = calendar_visitor(client)

    refused = admin.post(f"{CALENDAR}/overrides", form)

    assert refused.status_code == 400
    assert message in refused.text and 'role="alert"' in refused.text
    with session_scope(container.engine) as session:
        assert list_overrides(session=session) == []


def test_the_next_year_is_provisional_and_cannot_be_confirmed_before_its_holidays(
    client: TestClient, coordinator: StaffAccount
) -> None:
    admin = calendar_visitor(client)
    page = admin.get(CALENDAR).text
    assert "2027 年：暂定" in page and "2027-01-01" in page
    assert "2026 年：暂定" not in page

    refused = admin.post(f"{CALENDAR}/years/2027/confirm", {})

    shown = admin.get(refused.headers["location"]).text
    assert "2027 年尚有法定节假日未录入为休息日" in shown and 'role="alert"' in shown


def test_a_removal_of_a_badly_written_day_is_refused_with_a_message(
    client: TestClient, coordinator: StaffAccount
) -> None:
    admin = calendar_visitor(client)

    refused = admin.post(f"{CALENDAR}/overrides/2026-13-01/remove", {})

    assert refused.status_code == 303
    assert "日期格式不对：2026-13-01。" in admin.get(refused.headers["location"]).text
