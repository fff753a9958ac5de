"""Lists of cases in each order, paged by keyset: every case once, in order, on both databases."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from backend.actors import Actor
from backend.bootstrap import Container
from backend.cases.models import Case
from backend.cases.ordering import CaseOrder
from backend.cases.queries import CaseFilter, count_cases, list_cases
from backend.db import session_scope
from backend.deadlines.views import nearest_clocks
from backend.errors import Forbidden, ValidationFailed
from backend.people.models import Role
from tests.api.helpers import ENFORCEMENT, act, file_case
from tests.conftest import Staff
from tests.fakes import FakeClock

COORDINATOR = Actor("staff", 1, "协调员", Role.coordinator, "fgw")
CZJ_CLERK = Actor("staff", 2, "联络员", Role.clerk, "czj")


def walk(container: Container, actor: Actor, order: CaseOrder, limit: int = 2) -> list[str]:
    numbers: list[str] = []
    cursor = None
    with session_scope(container.engine) as session:
        while True:
            page = list_cases(
                session=session,
                actor=actor,
                where=CaseFilter(),
                cursor=cursor,
                limit=limit,
                order=order,
            )
            numbers += [case.number for case in page.cases]
            if page.next_cursor is None:
                return numbers
            cursor = page.next_cursor


@pytest.fixture
def filed(client: TestClient, staff: Staff, clock: FakeClock) -> list[str]:
    """Five cases: three of czj filed a day apart, one of sfj, one in triage; then the
    oldest czj case is signed for (it changed last, and its sign clock is met)."""
    numbers = []
    for text in (None, None, None):
        body = {"text": text} if text else {}
        numbers.append(file_case(client, staff.coordinator, **body)["number"])
        clock.advance(days=1)
    numbers.append(file_case(client, staff.coordinator, text=ENFORCEMENT)["number"])
    numbers.append(file_case(client, staff.coordinator, text="请问怎么注册账号呢？")["number"])
    clock.advance(hours=1)
    first = client.get(f"/api/v1/cases/{numbers[0]}", headers=staff.coordinator).json()
    assert act(client, staff.czj_clerk, first, "sign").status_code == 200
    return numbers


def test_received_is_newest_first(container: Container, filed: list[str]) -> None:
    assert walk(container, COORDINATOR, CaseOrder.received) == filed[::-1]


def test_waiting_puts_the_case_unchanged_the_longest_first(
    container: Container, filed: list[str]
) -> None:
    assert walk(container, COORDINATOR, CaseOrder.waiting) == [*filed[1:], filed[0]]


def test_due_puts_the_nearest_due_date_first_and_cases_without_a_clock_last(
    container: Container, filed: list[str]
) -> None:
    # filed[1..3] wait to be signed for (sign clocks, some due the same day: the row id
    # breaks the tie); filed[0] was signed for (its resolve clock runs 15 working days);
    # filed[4], in triage, has no clock and comes last.
    order = walk(container, COORDINATOR, CaseOrder.due, limit=1)

    with session_scope(container.engine) as session:
        ids = {c.number: c.id for c in session.exec(select(Case)).all()}
        clocks = nearest_clocks(session=session, case_ids=[i for i in ids.values() if i])
        due = {n: clocks[i].due_at for n, i in ids.items() if i in clocks}
    assert order == [*sorted(due, key=lambda n: (due[n], ids[n])), filed[4]]
    assert order[-2] == filed[0]


def test_a_clerk_pages_only_through_the_own_units_cases(
    container: Container, filed: list[str]
) -> None:
    for order in CaseOrder:
        assert sorted(walk(container, CZJ_CLERK, order)) == sorted(filed[:3])
    with session_scope(container.engine) as session:
        assert count_cases(session=session, actor=CZJ_CLERK, where=CaseFilter()) == 3


@pytest.mark.parametrize(
    ("order", "cursor"),
    [
        (CaseOrder.received, "d1.1"),
        (CaseOrder.due, "12"),
        (CaseOrder.due, "w1.1"),
        (CaseOrder.waiting, "w-.1"),
        (CaseOrder.waiting, "w999999999999999999.1"),
    ],
)
def test_a_cursor_of_another_order_is_refused(
    container: Container, order: CaseOrder, cursor: str
) -> None:
    with session_scope(container.engine) as session, pytest.raises(ValidationFailed) as refused:
        list_cases(
            session=session,
            actor=COORDINATOR,
            where=CaseFilter(),
            cursor=cursor,
            limit=5,
            order=order,
        )
    assert refused.value.code == "bad_cursor"


def test_only_a_coordinator_may_filter_by_the_reporters_phone(container: Container) -> None:
    where = CaseFilter(reporter_phone="13812345678")
    with session_scope(container.engine) as session:
        assert count_cases(session=session, actor=COORDINATOR, where=where) == 0
        with pytest.raises(Forbidden):
            list_cases(session=session, actor=CZJ_CLERK, where=where, cursor=None, limit=5)


def test_received_dates_bound_the_list(container: Container, filed: list[str]) -> None:
    with session_scope(container.engine) as session:
        first = session.exec(select(Case).where(Case.number == filed[0])).one().created_at
        where = CaseFilter(received_since=first, received_until=first + timedelta(days=1))
        page = list_cases(session=session, actor=COORDINATOR, where=where, cursor=None, limit=9)
    assert [c.number for c in page.cases] == [filed[0]]
