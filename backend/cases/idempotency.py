"""Idempotent filing through the API: one `Idempotency-Key` per caller makes one case.

A client that lost the answer to `POST /api/v1/cases` (a dropped connection, a `502` from
the load balancer while an instance died) sends the same request again with the same key
and gets the case the first one made, never a second case. The key is kept in the case's
`receive` event for KEPT (24 hours, as payment APIs keep theirs); on PostgreSQL two
instances filing the same key at once take turns on a transaction-scoped advisory lock.

The record POSTs (`POST /api/v1/records` and its actions) keep the same rule with a
`fingerprint` of the whole request beside the key in the event they write (`stamp`): a key
sent again with the same request answers the first answer (`replayed`), with another request
it is refused.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, text
from sqlmodel import Session, col

from backend.actors import Actor
from backend.cases.models import Case, CaseEvent
from backend.errors import ValidationFailed

KEPT = timedelta(hours=24)
DETAIL = "idempotency_key"
FINGERPRINT = "idempotency_request"  # the request's fingerprint, beside its key
STAMPED = frozenset({DETAIL, FINGERPRINT})  # what an event keeps of a keyed request


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
    event = keyed_event(session=session, key=key, now=now, action="receive")
    return session.get(Case, event.case_id) if event is not None else None


def keyed_event(
    *, session: Session, key: str, now: datetime, action: str | None = None
) -> CaseEvent | None:
    """Return the event written with this caller key in the last KEPT (of `action`, if given),
    holding the key's lock to the end of the transaction (PostgreSQL)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"), {"key": key}
        )
    statement = select(CaseEvent).where(
        col(CaseEvent.at) >= now - KEPT,
        CaseEvent.details[DETAIL].as_string() == key,  # type: ignore[index]
    )
    if action is not None:
        statement = statement.where(col(CaseEvent.action) == action)
    return session.execute(statement.limit(1)).scalar_one_or_none()


def fingerprint(request: Mapping[str, object]) -> str:
    """Return a request's fingerprint: the SHA-256 (hex) of its fields as sorted JSON."""
    canonical = json.dumps(request, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def replayed(
    *, session: Session, key: str, request: str, now: datetime, reused: str
) -> CaseEvent | None:
    """Return the event the same request (its `fingerprint`) wrote with this caller key in
    the last KEPT, or None for a key not used yet; refuse a key sent with another request
    (ValidationFailed `reused` on `Idempotency-Key`). Holds the key's lock (keyed_event)."""
    event = keyed_event(session=session, key=key, now=now)
    if event is not None and (event.details or {}).get(FINGERPRINT) != request:
        raise ValidationFailed(reused, field="Idempotency-Key")
    return event


def stamp(key: str | None, request: str | None) -> dict[str, object]:
    """Return what an event keeps of a keyed request (nothing without a key)."""
    return {DETAIL: key, FINGERPRINT: request} if key is not None else {}


def without_stamp(details: dict[str, Any] | None) -> dict[str, Any] | None:
    """Return an event's details as readers get them, without a keyed request's stamp.

    The key and the fingerprint are kept for `replayed` and `filed_with` alone: a page or an
    API answer showing them only exposed one caller's keys to every reader (reviewer,
    2026-12-03). Details holding nothing else are None, as an event without details.
    """
    if not details or not STAMPED.intersection(details):
        return details
    return {key: value for key, value in details.items() if key not in STAMPED} or None
