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
