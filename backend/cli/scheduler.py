"""`intake scheduler`: the scheduler alone (several may run against one PostgreSQL)."""

from __future__ import annotations

import logging

import typer

from backend.bootstrap import build, prepare_database
from backend.scheduler.runner import blocking


def scheduler() -> None:
    """Run the sweep, the sender, the morning digest and the calendar alarm until stopped."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    container = build()
    prepare_database(container)
    typer.echo("scheduler running (Ctrl-C to stop)")
    try:
        blocking(container).start()
    except (KeyboardInterrupt, SystemExit):
        typer.echo("scheduler stopped")
