"""`intake users`: staff accounts."""

from __future__ import annotations

from typing import Annotated

import typer

from backend.bootstrap import build, prepare_database
from backend.db import session_scope
from backend.people.models import Role
from backend.people.service import create_staff

app = typer.Typer(help="Staff accounts (coordinators and clerks).", no_args_is_help=True)


@app.command("create")
def create(
    role: Annotated[Role, typer.Option(help="coordinator or clerk.")],
    department: Annotated[str, typer.Option(help="Unit code, e.g. czj or xyz.")],
    name: Annotated[str, typer.Option(help="The person's name.")],
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
        typer.echo(f"created {account.role} #{account.id} {account.name} ({department})")
    typer.echo("API token (shown only now):")
    typer.echo(token)
