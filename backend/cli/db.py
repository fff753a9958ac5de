"""`intake db`: the database schema."""

from __future__ import annotations

import typer

from backend.migrate import upgrade as upgrade_schema
from backend.settings import get_settings

app = typer.Typer(help="Database schema.", no_args_is_help=True)


@app.command("upgrade")
def upgrade() -> None:
    """Bring the database to the newest schema (creates the SQLite file if needed)."""
    settings = get_settings()
    from backend.db import make_engine

    make_engine(settings.database_url).dispose()  # creates the folder of a SQLite file
    upgrade_schema(settings.database_url)
    typer.echo("database is up to date")


@app.command("check")
def check() -> None:
    """Exit 0 when the database answers, its schema is current and the calendar covers today.

    The checks of /api/v1/ready, for a process with no web port (the scheduler's health check).
    """
    from backend.clock import SystemClock
    from backend.db import make_engine
    from backend.readiness import check_readiness

    settings = get_settings()
    engine = make_engine(settings.database_url)
    try:
        outcome = check_readiness(engine=engine, now=SystemClock().now(), zone=settings.zone)
    finally:
        engine.dispose()
    for name, result in outcome.checks.items():
        typer.echo(f"{name}: {result}")
    if outcome.failed:
        raise typer.Exit(1)
