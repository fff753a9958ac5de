"""When the calendar changes (a year confirmed, a newer chinesecalendar, a new estimate, a
correction), every open clock it reaches follows, its case logs it and its people hear of it."""

from __future__ import annotations

from datetime import date

from sqlmodel import col, select

from backend.bootstrap import Container, build, prepare_database
from backend.cases.models import Case, CaseEvent
from backend.db import session_scope
from backend.deadlines.models import Deadline
from backend.errors import ValidationFailed
from backend.notifications.models import Notification
from backend.scheduler import jobs
from backend.workdays.changes import change_day, confirm_year
from backend.workdays.models import CalendarState
from backend.workdays.store import load_calendar
from tests.deadlines.conftest import World, tianjin
from tests.fakes import PublishedCalendar

# A made-up notice for 2027 (the real one is not out when this is written): the statutory
# days, the Spring Festival from its eve to the 13th, Labour Day and National Day arranged.
NOTICE_2027: dict[date, tuple[bool, str]] = {
    date(2027, 1, 1): (False, "New Year's Day"),
    **{date(2027, 2, d): (False, "Spring Festival") for d in (5, 8, 9, 10, 11, 12)},
    date(2027, 2, 20): (True, "make-up working day (Spring Festival)"),
    date(2027, 4, 5): (False, "Tomb-sweeping Day"),
    **{date(2027, 5, d): (False, "Labour Day") for d in (3, 4)},
    date(2027, 6, 9): (False, "Dragon Boat Festival"),
    date(2027, 9, 15): (False, "Mid-autumn Festival"),
    **{date(2027, 10, d): (False, "National Day") for d in (1, 4, 5, 6, 7)},
    date(2027, 9, 25): (True, "make-up working day (National Day)"),
    date(2027, 10, 9): (True, "make-up working day (National Day)"),
}


def resolve_clock(world: World, number: str) -> Deadline:
    with session_scope(world.container.engine) as session:
        case = session.exec(select(Case).where(Case.number == number)).one()
        return session.exec(
            select(Deadline).where(Deadline.case_id == case.id, Deadline.kind == "resolve")
        ).one()


def moves_of(world: World, number: str) -> list[dict]:
    with session_scope(world.container.engine) as session:
        case = session.exec(select(Case).where(Case.number == number)).one()
        events = session.exec(
            select(CaseEvent)
            .where(CaseEvent.case_id == case.id, CaseEvent.action == "deadline_moved")
            .order_by(col(CaseEvent.id))
        ).all()
        return [e.details or {} for e in events]


def move_notices(world: World) -> list[tuple[str | None, str]]:
    with session_scope(world.container.engine) as session:
        rows = session.exec(
            select(Notification)
            .where(col(Notification.key).startswith("calendar_move:"))
            .order_by(col(Notification.id))
        ).all()
        return [(n.chat_id, n.text) for n in rows]


def restart(world: World, published: PublishedCalendar) -> Container:
    """Start another process on the same database with another chinesecalendar release."""
    again = build(
        world.container.settings,
        clock=world.clock,
        router=world.container.router,
        published_calendar=published,
    )
    prepare_database(again)
    return again


def test_confirming_2027_makes_a_clock_due_in_it_no_longer_provisional(world: World) -> None:
    world.clock.current = tianjin(2026, 12, 21, 10)  # Monday
    number = world.file(channel="telegram", chat_id="reporter-chat").case.number
    before = resolve_clock(world, number)
    assert (before.due_date, before.provisional) == (date(2027, 1, 12), True)
    with session_scope(world.container.engine) as session:
        for day, (working, name) in NOTICE_2027.items():
            change_day(
                session=session,
                keeper=world.container.keeper,
                day=day,
                working=working,
                reason=f"国务院通知：{name}",
                actor=world.coordinator,
            )
        moved = confirm_year(
            session=session, keeper=world.container.keeper, year=2027, actor=world.coordinator
        )
    after = resolve_clock(world, number)
    assert (moved, after.due_date, after.provisional) == (1, date(2027, 1, 12), False)
    assert moves_of(world, number)[-1] == {
        "kind": "resolve",
        "from": "2027-01-12",
        "to": "2027-01-12",
        "provisional_before": True,
        "provisional": False,
    }
    assert move_notices(world) == []  # the date did not move: nobody is disturbed


def test_a_year_without_its_statutory_days_entered_cannot_be_confirmed(world: World) -> None:
    with session_scope(world.container.engine) as session:
        try:
            confirm_year(
                session=session, keeper=world.container.keeper, year=2027, actor=world.coordinator
            )
        except ValidationFailed as refused:
            message = refused.message("en")
        else:
            raise AssertionError("confirmed a year with nothing entered")
        known = load_calendar(session=session).known_years
    assert "2027-02-08" in message and 2027 not in known


def test_a_newer_chinesecalendar_seeded_at_restart_moves_the_clocks_it_reaches(
    world: World,
) -> None:
    world.clock.current = tianjin(2027, 1, 21, 10)  # Thursday, 2027 not published yet
    number = world.file(channel="telegram", chat_id="reporter-chat").case.number
    assert (resolve_clock(world, number).due_date, resolve_clock(world, number).provisional) == (
        date(2027, 2, 17),
        True,
    )
    restart(world, PublishedCalendar(extra=NOTICE_2027))
    after = resolve_clock(world, number)
    # The notice adds 11 and 12 February to the estimated eve, 1/3 and the two 补假 days.
    assert (after.due_date, after.provisional) == (date(2027, 2, 19), False)
    assert [
        (m["kind"], m["from"], m["to"], m["provisional"]) for m in moves_of(world, number)
    ] == [
        ("sign", "2027-01-22", "2027-01-22", False),  # confirmed only: logged, nobody told
        ("resolve", "2027-02-17", "2027-02-19", False),
    ]
    notices = move_notices(world)
    assert [chat for chat, _ in notices] == ["clerk-chat", "reporter-chat"]
    assert all("2027-02-19" in text for _, text in notices)


