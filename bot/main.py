"""The `intake` command: the backend's commands plus those that start the chat channels."""

from __future__ import annotations

from backend.cli.main import app
from backend.cli.main import main as backend_main
from bot.console import chat
from bot.serve import run, scheduler

app.command("run")(run)
app.command("scheduler")(scheduler)
app.command("chat")(chat)


def main() -> None:
    """Run the command line."""
    backend_main()


if __name__ == "__main__":
    main()
