"""`intake cases`: look at cases from the terminal."""

from __future__ import annotations

from typing import Annotated

import typer

from backend.actors import Actor
from backend.bootstrap import build, prepare_database
from backend.cases.models import CaseStatus
from backend.cases.queries import CaseFilter, list_cases
from backend.db import session_scope
from backend.people.models import Role

app = typer.Typer(help="Cases.", no_args_is_help=True)


@app.command("list")
def list_(
    department: Annotated[str | None, typer.Option(help="Unit code.")] = None,
    status: Annotated[CaseStatus | None, typer.Option(help="Status, e.g. triage.")] = None,
    category: Annotated[str | None, typer.Option(help="Category id.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=1000)] = 50,
) -> None:
    """List the newest cases, one line each."""
    container = build()
    prepare_database(container)
    operator = Actor("system", name="cli", role=Role.coordinator)
    with session_scope(container.engine) as session:
        page = list_cases(
            session=session,
            actor=operator,
            where=CaseFilter(
                department=department,
                status=status.value if status else None,
                category=category,
            ),
            cursor=None,
            limit=limit,
        )
        if not page.cases:
            typer.echo("no cases")
        for case in page.cases:
            created = case.created_at.astimezone(container.settings.zone)
            text = case.text.replace("\n", " ")
            short = text[:40] + ("…" if len(text) > 40 else "")
            typer.echo(
                f"{case.number}  {created:%Y-%m-%d %H:%M}  {case.status:<11}  "
                f"{case.department_code or '-':<5}  {case.category_id or '-':<16}  {short}"
            )
