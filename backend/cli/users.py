"""`intake users`: staff accounts."""

from __future__ import annotations

from typing import Annotated

import typer
from sqlmodel import col, select

from backend.bootstrap import build, prepare_database
from backend.bounds import MAX_ROW_ID
from backend.cli.options import storable_text
from backend.db import session_scope
from backend.errors import ValidationFailed
from backend.people.deactivation import deactivate_staff
from backend.people.invites import issue_invite
from backend.people.models import Role, StaffAccount
from backend.people.service import create_staff

app = typer.Typer(help="Staff accounts (coordinators and clerks).", no_args_is_help=True)


@app.command("create")
def create(
    role: Annotated[Role, typer.Option(help="coordinator or clerk.")],
    department: Annotated[
        str, typer.Option(help="Unit code, e.g. czj or xyz.", callback=storable_text)
    ],
    name: Annotated[str, typer.Option(help="The person's name.", callback=storable_text)],
) -> None:
    """Create a staff account; the API token is printed once, as the last line."""
    container = build()
    prepare_database(container)
    with session_scope(container.engine) as session:
        account, token = create_staff(
            session=session,
            name=name,
            role=role.value,
            department=department,
            clock=container.clock,
        )
    # Said only once committed: a token printed for an account that was never stored is a lie.
    typer.echo(f"created {account.role} #{account.id} {account.name} ({department})")
    typer.echo("API token (shown only now):")
    typer.echo(token)


@app.command("invite")
def invite(
    staff_id: Annotated[
        int,
        typer.Option(
            "--id", min=1, max=MAX_ROW_ID, help="The staff account's id (intake users list)."
        ),
    ],
) -> None:
    """Issue a one-time code for `/bind CODE` in the clerk's chat; printed as the last line."""
    container = build()
    prepare_database(container)
    with session_scope(container.engine) as session:
        staff = session.get(StaffAccount, staff_id)
        if staff is None or not staff.active:
            raise ValidationFailed("bad_request", field="id", value=f"no active staff #{staff_id}")
        code = issue_invite(session=session, staff=staff, clock=container.clock)
    typer.echo(
        f"bind code for {staff.name} ({staff.department_code}), valid 7 days; "
        "send /bind CODE from the chat:"
    )
    typer.echo(code)


@app.command("deactivate")
def deactivate(
    staff_id: Annotated[
        int,
        typer.Option("--id", min=1, max=2**31 - 1, help="The staff account's id (users list)."),
    ],
) -> None:
    """Deactivate an account: its token, bound chats and queued notices stop at once."""
    container = build()
    prepare_database(container)
    with session_scope(container.engine) as session:
        if session.get(StaffAccount, staff_id) is None:
            raise ValidationFailed("bad_request", field="id", value=f"no staff #{staff_id}")
        staff = deactivate_staff(session=session, staff_id=staff_id, clock=container.clock)
        typer.echo(f"deactivated {staff.role} #{staff.id} {staff.name} ({staff.department_code})")


@app.command("list")
def list_staff() -> None:
    """List the staff accounts."""
    container = build()
    prepare_database(container)
    with session_scope(container.engine) as session:
        rows = session.exec(select(StaffAccount).order_by(col(StaffAccount.id))).all()
        if not rows:
            typer.echo("no staff accounts")
        for row in rows:
            state = "" if row.active else "  (inactive)"
            typer.echo(f"#{row.id}  {row.role:<11}  {row.department_code:<5}  {row.name}{state}")
