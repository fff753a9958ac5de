"""Coordinators' corrections of routing (改派), kept so the router learns from them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Column, Text, event
from sqlmodel import Field, Session, SQLModel, col, select

from backend.cases.events import history
from backend.cases.models import Case, CaseEvent, CaseKind
from backend.db import UTCDateTime
from backend.routing.examples import Example
from backend.routing.router import Router

REASSIGN = "reassign"
# Events whose details may name the category and unit a case was given (intake's route and
# triage, a coordinator's reassign).
_PLACING = ("route", "triage", REASSIGN)


class RoutingCorrection(SQLModel, table=True):
    """A case a coordinator moved to another category or unit: its text, from where, to where."""

    __tablename__ = "routing_corrections"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="cases.id", index=True)
    text: str = Field(sa_column=Column(Text, nullable=False))
    from_category: str | None = Field(default=None, max_length=40)  # None: not recorded
    to_category: str | None = Field(default=None, max_length=40)
    from_department: str | None = Field(default=None, max_length=32)
    to_department: str | None = Field(default=None, max_length=32)
    created_at: datetime = Field(sa_type=UTCDateTime)


Placement = tuple[str | None, str | None]  # (category, department)


def placement_before(
    events: Sequence[CaseEvent], *, lead_office: str, category_now: str | None
) -> Placement:
    """Return where the events left a case: its category (None if never recorded) and unit."""
    category: str | None = None
    department: str | None = lead_office  # intake files every case at the lead office first
    for past in events:
        details = past.details or {}
        if past.to_status == "triage" or past.action == "reject":
            department = lead_office
        if past.action in _PLACING:
            category = details.get("category", category)
            department = details.get("department", department)
    # A category never named in the history is still the one given at intake.
    return (category or category_now), department


class CorrectionRecorder:
    """Record each reassignment that changes a case's category or unit (a CaseListener)."""

    def __init__(self, *, lead_office: str, router: Router | None = None) -> None:
        self._lead_office = lead_office
        self._router = router

    def case_created(self, *, session: Session, case: Case) -> None:
        """Do nothing: a new case has not been corrected yet."""

    def case_changed(self, *, session: Session, case: Case, event: CaseEvent) -> None:
        """Keep (text, from, to) when a coordinator reassigned the case elsewhere."""
        if event.action != REASSIGN or case.id is None:
            return
        if case.kind != CaseKind.complaint:  # a record is not routed, so nothing to learn
            return
        earlier = [past for past in history(session=session, case=case) if past.id != event.id]
        changes_category = "category" in (event.details or {})
        from_category, from_department = placement_before(
            earlier,
            lead_office=self._lead_office,
            category_now=None if changes_category else case.category_id,
        )
        to = (case.category_id, case.department_code)
        if (from_category, from_department) == to:
            return
        session.add(
            RoutingCorrection(
                case_id=case.id,
                text=case.text,
                from_category=from_category,
                to_category=case.category_id,
                from_department=from_department,
                to_department=case.department_code,
                created_at=event.at,
            )
        )
        if self._router is not None and case.category_id is not None:
            self._teach_after_commit(session, Example(case.text, case.category_id))

    def _teach_after_commit(self, session: Session, example: Example) -> None:
        router = self._router
        assert router is not None
        # Only a correction that is stored teaches the router; a rolled-back one never happened.
        event.listen(session, "after_commit", lambda _session: router.learn([example]), once=True)


def recent_examples(*, session: Session, limit: int) -> list[Example]:
    """Return the newest corrected complaints with their category, oldest first."""
    if limit <= 0:
        return []
    statement = (
        select(RoutingCorrection.text, RoutingCorrection.to_category)
        .where(col(RoutingCorrection.to_category).is_not(None))
        .order_by(col(RoutingCorrection.id).desc())
        .limit(limit)
    )
    rows = session.exec(statement).all()
    return [Example(text, category) for text, category in reversed(rows) if category]
