"""`intake units`: the group robots of a unit (企业微信, 钉钉, 飞书, plain JSON)."""

from __future__ import annotations

from typing import Annotated

import typer

from backend.bootstrap import Container, build, prepare_database
from backend.bounds import MAX_ROW_ID
from backend.cli.options import storable_text
from backend.db import read_scope, session_scope
from backend.notifications.setup import (
    add_robot,
    channels_of,
    remove_channel,
    try_robot,
)

app = typer.Typer(help="Units' robots, where their reminders also go.", no_args_is_help=True)


@app.command("robot-add")
def robot_add(
    unit: Annotated[str, typer.Argument(help="Unit code, e.g. czj.", callback=storable_text)],
    kind: Annotated[str, typer.Argument(help="wecom, dingtalk, feishu or json.")],
    url: Annotated[str, typer.Argument(help="The robot's webhook address.")],
    secret: Annotated[
        str | None, typer.Option(help="DingTalk's or Feishu's signing secret (加签).")
    ] = None,
    language: Annotated[str, typer.Option(help="zh or en.")] = "zh",
) -> None:
    """Add a robot to a unit and send its test message; it is used once that went through."""
    container = build()
    prepare_database(container)
    with session_scope(container.engine) as session:
        robot = add_robot(
            session=session,
            department=unit,
            kind=kind,
            url=url,
            secret=secret,
            now=container.clock.now(),
            language=language,
        )
    assert robot.id is not None
    _test(container, robot.id)


@app.command("robot-test")
def robot_test(
    robot_id: Annotated[
        int,
        typer.Argument(min=1, max=MAX_ROW_ID, help="The robot's number (intake units robots)."),
    ],
) -> None:
    """Send a robot its test message again: a robot that takes it is used (again)."""
    container = build()
    prepare_database(container)
    _test(container, robot_id)


@app.command("robots")
def robots(
    unit: Annotated[str | None, typer.Argument(help="A unit code (none: every unit).")] = None,
) -> None:
    """List the robots: number, unit, kind, state, failures in a row, last error."""
    container = build()
    prepare_database(container)
    with read_scope(container.engine) as session:
        found = [c for c in channels_of(session=session, department=unit) if c.department_code]
    for c in found:
        typer.echo(
            f"{c.id}\t{c.department_code}\t{c.kind}\t{c.state}\t{c.failures}\t{c.last_error or ''}"
        )


@app.command("robot-remove")
def robot_remove(
    robot_id: Annotated[int, typer.Argument(min=1, max=MAX_ROW_ID, help="The robot's number.")],
) -> None:
    """Remove a robot (its notices not sent yet are dropped)."""
    container = build()
    prepare_database(container)
    with session_scope(container.engine) as session:
        remove_channel(session=session, channel_id=robot_id)
    typer.echo(f"robot {robot_id} removed")


def _test(container: Container, robot_id: int) -> None:
    error = try_robot(
        engine=container.engine,
        channel_id=robot_id,
        settings=container.settings,
        clock=container.clock,
    )
    if error is not None:
        typer.echo(f"intake: robot {robot_id} did not take the test message: {error}", err=True)
        raise typer.Exit(1)
    typer.echo(f"robot {robot_id} took the test message and is in use")
