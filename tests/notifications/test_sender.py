"""The sender: parts already delivered stay delivered, and "maybe delivered" follows the kind."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from backend.bootstrap import Container
from backend.db import session_scope
from backend.notifications import outbox
from backend.notifications.models import DeliveryState, Notification
from backend.notifications.sender import LEASE, deliver
from backend.ports import DeliveryFailed, DeliveryUnconfirmed, OutboundMessage, PartsSent
from backend.webchat.models import WebchatMessage
from bot.webchat.notifier import WebNotifier
from tests.fakes import FakeClock, RecordingNotifier

CHAT = outbox.Recipient("reporter", None, "telegram", "4242", "zh")


def queue(container: Container, kind: str, text: str = "您的投诉已由区财政局签收。") -> None:
    """Write one notification of a kind for the test chat."""
    with session_scope(container.engine) as session:
        outbox.write(
            session=session,
            key=f"test:{kind}",
            kind=kind,
            recipients=[CHAT],
            render=lambda _language: text,
            now=container.clock.now(),
            office_hours_only=False,
        )


def rows(container: Container) -> list[tuple[str, str, int]]:
    """Return (kind, state, parts sent) of every notification, oldest first."""
    with session_scope(container.engine) as session:
        found = session.exec(select(Notification).order_by(Notification.id)).all()  # type: ignore[arg-type]
        return [(n.kind, n.state, n.parts_sent) for n in found]


def run(container: Container, notifier: object) -> object:
    """Deliver one round through a notifier."""
    return deliver(
        engine=container.engine,
        notifier=notifier,  # type: ignore[arg-type]
        now=container.clock.now(),
        office_open=True,
    )


class TwoParts:
    """A channel that sends a text in two parts: the first goes, the second meets a 429."""

    def __init__(self) -> None:
        self.calls: list[OutboundMessage] = []

    def send(self, message: OutboundMessage, progress: PartsSent | None = None) -> None:
        self.calls.append(message)
        if message.parts_sent == 0 and progress is not None:
            progress(1)
            raise DeliveryFailed("429", retry_after=1)


def test_parts_delivered_before_a_failure_are_not_sent_by_the_retry(
    container: Container, clock: FakeClock
) -> None:
    queue(container, "update")
    channel = TwoParts()
    run(container, channel)
    clock.advance(seconds=2)
    run(container, channel)
    assert [call.parts_sent for call in channel.calls] == [0, 1]
    assert rows(container) == [("update", "sent", 1)]


def test_each_kind_says_whether_a_part_that_may_have_arrived_is_sent_again(
    container: Container,
) -> None:
    for kind in ("update", "reminder", "escalation", "digest", "calendar", "follow_up"):
        queue(container, kind)
    recording = RecordingNotifier()
    run(container, recording)
    resent = {m.key.split(":")[1]: m.resend_when_unsure for m in recording.sent}
    assert resent == {
        "update": False,
        "reminder": False,
        "escalation": False,
        "digest": False,
        "calendar": False,
        "follow_up": True,
    }


def test_a_message_the_channel_could_not_confirm_is_marked_so_and_not_sent_again(
    container: Container, clock: FakeClock
) -> None:
    class TimedOutAfterDelivery:
        calls = 0

        def send(self, message: OutboundMessage, progress: PartsSent | None = None) -> None:
            TimedOutAfterDelivery.calls += 1
            raise DeliveryUnconfirmed("part 1 of 1: TimedOut")

    queue(container, "update")
    run(container, TimedOutAfterDelivery())
    clock.advance(hours=3)
    run(container, TimedOutAfterDelivery())
    assert TimedOutAfterDelivery.calls == 1
    assert rows(container) == [("update", DeliveryState.unconfirmed.value, 0)]


def test_a_notice_whose_sender_died_while_sending_is_not_sent_again(
    container: Container, clock: FakeClock
) -> None:
    queue(container, "update")
    queue(container, "follow_up", "请评价办理结果：")
    with session_scope(container.engine) as session:  # claimed by a sender that then died
        for row in session.exec(select(Notification)).all():
            row.state, row.lease_until = DeliveryState.sending.value, clock.now()
    clock.advance(seconds=LEASE.total_seconds() + 1)
    recording = RecordingNotifier()
    run(container, recording)
    # The notice's one part may be in the chat: it counts as sent; the question is asked again.
    assert [(m.key.split(":")[1], m.parts_sent) for m in recording.sent] == [
        ("update", 1),
        ("follow_up", 0),
    ]
    assert rows(container) == [("update", "unconfirmed", 1), ("follow_up", "sent", 0)]


def test_the_web_chat_keeps_a_notification_once_however_often_it_is_sent(
    container: Container,
) -> None:
    web = WebNotifier(container.engine, container.clock)
    message = OutboundMessage("web", "w1", "您的投诉已办结。", key="update:7:web:w1")
    web.send(message)
    web.send(message)
    web.send(OutboundMessage("web", "w1", "您的投诉已办结。", key="update:7:web:w1", parts_sent=1))
    with session_scope(container.engine) as session:
        kept = session.exec(select(WebchatMessage)).all()
    assert [m.text for m in kept] == ["您的投诉已办结。"]


def test_a_lease_is_only_taken_over_once_it_ran_out(
    container: Container, clock: FakeClock
) -> None:
    queue(container, "update")
    with session_scope(container.engine) as session:
        for row in session.exec(select(Notification)).all():
            row.state = DeliveryState.sending.value
            row.lease_until = clock.now() + timedelta(minutes=1)
    recording = RecordingNotifier()
    run(container, recording)
    assert recording.sent == []


def test_a_notice_in_a_channel_that_stores_once_per_key_is_sent_again_after_its_sender_died(
    container: Container, clock: FakeClock
) -> None:
    with session_scope(container.engine) as session:
        outbox.write(
            session=session,
            key="test:web-update",
            kind="update",
            recipients=[outbox.Recipient("reporter", None, "web", "w7", "zh")],
            render=lambda _language: "您的投诉已由区财政局签收。",
            now=clock.now(),
            office_hours_only=False,
        )
        for row in session.exec(select(Notification)).all():  # claimed, then the sender died
            row.state, row.lease_until = DeliveryState.sending.value, clock.now()
    clock.advance(seconds=61)
    web = WebNotifier(container.engine, container.clock)

    deliver(
        engine=container.engine,
        notifier=web,
        now=clock.now(),
        office_open=True,
        lease=timedelta(seconds=60),
        idempotent_channels=frozenset({"web"}),
    )

    with session_scope(container.engine) as session:
        kept = session.exec(select(WebchatMessage)).all()
    assert [m.text for m in kept] == ["您的投诉已由区财政局签收。"]
    assert rows(container) == [("update", "sent", 0)]
