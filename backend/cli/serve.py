"""`intake run`: the whole system in one process."""

from __future__ import annotations

from typing import Annotated

import typer
import uvicorn

from backend.api.app import create_app
from backend.bootstrap import build, prepare_database
from backend.scheduler.runner import background


def run(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Start the API and the scheduler (and, as they land, the chat channels)."""
    container = build()
    prepare_database(container)
    scheduler = background(container) if container.settings.scheduler else None
    if scheduler is not None:
        scheduler.start()
    typer.echo(f"Integrity Intake on http://{host}:{port}  (API docs: /docs)")
    try:
        uvicorn.run(create_app(container), host=host, port=port, log_level="info")
    finally:
        if scheduler is not None:
            scheduler.shutdown(wait=False)
