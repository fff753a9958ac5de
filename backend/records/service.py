"""Filing, reading and listing dishonesty records (政务失信记录), and who may see them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from backend.actors import Actor
from backend.cases.models import Case
from backend.deadlines.models import Deadline
from backend.records.commands import NewRecord
from backend.records.env import RecordEnv
from backend.records.models import DishonestyRecord


@dataclass(frozen=True)
class RecordView:
    """A record with its case (number, history) and its clocks."""

    case: Case
    record: DishonestyRecord
    clocks: list[Deadline]


def can_see(*, actor: Actor, record: DishonestyRecord, lead_office: str) -> bool:
    """Return whether the actor may see a record: the lead office, or the filing or named unit."""
    raise NotImplementedError


def file_record(*, session: Session, new: NewRecord, actor: Actor, env: RecordEnv) -> RecordView:
    """File a record (or register a draft): its case, its fields and its report clock."""
    raise NotImplementedError


def get_record(*, session: Session, number: str, actor: Actor) -> RecordView:
    """Return a record the actor may see by its case number; NotFound otherwise."""
    raise NotImplementedError


def list_records(
    *,
    session: Session,
    actor: Actor,
    env: RecordEnv,
    department: str | None = None,
    state: str | None = None,
    arisen_from: date | None = None,
    arisen_to: date | None = None,
    after_id: int | None = None,
    limit: int = 50,
) -> list[RecordView]:
    """Return the records the actor sees, newest first, after the cursor."""
    raise NotImplementedError
