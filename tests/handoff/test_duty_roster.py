"""The on-duty roster (值班表): the coordinator rostered for the duty day is woken by an urgent
case; a night belongs to the day it starts (08:30 to 08:30); with nobody rostered the policy's
list, then every coordinator, is told."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from backend.db import session_scope
from backend.duty.roster import add_duty, duty_day, list_duty, remove_duty
from backend.errors import ValidationFailed
from backend.people.service import bind_chat, create_staff
from tests.deadlines.conftest import TIANJIN, World, tianjin

MONDAY = date(2026, 11, 30)
TUESDAY_2AM = tianjin(2026, 12, 1, 2)


def told_urgent(world: World, chat: str) -> list[str]:
    return [t for t in world.texts(chat, handoff=True) if "【紧急】" in t or "URGENT" in t]


def coordinator(world: World, login: str, chat: str) -> None:
    with session_scope(world.container.engine) as session:
        account, _ = create_staff(
            session=session,
            name=f"协调员 {login}",
            role="coordinator",
            department="fgw",
            clock=world.clock,
            login=login,
        )
        bind_chat(
            session=session,
            staff=account,
            channel="telegram",
            chat_id=chat,
            language="zh",
            clock=world.clock,
        )


def roster(world: World, login: str, first: date, last: date | None = None) -> list[date]:
    with session_scope(world.container.engine) as session:
        return add_duty(session=session, login=login, first=first, last=last, clock=world.clock)


@pytest.mark.parametrize(
    ("moment", "day"),
    [
        (tianjin(2026, 12, 1, 2), date(2026, 11, 30)),  # Tuesday 02:00: Monday's night
        (tianjin(2026, 12, 1, 8, 29), date(2026, 11, 30)),
        (tianjin(2026, 12, 1, 8, 30), date(2026, 12, 1)),  # the hand-over at 08:30
        (tianjin(2026, 12, 1, 23, 59), date(2026, 12, 1)),
    ],
)
def test_a_night_belongs_to_the_duty_day_it_starts(moment: datetime, day: date) -> None:
    assert duty_day(moment, zone=TIANJIN, starts=time(8, 30)) == day


def test_an_urgent_case_at_two_on_tuesday_wakes_mondays_coordinator_only(world: World) -> None:
    coordinator(world, "zhao", "zhao-chat")
    coordinator(world, "qian", "qian-chat")
    roster(world, "zhao", MONDAY)
    roster(world, "qian", date(2026, 12, 1))
    world.clock.current = TUESDAY_2AM
    number = world.file(urgent=True).case.number
    world.tick()
    assert [number in t for t in told_urgent(world, "zhao-chat")] == [True]
    assert told_urgent(world, "qian-chat") == []
    assert told_urgent(world, "boss-chat") == []
    assert [number in t for t in told_urgent(world, "clerk-chat")] == [True]


def test_the_unsigned_alarm_goes_to_the_coordinator_on_duty_when_it_rings(world: World) -> None:
    coordinator(world, "zhao", "zhao-chat")
    coordinator(world, "qian", "qian-chat")
    roster(world, "zhao", MONDAY)
    roster(world, "qian", date(2026, 12, 1))
    world.clock.current = tianjin(2026, 12, 1, 8, 10)  # Monday's night, 20 minutes left
    world.file(urgent=True)
    world.tick()
    world.clock.current = tianjin(2026, 12, 1, 8, 41)  # Tuesday's day: qian is on duty
    world.tick()
    alarmed = sorted(m.chat_id for m in world.notifier.sent if "未签收" in m.text)
    assert alarmed == ["clerk-chat", "qian-chat"]


def test_with_nobody_rostered_the_policy_list_then_every_coordinator_is_told(
    world: World,
) -> None:
    coordinator(world, "zhao", "zhao-chat")
    world.clock.current = TUESDAY_2AM
    first = world.file(urgent=True).case.number
    world.tick()
    assert [first in t for t in told_urgent(world, "zhao-chat")] == [True]
    assert [first in t for t in told_urgent(world, "boss-chat")] == [True]
    keeper = world.container.keeper
    keeper.policy = keeper.policy.model_copy(
        update={"urgent": keeper.policy.urgent.model_copy(update={"on_duty": ("zhao",)})}
    )
    second = world.file(urgent=True).case.number
    world.tick()
    assert [second in t for t in told_urgent(world, "zhao-chat")] == [False, True]
    assert [second in t for t in told_urgent(world, "boss-chat")] == [False]


def test_a_deactivated_coordinator_on_the_roster_is_no_one_on_duty(world: World) -> None:
    from backend.people.deactivation import deactivate_staff
    from backend.people.service import find_by_login

    coordinator(world, "zhao", "zhao-chat")
    roster(world, "zhao", MONDAY)
    with session_scope(world.container.engine) as session:
        account = find_by_login(session=session, login="zhao")
        assert account is not None and account.id is not None
        deactivate_staff(session=session, staff_id=account.id, clock=world.clock, by_staff_id=None)
    world.clock.current = TUESDAY_2AM
    number = world.file(urgent=True).case.number
    world.tick()
    assert [number in t for t in told_urgent(world, "boss-chat")] == [True]


def test_a_range_rosters_each_day_once_and_removing_a_range_takes_them_off(
    world: World,
) -> None:
    coordinator(world, "zhao", "zhao-chat")
    assert roster(world, "zhao", MONDAY, date(2026, 12, 2)) == [
        MONDAY,
        date(2026, 12, 1),
        date(2026, 12, 2),
    ]
    assert roster(world, "ZHAO", date(2026, 12, 2), date(2026, 12, 3)) == [date(2026, 12, 3)]
    with session_scope(world.container.engine) as session:
        removed = remove_duty(
            session=session, login="zhao", first=date(2026, 12, 1), last=date(2026, 12, 2)
        )
        left = list_duty(session=session, first=MONDAY, last=date(2026, 12, 31))
    assert removed == 2
    assert [(r.day, r.login) for r in left] == [(MONDAY, "zhao"), (date(2026, 12, 3), "zhao")]


@pytest.mark.parametrize(
    ("login", "first", "last", "code"),
    [
        ("nobody", MONDAY, None, "duty_unknown_login"),
        ("", MONDAY, None, "duty_login_required"),
        ("li", MONDAY, None, "duty_unknown_login"),  # a clerk is never on duty
        ("zhao", MONDAY, date(2026, 11, 29), "duty_range_reversed"),
        ("zhao", MONDAY, date(2027, 3, 2), "duty_range_too_long"),
    ],
)
def test_a_bad_roster_entry_is_refused_with_its_reason(
    world: World, login: str, first: date, last: date | None, code: str
) -> None:
    coordinator(world, "zhao", "zhao-chat")
    with session_scope(world.container.engine) as session:
        create_staff(
            session=session,
            name="联络员 李",
            role="clerk",
            department="czj",
            clock=world.clock,
            login="li",
        )
    with pytest.raises(ValidationFailed) as refused, session_scope(world.container.engine) as s:
        add_duty(session=s, login=login, first=first, last=last, clock=world.clock)
    assert refused.value.code == code
