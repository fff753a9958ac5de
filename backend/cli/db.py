"""`intake db`: the database schema, backups and restores."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, NoReturn

import typer

from backend.migrate import upgrade as upgrade_schema
from backend.settings import get_settings

app = typer.Typer(help="Database schema, backups and restores.", no_args_is_help=True)

# `intake db backup|restore` on PostgreSQL writes nothing: it prints the pg_dump/pg_restore
# commands to run and ends with this code, so that a script never takes it for a backup.
NOT_DONE_EXIT = 3


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
    """Exit 0 when the database answers and its schema is current (a year the calendar does not
    cover is noted: deadlines are provisional until its holidays are entered).

    The checks of /api/v1/ready, for a process with no web port (the scheduler's health check).
    """
    from backend.clock import SystemClock
    from backend.db import make_engine
    from backend.messages import render
    from backend.readiness import check_readiness

    settings = get_settings()
    engine = make_engine(settings.database_url)
    try:
        outcome = check_readiness(engine=engine, now=SystemClock().now(), zone=settings.zone)
    finally:
        engine.dispose()
    for name, result in outcome.checks.items():
        typer.echo(f"{name}: {result}")
    for name in outcome.notes:  # the calendar's year: works, provisionally; enter it
        typer.echo(f"note: {render(f'not_ready_{name}', 'en')}")
    if outcome.failed:
        raise typer.Exit(1)


@app.command("backup")
def backup(
    path: Annotated[Path, typer.Argument(help="A new (or empty) folder for the backup.")],
) -> None:
    """Back up the database and the evidence files into a folder, while the system runs.

    SQLite: the online backup API, then the files. PostgreSQL: prints the pg_dump command
    and exits with code 3.
    """
    from backend.backups.postgres import pg_dump_commands
    from backend.backups.sqlite import backup_sqlite
    from backend.clock import SystemClock
    from backend.db import dialect_of

    settings = get_settings()
    if dialect_of(settings.database_url) != "sqlite":
        commands = pg_dump_commands(
            database_url=settings.database_url, data_dir=settings.data_dir, folder=path
        )
        _advise("Back up PostgreSQL with pg_dump (password: PGPASSWORD or ~/.pgpass):", commands)
    report = backup_sqlite(
        database_url=settings.database_url,
        data_dir=settings.data_dir,
        folder=path,
        now=SystemClock().now(),
    )
    typer.echo(
        f"backed up {report.cases} case(s) and {report.files} evidence file(s) to {path} "
        f"(schema {report.revision}; integrity ok)"
    )


@app.command("restore")
def restore(
    path: Annotated[Path, typer.Argument(help="A folder written by `intake db backup`.")],
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite a database that already holds data.")
    ] = False,
) -> None:
    """Restore a backup folder into the configured SQLite database and data folder.

    Stop the system first: a restore under a running `intake run`, `intake scheduler` or
    `intake chat` is refused (exit 1). A database holding cases, staff or dialogs is kept unless
    --force. PostgreSQL: prints the pg_restore command and exits with code 3.
    """
    from backend.backups.in_use import sole_user
    from backend.backups.postgres import pg_restore_commands
    from backend.backups.sqlite import restore_sqlite
    from backend.clock import SystemClock
    from backend.db import dialect_of

    settings = get_settings()
    if dialect_of(settings.database_url) != "sqlite":
        commands = pg_restore_commands(
            database_url=settings.database_url, data_dir=settings.data_dir, folder=path
        )
        _advise("Restore PostgreSQL with pg_restore, into an empty database:", commands)
    with sole_user(settings.database_url):  # not under a running intake (backend.backups.in_use)
        report = restore_sqlite(
            database_url=settings.database_url,
            data_dir=settings.data_dir,
            folder=path,
            force=force,
            now=SystemClock().now(),
        )
    typer.echo(
        f"restored {report.cases} case(s) and {report.files} evidence file(s) from {path} "
        f"(schema {report.revision}; integrity ok); run `intake db upgrade` if the code is newer"
    )


def _advise(heading: str, commands: list[str]) -> NoReturn:
    """Print what to run instead, and stop with NOT_DONE_EXIT."""
    typer.echo(heading)
    for command in commands:
        typer.echo(f"  {command}")
    raise typer.Exit(NOT_DONE_EXIT)
