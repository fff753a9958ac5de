"""The `intake` command line."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import typer
from alembic.util.exc import CommandError as AlembicError
from sqlalchemy.exc import SQLAlchemyError

from backend.cli import calendar as calendar_cli
from backend.cli import cases as cases_cli
from backend.cli import db as db_cli
from backend.cli import duty as duty_cli
from backend.cli import open311 as open311_cli
from backend.cli import route as route_cli
from backend.cli import routing as routing_cli
from backend.cli import search as search_cli
from backend.cli import stats as stats_cli
from backend.cli import units as units_cli
from backend.cli import users as users_cli
from backend.errors import ConfigError, DomainError
from backend.settings import unknown_names

app = typer.Typer(
    name="intake",
    help="Integrity Intake (政务诚信投诉受理): complaint intake and case routing.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("route")(route_cli.route)
app.add_typer(calendar_cli.app, name="calendar")
app.add_typer(db_cli.app, name="db")
app.add_typer(users_cli.app, name="users")
app.add_typer(routing_cli.app, name="routing")
app.add_typer(cases_cli.app, name="cases")
app.add_typer(open311_cli.app, name="open311")
app.add_typer(units_cli.app, name="units")
app.add_typer(search_cli.app, name="search")
app.add_typer(stats_cli.app, name="stats")
app.add_typer(duty_cli.app, name="duty")


def main() -> None:
    """Run the command line; configuration and input errors end in one line, not a traceback."""
    for warning in unknown_names([*os.environ, *_env_file_names(Path(".env"))]):
        print(f"intake: warning: {warning}", file=sys.stderr)
    try:
        app()
    except ConfigError as exc:
        print(f"intake: configuration error: {exc}", file=sys.stderr)
        sys.exit(2)
    except DomainError as exc:
        message = exc.message("en") if hasattr(exc, "message") else str(exc)
        print(f"intake: {message}", file=sys.stderr)
        sys.exit(1)
    except SQLAlchemyError as exc:  # a database that does not answer, refuses, is locked
        cause = getattr(exc, "orig", None) or exc
        print(f"intake: database error: {_first_line(cause)}", file=sys.stderr)
        sys.exit(1)
    except AlembicError as exc:  # a schema this code does not know (a newer code's)
        print(f"intake: database schema: {_first_line(exc)}", file=sys.stderr)
        sys.exit(1)
    except OSError as exc:  # a file or folder that cannot be read or written
        print(f"intake: {_first_line(exc)}", file=sys.stderr)
        sys.exit(1)


def _env_file_names(path: Path) -> list[str]:
    """Return the names a .env file sets (the settings read it too); none when unreadable."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    names = (line.removeprefix("export ").split("=", 1)[0].strip() for line in lines)
    return [name for name in names if name and not name.startswith("#")]


def _first_line(error: BaseException) -> str:
    """Return an error's message on one line (drivers add detail lines and SQL)."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return lines[0] if lines else type(error).__name__


if __name__ == "__main__":
    main()
