"""Business figures at /metrics, read from the database at scrape time (fake clock)."""

from __future__ import annotations

import math
from datetime import timedelta

from fastapi.testclient import TestClient
from sqlmodel import select

from backend.actors import SYSTEM
from backend.bootstrap import Container
from backend.cases.intake import Draft, submit
from backend.db import session_scope
from backend.notifications.models import ContactChannel, Notification
from backend.people.models import StaffAccount
from backend.scheduler import jobs
from tests.api.helpers import ARREARS, act, file_case
from tests.conftest import Staff
from tests.fakes import FakeClock
from tests.observability.conftest import labelsets, scrape, value


def _file_from_chat(container: Container, channel: str) -> str:
    with session_scope(container.engine) as session:
        receipt = submit(
            session=session,
            draft=Draft(text=ARREARS, channel=channel, chat_id="chat-1"),
            actor=SYSTEM,
            env=container.case_env,
        )
    return receipt.case.number


def _notification(
    container: Container, *, key: str, age_minutes: float, staff: bool, state: str
) -> None:
    now = container.clock.now()
    created = now - timedelta(minutes=age_minutes)
    with session_scope(container.engine) as session:
        session.add(
            Notification(
                key=key,
                kind="update",
                recipient_kind="staff" if staff else "reporter",
                channel="web",
                chat_id=key,
                text="...",
                office_hours_only=staff,
                state=state,
                next_attempt_at=created,
                created_at=created,
            )
        )


def test_cases_received_are_counted_by_channel_and_kind(
    local_client: TestClient, staff: Staff, container: Container
) -> None:
    file_case(local_client, staff.coordinator)
    file_case(local_client, staff.coordinator)
    _file_from_chat(container, "web")

    families = scrape(local_client)

    received = "intake_cases_received_total"
    assert value(families, received, channel="api", kind="complaint") == 2.0
    assert value(families, received, channel="web", kind="complaint") == 1.0
    assert value(families, "intake_business_metrics_up") == 1.0


def test_open_cases_are_counted_by_unit_and_state_and_a_rejected_one_is_not(
    local_client: TestClient, staff: Staff
) -> None:
    kept = file_case(local_client, staff.coordinator)
    rejected = file_case(local_client, staff.coordinator)
    assert (kept["department"], kept["status"]) == ("czj", "routed")
    act(local_client, staff.coordinator, rejected, "reject", reason="重复投诉")

    families = scrape(local_client)

    assert value(families, "intake_cases_open", unit="czj", state="routed") == 1.0
    states = {s.labels["state"] for s in families["intake_cases_open"].samples}
    assert "rejected" not in states


def test_a_clock_past_its_due_moment_is_counted_overdue_by_kind_and_unit(
    local_client: TestClient, staff: Staff, clock: FakeClock
) -> None:
    file_case(local_client, staff.coordinator)  # Friday 10:00: sign for by Monday's end
    before = scrape(local_client)
    clock.advance(days=5)  # Wednesday

    after = scrape(local_client)

    assert value(before, "intake_clocks_overdue", kind="sign", unit="czj") is None
    assert value(after, "intake_clocks_overdue", kind="sign", unit="czj") == 1.0
    assert value(after, "intake_clocks_overdue", kind="resolve", unit="czj") is None


def test_the_outbox_shows_what_waits_its_oldest_due_age_and_its_failures(
    local_client: TestClient, container: Container
) -> None:
    _notification(container, key="a", age_minutes=20, staff=False, state="pending")
    _notification(container, key="b", age_minutes=5, staff=True, state="pending")
    _notification(container, key="c", age_minutes=60, staff=False, state="sent")
    _notification(container, key="d", age_minutes=90, staff=False, state="failed")

    families = scrape(local_client)  # Friday 10:00 in Tianjin: office hours

    assert value(families, "intake_outbox_waiting") == 2.0
    assert value(families, "intake_outbox_oldest_age_seconds") == 20 * 60
    assert value(families, "intake_outbox_failed_total") == 1.0


def test_a_staff_message_held_for_office_hours_is_not_counted_late_at_night(
    local_client: TestClient, container: Container, clock: FakeClock
) -> None:
    clock.advance(hours=13)  # 23:00 in Tianjin
    _notification(container, key="staff", age_minutes=60, staff=True, state="pending")
    _notification(container, key="reporter", age_minutes=2, staff=False, state="pending")

    families = scrape(local_client)

    assert value(families, "intake_outbox_waiting") == 2.0
    assert value(families, "intake_outbox_oldest_age_seconds") == 2 * 60


def test_the_outbox_is_empty_at_first(local_client: TestClient) -> None:
    families = scrape(local_client)

    assert value(families, "intake_outbox_waiting") == 0.0
    assert value(families, "intake_outbox_oldest_age_seconds") == 0.0
    assert value(families, "intake_outbox_failed_total") == 0.0


def test_the_last_sweeps_age_is_infinite_before_any_sweep_then_counts_from_it(
    local_client: TestClient, container: Container, clock: FakeClock
) -> None:
    never = scrape(local_client)
    jobs.sweep_job(container)
    clock.advance(seconds=90)

    swept = scrape(local_client)

    assert math.isinf(value(never, "intake_scheduler_last_sweep_age_seconds") or 0.0)
    assert value(swept, "intake_scheduler_last_sweep_age_seconds") == 90.0


def test_a_later_sweep_moves_the_age_and_an_earlier_one_never_sets_it_back(
    local_client: TestClient, container: Container, clock: FakeClock
) -> None:
    jobs.sweep_job(container)
    clock.advance(minutes=3)
    jobs.sweep_job(container)
    late = clock.now()
    clock.current = late - timedelta(minutes=2)  # a second scheduler whose round began earlier
    jobs.sweep_job(container)
    clock.current = late + timedelta(seconds=30)

    families = scrape(local_client)

    assert value(families, "intake_scheduler_last_sweep_age_seconds") == 30.0


def _channel(container: Container, *, kind: str, state: str, owner: str) -> None:
    """A robot of unit `owner`, or (kind email) the address of the staff member named `owner`."""
    with session_scope(container.engine) as session:
        staff_id, unit = None, owner
        if kind == "email":
            staff_id = session.exec(
                select(StaffAccount.id).where(StaffAccount.name == owner)
            ).one()
            unit = None
        session.add(
            ContactChannel(
                staff_id=staff_id,
                department_code=unit,
                kind=kind,
                address=f"https://robots.test/{kind}/{owner}",
                state=state,
                created_at=container.clock.now(),
            )
        )


def test_failing_channels_are_counted_by_kind_and_the_unit_they_serve(
    local_client: TestClient, staff: Staff, container: Container
) -> None:
    assert labelsets(scrape(local_client), "intake_channels_failing") == []
    _channel(container, kind="wecom", state="failing", owner="czj")
    _channel(container, kind="wecom", state="failing", owner="czj")
    _channel(container, kind="feishu", state="active", owner="czj")
    _channel(container, kind="email", state="failing", owner="财政局 李")
    _channel(container, kind="email", state="failing", owner="西于庄 孙")
    _channel(container, kind="dingtalk", state="unverified", owner="sfj")

    families = scrape(local_client)

    assert value(families, "intake_channels_failing", kind="wecom", unit="czj") == 2.0
    assert value(families, "intake_channels_failing", kind="email", unit="czj") == 1.0
    assert value(families, "intake_channels_failing", kind="email", unit="xyz") == 1.0
    assert len(labelsets(families, "intake_channels_failing")) == 3  # active/unverified: not