def test_restarting_again_moves_nothing_and_tells_nobody_twice(world: World) -> None:
    world.clock.current = tianjin(2027, 1, 21, 10)
    number = world.file(channel="telegram", chat_id="reporter-chat").case.number
    restart(world, PublishedCalendar(extra=NOTICE_2027))
    restart(world, PublishedCalendar(extra=NOTICE_2027))
    assert len(moves_of(world, number)) == 2 and len(move_notices(world)) == 2


def test_a_corrected_day_in_a_newer_release_moves_the_clocks_over_it(world: World) -> None:
    number = world.file().case.number  # Friday 2026-11-27: resolve due 2026-12-18
    restart(world, PublishedCalendar(extra={date(2026, 12, 9): (False, "corrected")}))
    assert resolve_clock(world, number).due_date == date(2026, 12, 21)
    assert moves_of(world, number)[-1]["to"] == "2026-12-21"


def test_a_clock_computed_by_an_older_estimate_follows_the_new_one_at_restart(
    world: World,
) -> None:
    world.clock.current = tianjin(2027, 1, 21, 10)
    number = world.file().case.number
    with session_scope(world.container.engine) as session:
        # As the fixed-date-only estimate had it: the Spring Festival counted as working.
        clock = session.exec(select(Deadline).where(Deadline.kind == "resolve")).one()
        clock.due_date = date(2027, 2, 11)
        session.add(clock)
        session.get_one(CalendarState, 1).estimate = "fixed-dates-only"
    restart(world, PublishedCalendar())
    assert resolve_clock(world, number).due_date == date(2027, 2, 17)
    assert moves_of(world, number)[-1]["from"] == "2027-02-11"


def test_a_correction_tells_the_units_clerks_and_the_reporter_once(world: World) -> None:
    number = world.file(channel="telegram", chat_id="reporter-chat").case.number
    with session_scope(world.container.engine) as session:
        change_day(
            session=session,
            keeper=world.container.keeper,
            day=date(2026, 12, 9),
            working=False,
            reason="暴雪停工",
            actor=world.coordinator,
        )
    world.clock.current = tianjin(2026, 11, 30, 9)
    jobs.send_job(world.container)
    jobs.send_job(world.container)
    assert ["2026-12-21" in t for t in world.texts("clerk-chat")] == [True]
    assert ["2026-12-21" in t for t in world.texts("reporter-chat")][-1:] == [True]
    assert sum("2026-12-21" in t for t in world.texts("reporter-chat")) == 1
    assert resolve_clock(world, number).due_date == date(2026, 12, 21)


def test_a_correction_made_by_another_process_is_seen_at_once(world: World) -> None:
    other = restart(world, PublishedCalendar())
    with session_scope(world.container.engine) as session:
        assert world.container.keeper.calendar.get(session).is_working_day(date(2026, 12, 9))
    with session_scope(other.engine) as session:
        change_day(
            session=session,
            keeper=other.keeper,
            day=date(2026, 12, 9),
            working=False,
            reason="暴雪停工",
            actor=world.coordinator,
        )
    with session_scope(world.container.engine) as session:
        assert not world.container.keeper.calendar.get(session).is_working_day(date(2026, 12, 9))


def test_a_clock_set_against_a_calendar_changed_meanwhile_is_caught_up_by_the_sweep(
    world: World,
) -> None:
    keeper = world.container.keeper
    with session_scope(world.container.engine) as session:
        before_change = load_calendar(session=session)
    with session_scope(world.container.engine) as session:
        change_day(
            session=session,
            keeper=keeper,
            day=date(2026, 12, 9),
            working=False,
            reason="暴雪停工",
            actor=world.coordinator,
        )
    # A request that read the calendar before the change commits its clock after it.
    keeper.env = lambda session: keeper.env_with(before_change)  # type: ignore[method-assign]
    number = world.file().case.number
    del keeper.env
    assert resolve_clock(world, number).due_date == date(2026, 12, 18)
    world.clock.current = tianjin(2026, 11, 27, 10, 1)
    world.tick()
    assert resolve_clock(world, number).due_date == date(2026, 12, 21)
    assert moves_of(world, number)[-1]["to"] == "2026-12-21"


def test_once_no_transaction_can_still_carry_an_older_calendar_the_sweep_stops_looking(
    world: World,
) -> None:
    with session_scope(world.container.engine) as session:
        change_day(
            session=session,
            keeper=world.container.keeper,
            day=date(2026, 12, 9),
            working=False,
            reason="暴雪停工",
            actor=world.coordinator,
        )

    def state() -> tuple[int, int]:
        with session_scope(world.container.engine) as session:
            row = session.get_one(CalendarState, 1)
            return row.revision, row.settled

    world.clock.current = tianjin(2026, 11, 27, 10, 5)
    world.tick()
    revision, settled = state()
    assert settled < revision  # still within reach of a transaction begun before the change
    world.clock.current = tianjin(2026, 11, 27, 10, 11)
    world.tick()
    assert state() == (revision, revision)
