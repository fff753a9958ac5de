"""Notices queued for staff are withdrawn, not sent, once the recipient may no longer read them."""

from __future__ import annotations

from sqlmodel import select

from backend.cases.workflow import Action
from backend.db import session_scope
from backend.deadlines.digest import morning_digest
from backend.deadlines.sweep import sweep
from backend.notifications.models import Notification
from backend.people.deactivation import deactivate_staff
from backend.people.models import StaffAccount
from backend.people.service import bind_chat, create_staff
from backend.scheduler import jobs
from bot.webchat.notifier import WebNotifier, updates_after
from tests.deadlines.conftest import World, tianjin


def queue_the_morning(world: World) -> None:
    """Write Monday morning's reminders and digest without delivering them yet."""
    world.clock.current = tianjin(2026, 11, 30, 8, 45)
    with session_scope(world.container.engine) as session:
        container = world.container
        sweep(
            session=session,
            keeper=container.keeper,
            case_env=container.case_env,
            now=world.clock.now(),
        )
        morning_digest(session=session, env=container.keeper.env(session), now=world.clock.now())


def states(world: World, chat_id: str) -> list[tuple[str, str]]:
    with session_scope(world.container.engine) as session:
        rows = session.exec(select(Notification).where(Notification.chat_id == chat_id)).all()
        return sorted((row.kind, row.state) for row in rows)


def test_reminders_and_digests_queued_for_a_deactivated_clerk_are_not_delivered(
    world: World,
) -> None:
    number = world.file().case.number
    queue_the_morning(world)
    assert states(world, "clerk-chat") == [
        ("digest", "pending"),
        ("new_case", "pending"),
        ("reminder", "pending"),
    ]
    with session_scope(world.container.engine) as session:
        deactivate_staff(session=session, staff_id=world.clerk.id or 0, clock=world.clock)
    jobs.send_job(world.container)
    assert world.texts("clerk-chat") == []
    assert states(world, "clerk-chat") == [
        ("digest", "withdrawn"),
        ("new_case", "withdrawn"),
        ("reminder", "withdrawn"),
    ]
    world.clock.current = tianjin(2026, 12, 2, 10)  # escalation to the coordinator goes on
    world.tick()
    assert any(number in text for text in world.texts("boss-chat"))
    assert world.texts("clerk-chat") == []


def test_an_account_switched_off_in_the_database_gets_nothing_more(world: World) -> None:
    world.file()
    queue_the_morning(world)
    with session_scope(world.container.engine) as session:
        account = session.get(StaffAccount, world.clerk.id)
        assert account is not None
        account.active = False
        session.add(account)
    jobs.send_job(world.container)
    assert world.texts("clerk-chat") == []


def test_a_chat_rebound_to_another_account_does_not_get_the_first_accounts_notices(
    world: World,
) -> None:
    world.file()
    queue_the_morning(world)
    with session_scope(world.container.engine) as session:
        other, _ = create_staff(
            session=session, name="司法局 赵", role="clerk", department="sfj", clock=world.clock
        )
        bind_chat(
            session=session,
            staff=other,
            channel="telegram",
            chat_id="clerk-chat",
            language="zh",
            clock=world.clock,
        )
    jobs.send_job(world.container)
    assert world.texts("clerk-chat") == []


def test_a_reminder_about_a_case_that_left_the_unit_is_not_sent_to_its_old_clerk(
    world: World,
) -> None:
    number = world.file().case.number
    queue_the_morning(world)
    world.act(number, Action.reassign, world.coordinator, department="sfj")
    jobs.send_job(world.container)
    assert [t for t in world.texts("clerk-chat") if "【今日到期】" in t] == []
    assert states(world, "clerk-chat") == [
        ("digest", "sent"),
        ("new_case", "withdrawn"),
        ("reminder", "withdrawn"),
    ]


def test_messages_pushed_to_a_deactivated_clerks_web_chat_can_no_longer_be_fetched(
    world: World,
) -> None:
    world.container.notifier = WebNotifier(world.container.engine, world.clock)
    with session_scope(world.container.engine) as session:
        clerk = session.get(StaffAccount, world.clerk.id)
        assert clerk is not None
        bind_chat(
            session=session,
            staff=clerk,
            channel="web",
            chat_id="clerk-web",
            language="zh",
            clock=world.clock,
        )
    number = world.file().case.number
    queue_the_morning(world)
    jobs.send_job(world.container)
    engine = world.container.engine
    assert any(number in m["text"] for m in updates_after(engine, "clerk-web", 0))
    with session_scope(engine) as session:
        deactivate_staff(session=session, staff_id=world.clerk.id or 0, clock=world.clock)
    assert updates_after(engine, "clerk-web", 0) == []
