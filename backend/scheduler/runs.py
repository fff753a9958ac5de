"""Daily jobs run once a day: a run is claimed under (job, day) before it does anything.

The claim is written in the run's own transaction, so a run that fails leaves no claim and
the next round tries again, and a second scheduler (or a restarted one) finds the day taken.
The sweep, which runs every minute, notes its last run the same way (for /metrics).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col, select

from backend.scheduler.models import JobRun


def claim_daily_run(*, session: Session, job: str, day: date, now: datetime) -> bool:
    """Take today's run of a daily job for this transaction; False when it is already taken.

    On PostgreSQL a second scheduler's claim waits for the first one's transaction and then
    finds the row; on SQLite write transactions queue anyway.
    """
    taken = session.exec(select(JobRun).where(JobRun.job == job, JobRun.run_on == day)).first()
    if taken is not None:
        return False
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    statement = (
        insert(JobRun)
        .values(job=job, run_on=day, ran_at=now, written=0)
        .on_conflict_do_nothing(index_elements=["job", "run_on"])
        .returning(col(JobRun.job))
    )
    return session.connection().execute(statement).first() is not None


def record_daily_run(*, session: Session, job: str, day: date, written: int) -> None:
    """Note what a claimed run produced (for the log and for whoever looks)."""
    run = session.get(JobRun, (job, day))
    if run is not None:
        run.written = written
        session.add(run)


SWEEP = "sweep"


def record_sweep(*, session: Session, day: date, now: datetime, written: int) -> None:
    """Note that a sweep ran now: one row per day, its time moved on by each sweep.

    /metrics reads it as the age of the last sweep (`last_sweep_at`); a later time never
    goes back when two schedulers sweep at once.
    """
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    statement = insert(JobRun).values(job=SWEEP, run_on=day, ran_at=now, written=written)
    statement = statement.on_conflict_do_update(
        index_elements=["job", "run_on"],
        set_={"ran_at": statement.excluded.ran_at, "written": statement.excluded.written},
        where=col(JobRun.ran_at) < statement.excluded.ran_at,
    )
    session.connection().execute(statement)


def last_sweep_at(*, session: Session) -> datetime | None:
    """Return when a sweep last ran (any scheduler), or None when none ever did."""
    latest = session.exec(select(func.max(JobRun.ran_at)).where(JobRun.job == SWEEP)).one()
    return latest
