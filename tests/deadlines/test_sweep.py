"""The sweep and the sender: reminders in office hours, exactly once, after downtime too."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from backend.cases.workflow import Action
from backend.db import session_scope
from backend.deadlines.office import in_office_hours
from backend.notifications.models import Notification
from backend.ports import DeliveryFailed, OutboundMessage, PartsSent
from backend.scheduler import jobs
from tests.deadlines.conftest import HANDOFF, World, tianjin


def notifications(world: World) -> list[Notification]:
    """Return the notifications of the clocks (not the notices of a new case)."""
    with session_scope(world.container.engine) as session:
        rows = session.exec(select(Notification).order_by(Notification.id)).all()
        return [n for n in rows if not n.key.startswith(HANDOFF)]


def test_the_clerk_is_reminded_on_the_morning_of_the_due_day_not_before_opening(
    world: World,
) -> None:
    number = world.file().case.number  # Friday 10:00; sign clock due Monday 2026-11-30
    world.clock.current = tianjin(2026, 11, 30, 8, 29)
    world.tick()
    assert world.texts("clerk-chat") == []
    world.clock.current = tianjin(2026, 11, 30, 8, 31)
    world.tick()
    sent = [
        m
        for m in world.notifier.sent
        if m.chat_id == "clerk-chat" and not m.key.startswith(HANDOFF)
    ]
    assert [("今天到期" in m.text, number in m.text) for m in sent] == [(True, True)]
    assert sent[0].buttons == ((("签收", f"sign:{number}"),),)


def test_nothing_is_sent_at_night_or_on_a_weekend(world: World) -> None:
    world.file()
    for moment in (tianjin(2026, 11, 30, 22), tianjin(2026, 12, 5, 10), tianjin(2026, 12, 2, 6)):
        world.clock.current = moment
        world.tick()
    assert world.notifier.sent == []


def test_after_three_days_down_every_due_notice_goes_out_once_in_office_hours(
    world: World,
) -> None:
    numbers = [world.file().case.number for _ in range(3)]
    # Down from Friday until Wednesday night: restarted at 23:00, then morning comes.
    world.clock.current = tianjin(2026, 12, 2, 23)
    world.tick()
    assert world.notifier.sent == []
    sent_at = []
    for minutes in range(0, 120, 1):  # the scheduler's every-minute sweep from 08:00
        world.clock.current = tianjin(2026, 12, 3, 8) + timedelta(minutes=minutes)
        before = len(world.notifier.sent)
        world.tick()
        sent_at += [world.clock.current] * (len(world.notifier.sent) - before)
    by_chat = {chat: world.texts(chat) for chat in ("clerk-chat", "boss-chat")}
    # Each sign clock: one 催办 (the latest reminder, superseding the missed ones) to the
    # clerk, and one escalation (督办) to the coordinator and to the clerk; nothing twice.
    clerk = by_chat["clerk-chat"]
    assert sorted(len([t for t in clerk if n in t and "催办" in t]) for n in numbers) == [1, 1, 1]
    assert sorted(len([t for t in clerk if n in t and "督办" in t]) for n in numbers) == [1, 1, 1]
    assert len(clerk) == 6
    assert sorted(len([t for t in by_chat["boss-chat"] if n in t]) for n in numbers) == [1, 1, 1]
    with session_scope(world.container.engine) as session:
        env = world.container.keeper.env(session)
        assert all(
            in_office_hours(t, policy=env.policy, calendar=env.calendar, zone=env.zone)
            for t in sent_at
        )
    keys = [n.key for n in notifications(world)]
    assert len(keys) == len(set(keys)) == 9


def test_a_met_clock_sends_nothing_more(world: World) -> None:
    number = world.file().case.number
    world.act(number, Action.sign)
    world.clock.current = tianjin(2026, 12, 1, 9)
    world.tick()
    assert world.texts("clerk-chat") == []


def test_a_rate_limited_send_is_retried_after_retry_after_without_a_duplicate(
    world: World,
) -> None:
    class FlakyNotifier:
        def __init__(self) -> None:
            self.failures = [DeliveryFailed("429", retry_after=30), DeliveryFailed("500")]
            self.sent: list[OutboundMessage] = []

        def send(self, message: OutboundMessage, progress: PartsSent | None = None) -> None:
            if self.failures:
                raise self.failures.pop(0)
            self.sent.append(message)

    flaky = FlakyNotifier()
    world.file()
    world.tick()  # the unit hears of the new case at once (office hours)
    world.container.notifier = flaky
    world.clock.current = tianjin(2026, 11, 30, 9)
    world.tick()  # 429: retry after 30 s
    world.clock.advance(seconds=20)
    jobs.send_job(world.container)
    assert flaky.sent == []
    world.clock.advance(seconds=15)
    jobs.send_job(world.container)  # 500: back-off 60 s (second attempt)
    world.clock.advance(seconds=61)
    jobs.send_job(world.container)
    jobs.send_job(world.container)
    assert len(flaky.sent) == 1
    assert [(n.state, n.attempts) for n in notifications(world)] == [("sent", 3)]


def test_a_permanent_failure_is_not_retried(world: World) -> None:
    class BlockedNotifier:
        calls = 0

        def send(self, message: OutboundMessage, progress: PartsSent | None = None) -> None:
            BlockedNotifier.calls += 1
            raise DeliveryFailed("bot was blocked by the user", permanent=True)

    world.file()
    world.tick()  # the unit hears of the new case at once (office hours)
    world.container.notifier = BlockedNotifier()
    world.clock.current = tianjin(2026, 11, 30, 9)
    world.tick()
    world.clock.advance(hours=2)
    world.tick()
    assert BlockedNotifier.calls == 1
    assert [n.state for n in notifications(world)] == ["failed"]


def test_a_unit_without_a_bound_clerk_is_recorded_as_nobody_told(world: World) -> None:
    world.file(text="执法队没收了我的三轮车，没有任何手续")  # sfj has no bound clerk
    world.clock.current = tianjin(2026, 11, 30, 9)
    world.tick()
    assert [(n.state, n.stage) for n in notifications(world)] == [("no_recipient", "due_today")]


def test_the_reporter_is_asked_to_rate_the_working_day_after_resolution(world: World) -> None:
    number = world.file(channel="telegram", chat_id="reporter-chat").case.number
    world.act(number, Action.sign)
    world.act(number, Action.resolve, reply="工程款已全部支付")
    world.clock.current = tianjin(2026, 11, 30, 9)
    world.tick()
    to_reporter = [m for m in world.notifier.sent if m.chat_id == "reporter-chat"]
    asked = [m for m in to_reporter if m.buttons]
    assert len(asked) == 1 and "工程款已全部支付" in asked[0].text
    assert ["签收" in m.text or "已办结" in m.text for m in to_reporter if not m.buttons] == [
        True,
        True,
    ]
    assert [data for row in asked[0].buttons for _, data in row] == [
        f"rate:{number}:satisfied",
        f"rate:{number}:basically_satisfied",
        f"rate:{number}:dissatisfied",
    ]


def test_no_rating_in_time_closes_the_case_unrated(world: World) -> None:
    number = world.file(channel="telegram", chat_id="reporter-chat").case.number
    world.act(number, Action.sign)
    world.act(number, Action.resolve, reply="工程款已全部支付")
    world.clock.current = tianjin(2026, 12, 7, 9)  # 5 working days after the question
    world.tick()
    closed = world.act(number, Action.reopen, actor=world.coordinator, reason="复查")
    assert closed.status == "in_progress"  # it was closed: reopen works from closed
