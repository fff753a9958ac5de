"""Readiness for a load balancer: the database answers, its schema is current, today is known.

An instance that fails any check should get no traffic (it answers `503` on
`/api/v1/ready`); liveness (`/api/v1/health`) asks nothing of the database, so a database
outage takes instances out of the balancer without making a supervisor restart them.
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
    """Each check's outcome, `ok` or `failed`, in CHECKS order."""

    checks: dict[str, str]

    @property
    def failed(self) -> list[str]:
        """Return the names of the checks that failed."""
        return [name for name, outcome in self.checks.items() if outcome != "ok"]


@lru_cache(maxsize=1)
def code_head() -> str | None:
    """Return the newest migration this code knows (read once: the code does not change)."""
    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


def check_readiness(*, engine: Engine, now: datetime, zone: ZoneInfo) -> Readiness:
    """Check the database, its migration revision against the code's head, and today's year.

    The calendar covers today when today's year (in the district's zone) is a known year:
    published in full or confirmed by a coordinator (decision 5).
    """
    checks = dict.fromkeys(CHECKS, "failed")
    try:
        with engine.connect() as connection:
            checks["database"] = "ok"
            revision = MigrationContext.configure(connection).get_current_revision()
            if revision == code_head():
                checks["migrations"] = "ok"
            with Session(bind=connection) as session:
                if session.get(CalendarYear, now.astimezone(zone).year) is not None:
                    checks["calendar"] = "ok"
    except SQLAlchemyError as exc:
        log.warning("not ready: %s", getattr(exc, "orig", None) or exc)
    return Readiness(checks)
