"""`intake stats`: what the figures read besides the cases themselves (issue 13)."""

from __future__ import annotations

import typer

app = typer.Typer(help="The figures (statistics, dashboard, assessment).", no_args_is_help=True)


@app.command("rebuild")
def rebuild() -> None:
    """Copy every case's kind, category and channel onto its clocks again, as the figures read.

    The app keeps the copies in step as cases change (backend.deadlines.case_groups); this
    rewrites those that differ from their case (none, when kept in step), in one transaction,
    and says how many it changed.
    """
    from backend.bootstrap import build
    from backend.db import session_scope
    from backend.deadlines.case_groups import rebuild as rebuild_copies

    container = build()
    with session_scope(container.engine) as session:
        changed = rebuild_copies(session=session)
    container.engine.dispose()
    typer.echo(f"copied their case's kind, category and channel onto {changed} clock(s)")
