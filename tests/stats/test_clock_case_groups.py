"""The figures count clocks by the case's kind, category and channel as copied onto each clock.

Issue 13: the copies (backend.deadlines.case_groups) spare every count a join of the period's
clocks to their cases. They must always be what the cases say: after cases are filed, moved
between units, recategorised, signed, resolved, rated, reopened and left overdue, no clock's
copies differ from its case's, `intake stats rebuild` changes nothing, and every figure (each
measure, by unit, category and channel, for a month and a year) is the same as after the
copies are wiped and rebuilt from the cases alone.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, select, update
from sqlmodel import Session

from backend.bootstrap import Container
from backend.db import session_scope
from backend.deadlines.case_groups import drifted, rebuild
from backend.deadlines.models import Deadline
from backend.periods import period
from backend.stats.measures import Dimension, MeasureName, count
from tests.api.helpers import ENFORCEMENT
from tests.conftest import Staff
from tests.deadlines.conftest import tianjin
from tests.fakes import FakeClock
from tests.stats.helpers import ARREARS_TEXT, acted, filed, filed_from, rate, resolved

GROUPINGS: tuple[tuple[Dimension, ...], ...] = (
    (),
    (Dimension.unit,),
    (Dimension.category,),
    (Dimension.channel,),
    (Dimension.unit, Dimension.category, Dimension.channel),
)
PERIODS = {
    "november": (date(2026, 11, 1), date(2026, 11, 30)),
    "year": (date(2026, 1, 1), date(2026, 12, 31)),
}


def case(client: TestClient, headers: dict[str, str], number: str) -> dict[str, Any]:
    response = client.get(f"/api/v1/cases/{number}", headers=headers)
    assert response.status_code == 200, response.text
    found: dict[str, Any] = response.json()
    return found


def figures(session: Session, container: Container) -> dict[tuple[Any, ...], Counter[Any]]:
    """Return every measure by every grouping, for November and the year."""
    zone, now = container.settings.zone, container.clock.now()
    found = {}
    for label, (start, end) in PERIODS.items():
        window = period(start, end, zone)
        for name in MeasureName:
            for by in GROUPINGS:
                counted = count(session=session, name=name, window=window, now=now, by=by)
                found[label, name, by] = counted
    return found


def a_busy_autumn(
    client: TestClient, staff: Staff, container: Container, clock: FakeClock
) -> dict[str, str]:
    """File, move, recategorise, sign, resolve, rate and reopen cases; return their numbers."""
    clock.current = tianjin(2026, 11, 2, 9)
    moved = filed(client, staff.coordinator)  # arrears, czj
    seized = filed(client, staff.coordinator, text=ENFORCEMENT)  # sfj
    chatted = filed_from(container, ARREARS_TEXT, "telegram")  # czj, by chat
    waiting = filed(client, staff.coordinator, text=ENFORCEMENT)
    enforcement = seized["category"]
    # czj returns it; the coordinator moves it to sfj in another category (改派).
    moved = acted(client, staff.czj_clerk, moved, "return", reason="不是我们的")
    moved = acted(
        client, staff.coordinator, moved, "reassign", department="sfj", category=enforcement
    )
    resolved(client, staff.sfj_clerk, seized)
    clock.current = tianjin(2026, 11, 6, 9)
    rate(container, seized["number"], "satisfied")
    resolved(client, staff.czj_clerk, case(client, staff.coordinator, chatted))
    clock.current = tianjin(2026, 11, 20, 9)
    rate(container, chatted, "dissatisfied")  # reopened: a new resolve clock
    acted(client, staff.sfj_clerk, moved, "sign")
    clock.current = tianjin(2026, 12, 10, 9)  # `waiting`'s sign clock is long overdue
    # The coordinator moves it to czj in another category, its old clocks overdue (改派).
    acted(client, staff.coordinator, waiting, "reassign", department="czj", category="arrears")
    clock.current = tianjin(2026, 12, 28, 9)
    return {
        "moved": moved["number"],
        "seized": seized["number"],
        "chatted": chatted,
        "waiting": waiting["number"],
        "enforcement": enforcement,
    }


def test_a_recategorised_case_is_counted_in_its_new_category_for_every_clock_it_had(
    client: TestClient, staff: Staff, container: Container, clock: FakeClock
) -> None:
    cases = a_busy_autumn(client, staff, container, clock)
    with session_scope(container.engine) as session:
        kept = figures(session, container)
    received = kept["year", MeasureName.received, (Dimension.category,)]
    assert received == Counter({(cases["enforcement"],): 2, ("arrears",): 2})
    by_channel = kept["year", MeasureName.received, (Dimension.channel,)]
    assert by_channel == Counter({("api",): 3, ("telegram",): 1})


def test_the_copies_kept_as_cases_change_are_what_a_rebuild_from_the_cases_gives(
    client: TestClient, staff: Staff, container: Container, clock: FakeClock
) -> None:
    a_busy_autumn(client, staff, container, clock)
    with session_scope(container.engine) as session:
        kept = figures(session, container)
        assert drifted(session=session) == 0
        assert rebuild(session=session) == 0
    with session_scope(container.engine) as session:  # as if they had never been kept
        session.execute(
            update(Deadline).values(case_kind=None, case_category="gone", case_channel=None)
        )
        clocks = session.execute(select(func.count()).select_from(Deadline)).scalar_one()
        assert drifted(session=session) == clocks > 0
    with session_scope(container.engine) as session:
        assert rebuild(session=session) == clocks
    with session_scope(container.engine) as session:
        assert drifted(session=session) == 0
        assert figures(session, container) == kept
