"""The `intake` command's commands: the backend's plus those that start the chat channels."""

from __future__ import annotations

from backend.cli.main import app
from backend.cli.main import main as backend_main
from bot.console import chat
from bot.serve import run, scheduler

app.command("run")(run)
app.command("scheduler")(scheduler)
app.command("chat")(chat)

__all__ = ["app", "backend_main"]
