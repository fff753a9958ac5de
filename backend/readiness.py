"""Readiness for a load balancer: the database answers, its schema is current, today is known.

An instance that fails the database or the migrations check should get no traffic (it
answers `503` on `/api/v1/ready`); liveness (`/api/v1/health`) asks nothing of the database,
so a database outage takes instances out of the balancer without making a supervisor restart
them. A year the calendar does not know yet is `provisional`, not a failure: deadlines are
worked out provisionally for it and flagged (DOMAIN), and everything else works, so it is a
note for the operator, not a reason to take every instance out on 1 January. A check that
could not be asked (the database did not answer) is `unknown`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from backend.migrate import alembic_config
from backend.workdays.models import CalendarYear

log = logging.getLogger(__name__)
CHECKS = ("database", "migrations", "calendar")


@dataclass(frozen=True)
class Readiness:
    """Each check's outcome in CHECKS order: `ok`, `failed`, `provisional` (the calendar) or
    `unknown` (not asked: the database did not answer)."""

    checks: dict[str, str]

    @property
    def failed(self) -> list[str]:
        """Return the names of the checks that failed."""
        return [name for name, outcome in self.checks.items() if outcome == "failed"]

    @property
    def notes(self) -> list[str]:
        """Return the names of the checks that pass with a note for the operator."""
        return [name for name, outcome in self.checks.items() if outcome == "provisional"]


@lru_cache(maxsize=1)
def code_head() -> str | None:
    """Return the newest migration this code knows (read once: the code does not change)."""
    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


def check_readiness(*, engine: Engine, now: datetime, zone: ZoneInfo) -> Readiness:
    """Check the database, its migration revision against the code's head, and today's year.

    The calendar covers today when today's year (in the district's zone) is a known year:
    published in full or confirmed by a coordinator (decision 5).
    """
    checks = dict.fromkeys(CHECKS, "unknown")
    try:
        with engine.connect() as connection:
            checks["database"] = "ok"
            revision = MigrationContext.configure(connection).get_current_revision()
            checks["migrations"] = "ok" if revision == code_head() else "failed"
            with Session(bind=connection) as session:
                known = session.get(CalendarYear, now.astimezone(zone).year) is not None
            checks["calendar"] = "ok" if known else "provisional"
    except SQLAlchemyError as exc:
        if checks["database"] == "unknown":
            checks["database"] = "failed"
        log.warning("not ready: %s", getattr(exc, "orig", None) or exc)
    return Readiness(checks)
