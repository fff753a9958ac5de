"""`intake duty`: the on-duty roster (值班表) of the coordinators woken by urgent cases."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated

import typer

from backend.bootstrap import Container, build, prepare_database
from backend.cli.options import parse_day, storable_text
from backend.db import read_scope, session_scope
from backend.duty.roster import MAX_DAYS, add_duty, days_of, duty_day, list_duty, remove_duty

app = typer.Typer(
    help="On-duty roster: the coordinators told of urgent cases at night.", no_args_is_help=True
)
Login = Annotated[str, typer.Argument(help="The coordinator's login.", callback=storable_text)]
First = Annotated[str, typer.Argument(help="Duty day, YYYY-MM-DD (with the night after it).")]
Last = Annotated[str | None, typer.Option("--to", help="Last duty day of a range, YYYY-MM-DD.")]


def _ready() -> Container:
    container = build()
    prepare_database(container)
    return container


def _range(first: str, last: str | None) -> tuple[date, date | None]:
    return parse_day(first), (parse_day(last) if last is not None else None)


@app.command("add")
def add(login: Login, day: First, to: Last = None) -> None:
    """Put a coordinator on duty for DAY, or for each day from DAY to --to."""
    first, last = _range(day, to)
    container = _ready()
    with session_scope(container.engine) as session:
        added = add_duty(
            session=session, login=login, first=first, last=last, clock=container.clock
        )
    end = (last or first).isoformat()
    typer.echo(f"{login.strip().lower()} on duty for {len(added)} day(s): {first} .. {end}")


@app.command("remove")
def remove(login: Login, day: First, to: Last = None) -> None:
    """Take a coordinator off duty for DAY, or for each day from DAY to --to."""
    first, last = _range(day, to)
    container = _ready()
    with session_scope(container.engine) as session:
        removed = remove_duty(session=session, login=login, first=first, last=last)
    typer.echo(f"{login.strip().lower()} off duty for {removed} day(s)")


@app.command("list")
def list_(
    start: Annotated[
        str | None, typer.Option("--from", help="First day (default: the current duty day).")
    ] = None,
    days: Annotated[int, typer.Option(min=1, max=MAX_DAYS, help="Days to list.")] = 14,
) -> None:
    """Print each day with its coordinators on duty, or '- nobody on duty'."""
    container = _ready()
    if start is not None:
        first = parse_day(start)
    else:
        starts = container.keeper.policy.urgent.duty_day_starts
        first = duty_day(container.clock.now(), zone=container.settings.zone, starts=starts)
    last = first + timedelta(days=days - 1)
    with read_scope(container.engine) as session:
        rows = list_duty(session=session, first=first, last=last)
    for day in days_of(first, last):
        names = [f"{r.login} ({r.name})" for r in rows if r.day == day]
        typer.echo(f"{day.isoformat()}  {', '.join(names) or '- nobody on duty'}")
