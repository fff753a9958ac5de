"""What the scheduler ran: one row per daily job and day, so a day's run happens once."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from backend.db import UTCDateTime


class JobRun(SQLModel, table=True):
    """A daily job's run on one day (Tianjin date); the key makes a second run impossible."""

    __tablename__ = "job_runs"

    job: str = Field(primary_key=True, max_length=32)
    run_on: date = Field(primary_key=True)
    ran_at: datetime = Field(sa_type=UTCDateTime)
    written: int = 0  # what the run produced (messages written), for the log
