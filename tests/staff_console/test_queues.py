"""The queues on the console's landing page: who sees which cases in which queue, over HTTP."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from backend.bootstrap import Container
from tests.conftest import Staff
from tests.fakes import FakeClock
from tests.records.helpers import filed
from tests.staff_console.queue_helpers import Day, file_day, numbers_on, signed_in

# role x queue: what each one holds on 2 December (see queue_helpers.Day).
MATRIX = [
    ("wang", "triage", lambda d: {d.triage}),
    ("wang", "overdue", lambda d: {d.czj_late, d.sfj_late}),
    ("wang", "due_soon", lambda d: {d.czj_fresh}),
    ("wang", "decisions", lambda d: {d.returned, d.czj_extension}),
    ("wang", "open", lambda d: d.all()),
    ("li", "new", lambda d: {d.czj_late, d.czj_fresh}),
    ("li", "in_progress", lambda d: {d.czj_signed, d.czj_extension}),
    ("li", "due_soon", lambda d: {d.czj_fresh}),
    ("li", "overdue", lambda d: {d.czj_late}),
    ("zhao", "new", lambda d: {d.sfj_late}),
    ("zhao", "in_progress", lambda d: set()),
    ("zhao", "due_soon", lambda d: set()),
    ("zhao", "overdue", lambda d: {d.sfj_late}),
]


@pytest.fixture
def day(client: TestClient, staff: Staff, clock: FakeClock) -> Day:
    return file_day(client, staff, clock)


@pytest.mark.parametrize(
    ("who", "queue", "expected"), MATRIX, ids=[f"{w}-{q}" for w, q, _ in MATRIX]
)
def test_each_role_sees_in_each_queue_exactly_its_cases_with_their_count(
    client: TestClient, container: Container, day: Day, who: str, queue: str, expected: object
) -> None:
    visitor = signed_in(client, container, who)

    page = visitor.get(f"/console/?queue={queue}")

    wanted = expected(day)  # type: ignore[operator]
    assert page.status_code == 200
    assert numbers_on(page.text) == wanted
    assert f'data-queue="{queue}" aria-current="page"' in page.text
    assert f'<span class="count">{len(wanted)}</span>' in page.text


@pytest.mark.parametrize(
    ("who", "tabs"),
    [
        ("wang", ["triage", "overdue", "due_soon", "decisions", "open"]),
        ("li", ["new", "in_progress", "due_soon", "overdue"]),
    ],
)
def test_the_landing_page_shows_the_roles_queues_and_opens_on_the_first(
    client: TestClient, container: Container, day: Day, who: str, tabs: list[str]
) -> None:
    visitor = signed_in(client, container, who)

    home = visitor.get("/console/")

    assert [tab for tab in tabs if f'data-queue="{tab}"' in home.text] == tabs
    assert f'<section class="card" aria-labelledby="queue-heading" data-queue="{tabs[0]}">' in (
        home.text
    )


def test_a_clerk_never_sees_another_units_case_in_any_queue(
    client: TestClient, container: Container, day: Day
) -> None:
    visitor = signed_in(client, container, "zhao")

    seen = set()
    for queue in ("new", "in_progress", "due_soon", "overdue", "triage", "open", "decisions"):
        seen |= numbers_on(visitor.get(f"/console/?queue={queue}").text)

    assert seen == {day.sfj_late}


def test_a_row_shows_the_nearest_due_date_and_how_long_the_case_waited(
    client: TestClient, container: Container, day: Day
) -> None:
    visitor = signed_in(client, container, "li")

    page = visitor.get("/console/?queue=overdue").text

    assert '<time datetime="2026-11-30">2026-11-30</time> <span class="tag tag--overdue">' in page
    assert "5 天 0 小时" in page  # routed on the 27th at 10:00, looked at on the 2nd at 10:00
    assert "财政局" in page and "已派单" in page


def test_a_due_date_counted_over_unknown_days_is_marked_provisional(
    client: TestClient, container: Container, staff: Staff, clock: FakeClock
) -> None:
    from tests.api.helpers import act, file_case

    clock.advance(days=20)  # 17 December: fifteen working days run into 2027, not yet known
    act(client, staff.czj_clerk, file_case(client, staff.coordinator), "sign")
    visitor = signed_in(client, container, "li")

    page = visitor.get("/console/?queue=in_progress").text

    assert '<span class="tag tag--provisional">暂定</span>' in page


def test_queues_sort_by_due_date_received_and_waiting_through_links(
    client: TestClient, container: Container, day: Day
) -> None:
    visitor = signed_in(client, container, "wang")

    by_due = visitor.get("/console/?queue=open&sort=due").text
    by_waiting = visitor.get("/console/?queue=open&sort=waiting").text

    assert 'href="/console/?queue=open&amp;sort=waiting"' in by_due
    assert _order(by_due, day)[:3] == [day.czj_late, day.sfj_late, day.czj_fresh]
    assert _order(by_waiting, day)[0] == day.triage  # unchanged since the 27th, first filed


def test_an_unknown_queue_or_sort_or_a_broken_cursor_is_said_on_the_page(
    client: TestClient, container: Container, day: Day
) -> None:
    visitor = signed_in(client, container, "li")

    unknown = visitor.get("/console/?queue=triage")
    sideways = visitor.get("/console/?queue=new&sort=sideways")
    garbage = visitor.get("/console/?queue=new&cursor=%27%3B--")

    assert (unknown.status_code, "没有这个队列；请从上面的队列中选择一个。" in unknown.text) == (
        400,
        True,
    )
    assert (sideways.status_code, "没有这种排序方式。" in sideways.text) == (400, True)
    assert (garbage.status_code, "翻页链接无效，请从第一页重新开始。" in garbage.text) == (
        400,
        True,
    )
    assert numbers_on(unknown.text) == set()


def _order(html: str, day: Day) -> list[str]:
    import re

    return re.findall(r'href="/console/cases/([A-Z]+-[0-9]{6}-[0-9]{4})"', html)


def test_dishonesty_records_are_in_no_queue_they_are_worked_on_the_records_screens(
    client: TestClient, container: Container, day: Day, staff: Staff
) -> None:
    # Reviewer, 2026-12-01: records filed by a unit sat in the coordinator's 待分派 for
    # good (a record's case offers no action) and the tab's count was too high.
    complete = filed(client, staff.czj_clerk)
    draft = filed(client, staff.czj_clerk, draft=True, document_number=None)
    for who in ("wang", "li"):
        visitor = signed_in(client, container, who)
        for queue in ("triage", "new", "in_progress", "due_soon", "overdue", "decisions", "open"):
            shown = numbers_on(visitor.get(f"/console/?queue={queue}").text)
            assert not shown & {complete["number"], draft["number"]}, (who, queue)


def test_a_triage_row_shows_its_dispatch_deadline_and_an_urgent_row_its_sign_time(
    client: TestClient, container: Container, staff: Staff, day: Day
) -> None:
    from tests.api.helpers import file_case

    urgent = file_case(client, staff.coordinator, urgent=True)  # 2 December 10:00, czj
    coordinator, clerk = signed_in(client, container, "wang"), signed_in(client, container, "li")

    triage = row_of(coordinator.get("/console/?queue=triage").text, day.triage)
    new = row_of(clerk.get("/console/?queue=new").text, urgent["number"])

    assert '<time datetime="2026-11-27">2026-11-27</time>' in triage  # the same working day
    assert "tag--overdue" in triage and "派单时限" in triage
    assert '<time datetime="2026-12-02T10:30:00+08:00">2026-12-02 10:30</time>' in new
    assert "tag--overdue" not in new


def row_of(page: str, number: str) -> str:
    import re

    found = re.search(
        rf'<tr class="case-row[^"]*">\s*<th[^>]*>\s*'
        rf'<span><a href="/console/cases/{number}">.*?</tr>',
        page,
        re.DOTALL,
    )
    assert found is not None, f"no row of {number}"
    return found.group(0)
