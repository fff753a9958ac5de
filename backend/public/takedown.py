"""Taking records off the public page when their publicity period is over (公示期届满).

The period counts natural days (the working calendar plays no part): a record is on the page
to its last day included and the job ends it from the next day on, the records service's own
rule (`backend.records.publicity.end_publicity`). Each record ended is one event on its
history; a second run (or a second scheduler) finds nothing left to do.
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from backend.actors import SYSTEM
from backend.cases.events import record_event
from backend.cases.models import Case
from backend.records.env import RecordEnv
from backend.records.models import DishonestyRecord, PublicityState
from backend.records.publicity import end_publicity

BATCH = 500


def take_down_ended(*, session: Session, env: RecordEnv) -> list[str]:
    """End the publicity of every published record past its last day; return their numbers."""
    today, now = env.today(), env.clocks.now()
    R = DishonestyRecord
    statement = (
        select(Case, R)
        .join(R, col(R.case_id) == Case.id)
        .where(
            R.publicity_state == PublicityState.published.value,
            col(R.publicity_until) < today,
        )
        .order_by(col(R.case_id))
        .limit(BATCH)
        .with_for_update(of=R, skip_locked=True)
    )
    ended = []
    for case, record in session.exec(statement).all():
        until = record.publicity_until
        if not end_publicity(record=record, today=today):
            continue
        record.version += 1
        record.updated_at = now
        session.add(record)
        record_event(
            session=session,
            case=case,
            actor=SYSTEM,
            action="publicity_end",
            at=now,
            details={"until": until.isoformat() if until else None},
        )
        ended.append(case.number)
    session.flush()
    return ended
