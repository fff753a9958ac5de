"""A unit hears of a new case at once in office hours, the next morning outside them; an
urgent case is told at once, day or night, and is the only thing that goes out at night."""

from __future__ import annotations

from sqlmodel import select

from backend.cases.workflow import Action
from backend.db import session_scope
from backend.notifications.models import Notification
from backend.people.service import bind_chat, create_staff
from backend.scheduler import jobs
from tests.deadlines.conftest import World, tianjin

FIRE = "小区地下车库着火了，浓烟很大，里面还有人，物业说不归他们管"  # words of danger
SUNDAY_NIGHT = tianjin(2026, 11, 29, 23)  # Sunday 23:00, Tianjin
URGENT = "【紧急】"
NEW_CASE = "【新案件】"


def told(world: World, chat: str) -> list[str]:
    return world.texts(chat, handoff=True)


def test_a_new_case_in_office_hours_is_told_to_the_clerk_at_once(world: World) -> None:
    number = world.file().case.number  # Friday 10:00
    jobs.send_job(world.container)
    assert [(NEW_CASE in t, number in t) for t in told(world, "clerk-chat")] == [(True, True)]
    assert told(world, "boss-chat") == []


def test_a_case_filed_at_night_is_told_the_next_morning(world: World) -> None:
    world.clock.current = tianjin(2026, 11, 30, 21)  # Monday 21:00
    number = world.file().case.number
    jobs.send_job(world.container)
    world.clock.current = tianjin(2026, 12, 1, 8, 29)
    jobs.send_job(world.container)
    assert told(world, "clerk-chat") == []
    world.clock.current = tianjin(2026, 12, 1, 8, 30)  # office hours open
    jobs.send_job(world.container)
    assert [number in t for t in told(world, "clerk-chat")] == [True]


def test_an_urgent_case_filed_on_a_sunday_night_notifies_at_once_and_nothing_else_does(
    world: World,
) -> None:
    world.clock.current = SUNDAY_NIGHT
    quiet = world.file().case.number  # routed to czj, not urgent: waits for Monday morning
    urgent = world.file(FIRE).case.number  # no street named: triage, with the coordinator
    world.file("楼道里有人持刀威胁邻居", urgent=False)  # the reporter said: no danger now
    world.tick()
    assert [(m.chat_id, URGENT in m.text, urgent in m.text) for m in world.notifier.sent] == [
        ("boss-chat", True, True)
    ]
    with session_scope(world.container.engine) as session:
        waiting = session.exec(select(Notification).where(Notification.state == "pending")).all()
        assert [(n.kind, n.office_hours_only) for n in waiting] == [("new_case", True)]
    world.clock.current = tianjin(2026, 11, 30, 8, 30)  # Monday: office hours
    world.tick()
    news = [t for t in told(world, "clerk-chat") if NEW_CASE in t]
    assert [quiet in t for t in news] == [True]


def test_an_urgent_case_routed_to_a_unit_tells_its_clerk_and_the_coordinator_at_night(
    world: World,
) -> None:
    world.clock.current = SUNDAY_NIGHT
    number = world.file(urgent=True).case.number  # arrears: routed to czj
    world.tick()
    for chat in ("clerk-chat", "boss-chat"):
        assert [(URGENT in t, number in t) for t in told(world, chat)] == [(True, True)]
    assert "30 分钟内签收" in told(world, "clerk-chat")[0]


def test_an_urgent_case_not_signed_for_in_thirty_minutes_alarms_the_unit_and_the_coordinator(
    world: World,
) -> None:
    world.clock.current = SUNDAY_NIGHT
    number = world.file(urgent=True).case.number
    world.tick()
    world.clock.advance(minutes=29)
    world.tick()
    assert len(world.notifier.sent) == 2
    world.clock.advance(minutes=2)
    world.tick()
    alarms = [m for m in world.notifier.sent if "未签收" in m.text]
    assert sorted(m.chat_id for m in alarms) == ["boss-chat", "clerk-chat"]
    assert all(number in m.text for m in alarms)
    world.clock.advance(minutes=30)
    world.tick()
    assert len([m for m in world.notifier.sent if "未签收" in m.text]) == 2  # once


