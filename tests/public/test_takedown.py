"""The scheduler takes a record off the public page when its publicity period is over."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from chinese_calendar import is_workday
from fastapi.testclient import TestClient

from backend.bootstrap import Container
from backend.scheduler import jobs
from tests.conftest import Staff
from tests.fakes import FakeClock
from tests.records.helpers import filed, stepped

TIANJIN = ZoneInfo("Asia/Shanghai")
MAKE_UP_SATURDAY = date(2026, 10, 10)  # 调休: a working Saturday after National Day


def at(clock: FakeClock, *moment: int) -> None:
    clock.current = datetime(*moment, tzinfo=TIANJIN)  # type: ignore[misc]


def test_a_period_ending_on_a_make_up_saturday_ends_that_day_and_the_record_leaves_the_next(
    client: TestClient, staff: Staff, clock: FakeClock, container: Container
) -> None:
    assert MAKE_UP_SATURDAY.weekday() == 5 and is_workday(MAKE_UP_SATURDAY)
    at(clock, 2026, 7, 10, 10, 0)
    record = filed(client, staff.czj_clerk, arisen_on="2026-07-01", severity="minor")
    record = stepped(client, staff.fgw_clerk, record, "publish", months=3)
    assert record["publicity_until"] == MAKE_UP_SATURDAY.isoformat()

    at(clock, 2026, 10, 10, 23, 59)  # natural days: the working calendar changes nothing
    assert jobs.publicity_job(container) == []
    assert record["number"] in client.get("/public/records").text

    at(clock, 2026, 10, 11, 0, 1)
    assert record["number"] not in client.get("/public/records").text  # the page at once
    assert jobs.publicity_job(container) == [record["number"]]
    assert jobs.publicity_job(container) == []  # idempotent: nothing twice

    after = client.get(f"/api/v1/records/{record['number']}", headers=staff.fgw_clerk).json()
    assert after["publicity_state"] == "ended"
    ends = [e for e in after["events"] if e["action"] == "publicity_end"]
    assert len(ends) == 1
    assert (ends[0]["actor_kind"], ends[0]["details"]) == ("system", {"until": "2026-10-10"})


def test_a_record_under_objection_past_its_period_is_ended_too(
    client: TestClient, staff: Staff, clock: FakeClock, container: Container
) -> None:
    at(clock, 2026, 7, 10, 10, 0)
    record = filed(client, staff.czj_clerk, arisen_on="2026-07-01", severity="minor")
    record = stepped(client, staff.fgw_clerk, record, "publish", months=1)
    stepped(
        client,
        staff.fgw_clerk,
        record,
        "object",
        reason="不实",
        objector_kind="person",
        objector_name="李某",
    )
    at(clock, 2026, 8, 11, 0, 1)
    assert jobs.publicity_job(container) == [record["number"]]
