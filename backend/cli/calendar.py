"""`intake calendar`: working days, and coordinators' corrections of the calendar."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from backend.actors import Actor
from backend.bootstrap import Container, build, prepare_database
from backend.cli.options import parse_day, storable_text
from backend.db import session_scope
from backend.people.models import Role
from backend.workdays.changes import change_day, confirm_year

app = typer.Typer(help="Working-day calendar (holidays, 调休, corrections).", no_args_is_help=True)
OPERATOR = Actor("system", name="cli", role=Role.coordinator)


def _ready() -> Container:
    container = build()
    prepare_database(container)
    return container


def _change(day: date, working: bool | None, reason: str) -> int:
    """Correct a day (None: drop the correction) and return how many due dates moved."""
    container = _ready()
    with session_scope(container.engine) as session:
        return change_day(
            session=session,
            keeper=container.keeper,
            day=day,
            working=working,
            reason=reason,
            actor=OPERATOR,
        )


@app.command("add-working-days")
def add_working_days(
    day: Annotated[str, typer.Argument(help="Start date, YYYY-MM-DD (does not count).")],
    count: Annotated[int, typer.Argument(min=0, max=1000, help="Working days to add.")],
) -> None:
    """Print the date COUNT working days after DAY, and ' provisional' when it is a guess."""
    start = parse_day(day)
    container = _ready()
    with session_scope(container.engine) as session:
        due = container.keeper.calendar.get(session).add_working_days(start, count)
    typer.echo(due.day.isoformat() + (" provisional" if due.provisional else ""))


@app.command("is-working-day")
def is_working_day(day: Annotated[str, typer.Argument(help="YYYY-MM-DD")]) -> None:
    """Print yes or no, and ' provisional' when the year's holidays are not published yet."""
    when = parse_day(day)
    container = _ready()
    with session_scope(container.engine) as session:
        answer = container.keeper.calendar.get(session).day(when)
    suffix = " provisional" if answer.provisional else ""
    typer.echo(("yes" if answer.working else "no") + suffix)


@app.command("set")
def set_day(
    day: Annotated[str, typer.Argument(help="YYYY-MM-DD")],
    reason: Annotated[
        str, typer.Option(help="Why (kept with the correction).", callback=storable_text)
    ],
    working: Annotated[bool, typer.Option("--working/--off", help="Working day or day off.")],
) -> None:
    """Make a day a working day or a day off; open due dates are recomputed."""
    when = parse_day(day)
    moved = _change(when, working, reason)
    typer.echo(
        f"{when} is now {'a working day' if working else 'a day off'}; {moved} due date(s) moved"
    )


@app.command("unset")
def unset_day(day: Annotated[str, typer.Argument(help="YYYY-MM-DD")]) -> None:
    """Drop the correction of a day."""
    when = parse_day(day)
    moved = _change(when, None, "")
    typer.echo(f"{when} is as the published calendar says; {moved} due date(s) moved")


@app.command("confirm-year")
def confirm(year: Annotated[int, typer.Argument(min=2000, max=2100)]) -> None:
    """Declare a year's holidays complete (after entering them with `set`); due dates follow."""
    container = _ready()
    with session_scope(container.engine) as session:
        moved = confirm_year(session=session, keeper=container.keeper, year=year, actor=OPERATOR)
    typer.echo(f"{year} is known, no longer provisional; {moved} due date(s) moved")
