"""Idempotent filing through the API: one `Idempotency-Key` per caller makes one case.

A client that lost the answer to `POST /api/v1/cases` (a dropped connection, a `502` from
the load balancer while an instance died) sends the same request again with the same key
and gets the case the first one made, never a second case. The key is kept in the case's
`receive` event for KEPT (24 hours, as payment APIs keep theirs); on PostgreSQL two
instances filing the same key at once take turns on a transaction-scoped advisory lock.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from sqlalchemy import select, text
from sqlmodel import Session, col

from backend.actors import Actor
from backend.cases.models import Case, CaseEvent
from backend.errors import ValidationFailed

KEPT = timedelta(hours=24)
DETAIL = "idempotency_key"


KEY_FORM = re.compile(r"[!-~]{8,100}")  # visible ASCII, as a UUID or a request id is


def caller_key(actor: Actor, key: str) -> str:
    """Return the key as stored (one caller's keys never meet another's), or refuse its form."""
    if not KEY_FORM.fullmatch(key):
        raise ValidationFailed("idempotency_key_invalid", field="Idempotency-Key")
    return f"{actor.kind}:{actor.id}:{key}"


def filed_with(*, session: Session, key: str, now: datetime) -> Case | None:
    """Return the case filed with this caller key in the last KEPT, holding the key's lock.

    On PostgreSQL the lock lasts to the end of the transaction, so a concurrent filing with
    the same key waits and then finds the case this transaction files.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"), {"key": key}
        )
    statement = (
        select(col(CaseEvent.case_id))
        .where(
            col(CaseEvent.action) == "receive",
            col(CaseEvent.at) >= now - KEPT,
            CaseEvent.details[DETAIL].as_string() == key,  # type: ignore[index]
        )
        .limit(1)
    )
    case_id = session.execute(statement).scalar_one_or_none()
    return session.get(Case, case_id) if case_id is not None else None
