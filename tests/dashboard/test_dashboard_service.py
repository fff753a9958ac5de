"""The dashboard's service: the figures of a unit or the district, with their denominators."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient

from backend.actors import Actor
from backend.bootstrap import Container
from backend.db import session_scope
from backend.errors import Forbidden
from backend.people.models import Role
from backend.periods import period
from backend.stats.dashboard import DashboardView, dashboard_view
from tests.api.helpers import ENFORCEMENT
from tests.conftest import Staff
from tests.deadlines.conftest import tianjin
from tests.fakes import FakeClock
from tests.stats.helpers import filed, rate, resolved

COORDINATOR = Actor("staff", 1, "协调员 王", Role.coordinator, "fgw")
CZJ_CLERK = Actor("staff", 2, "财政局 李", Role.clerk, "czj")


def view(
    container: Container,
    actor: Actor,
    start: date,
    end: date,
    department: str | None = None,
) -> DashboardView:
    zone = container.settings.zone
    with session_scope(container.engine) as session:
        return dashboard_view(
            session=session,
            actor=actor,
            window=period(start, end, zone),
            department=department,
            now=container.clock.now(),
            zone=zone,
            taxonomy=container.taxonomy,
            language="zh",
        )


def test_a_district_with_nothing_due_has_no_rates_and_the_counts_of_what_arrived(
    client: TestClient, staff: Staff, container: Container
) -> None:
    filed(client, staff.coordinator)
    filed(client, staff.coordinator, text=ENFORCEMENT)

    found = view(container, COORDINATOR, date(2026, 11, 1), date(2026, 11, 30))

    measures = found.figures.measures
    assert found.department is None
    assert (measures.received.numerator, measures.received.denominator) == (2, None)
    assert (measures.sign_on_time.numerator, measures.sign_on_time.denominator) == (0, 0)
    assert measures.sign_on_time.rate is None  # no data, not 0 %
    assert measures.resolve_on_time.rate is None
    assert measures.satisfaction.rate is None
    assert measures.overdue_now is not None
    assert (measures.overdue_now.numerator, measures.overdue_now.denominator) == (0, 2)
    assert {u.department for u in found.units} == {"czj", "sfj"}


def test_the_rates_count_what_fell_due_and_the_ratings_of_the_period(
    client: TestClient, staff: Staff, container: Container, clock: FakeClock
) -> None:
    on_time = resolved(client, staff.czj_clerk, filed(client, staff.coordinator))
    filed(client, staff.coordinator)  # never signed: late once its sign clock falls due
    clock.current = tianjin(2026, 12, 10, 10, 0)
    rate(container, on_time["number"], "satisfied")

    found = view(container, COORDINATOR, date(2026, 11, 1), date(2026, 12, 31), "czj")

    measures = found.figures.measures
    assert (measures.sign_on_time.numerator, measures.sign_on_time.denominator) == (1, 2)
    assert measures.sign_on_time.rate == 0.5
    assert (measures.resolve_on_time.numerator, measures.resolve_on_time.denominator) == (1, 1)
    assert (measures.satisfaction.numerator, measures.satisfaction.denominator) == (1, 1)
    assert measures.received.cases.numerator.startswith("/console/cases?measure=received")
    assert "department=czj" in measures.received.cases.numerator
    assert found.units == []


def test_the_trend_is_by_tianjin_week_and_the_breakdowns_by_category_and_channel(
    client: TestClient, staff: Staff, container: Container, clock: FakeClock
) -> None:
    clock.current = tianjin(2026, 11, 30, 0, 10)  # Monday of week 49 in Tianjin
    filed(client, staff.coordinator)

    found = view(container, COORDINATOR, date(2026, 11, 23), date(2026, 12, 6))

    assert [b.label for b in found.trend] == ["2026-W48", "2026-W49"]
    assert [b.measures.received.numerator for b in found.trend] == [0, 1]
    assert [(r.key, r.measures.received.numerator) for r in found.channels] == [("api", 1)]
    assert [r.measures.received.numerator for r in found.categories] == [1]


def test_a_clerk_gets_the_own_unit_whatever_is_asked_for_none_and_is_refused_another(
    client: TestClient, staff: Staff, container: Container
) -> None:
    filed(client, staff.coordinator)
    filed(client, staff.coordinator, text=ENFORCEMENT)

    own = view(container, CZJ_CLERK, date(2026, 11, 1), date(2026, 11, 30))

    assert own.department == "czj"
    assert own.figures.measures.received.numerator == 1
    with pytest.raises(Forbidden):
        view(container, CZJ_CLERK, date(2026, 11, 1), date(2026, 11, 30), "sfj")


def test_a_year_is_drawn_by_week_and_a_longer_period_by_month(
    client: TestClient, staff: Staff, container: Container, clock: FakeClock
) -> None:
    clock.current = tianjin(2026, 11, 30, 0, 10)
    filed(client, staff.coordinator)

    year = view(container, COORDINATOR, date(2025, 12, 1), date(2026, 11, 30))
    years = view(container, COORDINATOR, date(2018, 1, 1), date(2026, 11, 30))

    assert (year.grouping, len(year.trend)) == ("week", 53)
    assert (years.grouping, len(years.trend)) == ("month", 107)
    assert [b.label for b in years.trend][-2:] == ["2026-10", "2026-11"]
    assert years.trend[-1].measures.received.numerator == 1


def test_a_period_past_400_months_is_refused_with_what_to_change(
    container: Container,
) -> None:
    from backend.errors import ValidationFailed

    with pytest.raises(ValidationFailed) as refused:
        view(container, COORDINATOR, date(1960, 1, 1), date(2026, 11, 30))

    assert refused.value.message("zh") == "期间太长：趋势最多显示 400 个月，请缩短期间。"