def test_an_urgent_case_signed_in_time_raises_no_alarm(world: World) -> None:
    world.clock.current = SUNDAY_NIGHT
    number = world.file(urgent=True).case.number
    world.tick()
    world.clock.advance(minutes=10)
    world.act(number, Action.sign)
    world.clock.advance(minutes=60)
    world.tick()
    assert [m for m in world.notifier.sent if "未签收" in m.text] == []


def test_words_of_danger_mark_a_case_urgent_unless_it_was_said_otherwise(world: World) -> None:
    assert world.file(FIRE).case.urgent is True
    assert world.file(FIRE, urgent=False).case.urgent is False
    assert world.file().case.urgent is False
    assert world.file(urgent=True).case.urgent is True


def test_an_urgent_case_waiting_in_triage_tells_the_coordinator_at_once(world: World) -> None:
    world.clock.current = SUNDAY_NIGHT
    number = world.file("有人在小区门口持刀威胁要杀人，请问该找谁", urgent=True).case.number
    world.tick()
    assert [(URGENT in t, number in t) for t in told(world, "boss-chat")] == [(True, True)]
    assert told(world, "clerk-chat") == []


def test_only_the_coordinators_on_duty_are_woken(world: World) -> None:
    with session_scope(world.container.engine) as session:
        duty, _ = create_staff(
            session=session,
            name="值班员 赵",
            role="coordinator",
            department="fgw",
            clock=world.clock,
            login="zhao",
        )
        bind_chat(
            session=session,
            staff=duty,
            channel="telegram",
            chat_id="duty-chat",
            language="en",
            clock=world.clock,
        )
    keeper = world.container.keeper
    keeper.policy = keeper.policy.model_copy(
        update={"urgent": keeper.policy.urgent.model_copy(update={"on_duty": ("zhao",)})}
    )
    world.clock.current = SUNDAY_NIGHT
    number = world.file(urgent=True).case.number
    world.tick()
    assert told(world, "boss-chat") == []
    assert [("URGENT" in t, number in t) for t in told(world, "duty-chat")] == [(True, True)]
    assert [URGENT in t for t in told(world, "clerk-chat")] == [True]


REOPENED = "【重办】"
EXTENSION = "【延期"


def test_a_case_reopened_back_to_its_unit_is_told_to_its_clerks_with_the_reason(
    world: World,
) -> None:
    number = world.file().case.number
    world.act(number, Action.sign)
    world.act(number, Action.resolve, reply="已协调付款")
    jobs.send_job(world.container)
    before = len(told(world, "clerk-chat"))
    world.act(number, Action.reopen, world.coordinator, reason="投诉人反映款项仍未到账")
    jobs.send_job(world.container)

    [notice] = told(world, "clerk-chat")[before:]
    assert REOPENED in notice and number in notice and "款项仍未到账" in notice


def test_a_unit_that_signed_for_a_case_hears_it_was_moved_away_and_why(world: World) -> None:
    number = world.file().case.number  # routed to czj, the clerk's unit
    world.act(number, Action.sign)
    jobs.send_job(world.container)
    before = len(told(world, "clerk-chat"))
    world.act(number, Action.reassign, world.coordinator, department="sfj", reason="属执法事项")
    jobs.send_job(world.container)

    [notice] = told(world, "clerk-chat")[before:]
    assert "【改派】" in notice and number in notice and "司法局" in notice
    assert "属执法事项" in notice


def test_the_unit_hears_whether_its_extension_was_granted(world: World) -> None:
    number = world.file().case.number
    world.act(number, Action.sign)
    world.act(number, Action.request_extension, days=5, reason="需要现场核实")
    world.act(number, Action.approve_extension, world.coordinator)
    world.act(number, Action.request_extension, days=3, reason="还需要时间")
    world.act(number, Action.deny_extension, world.coordinator, reason="请按期办结")
    jobs.send_job(world.container)

    granted, denied = [t for t in told(world, "clerk-chat") if EXTENSION in t]
    assert "【延期已批准】" in granted and number in granted and "5 个工作日" in granted
    assert "【延期未批准】" in denied and "请按期办结" in denied
