"""Tell a unit of a case sent to it (派单), as soon as it is sent (a CaseListener).

The notice goes where the unit's reminders go: its clerks' chats, email and inboxes, and
its robots; once per placement (keyed by the event), in office hours.
"""

from __future__ import annotations

from sqlmodel import Session

from backend.cases.models import Case, CaseEvent
from backend.notifications import outbox
from backend.notifications.texts import text
from backend.taxonomy.models import Taxonomy


class UnitNotices:
    """Write the "new case" notice of each case routed or passed on to a unit."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy

    def case_created(self, *, session: Session, case: Case) -> None:
        """Say nothing here: the placement event that follows tells the unit."""

    def case_changed(self, *, session: Session, case: Case, event: CaseEvent) -> None:
        """Queue the notice when the event sends the case to a unit."""
        if event.to_status != "routed" or case.department_code is None:
            return
        units = {d.code: (d.zh, d.en) for d in self.taxonomy.departments}
        units |= {s.code: (s.zh, s.en) for s in self.taxonomy.streets}
        categories = {c.id: (c.zh, c.en) for c in self.taxonomy.categories}
        unit = units.get(case.department_code, (case.department_code, case.department_code))
        category = categories.get(case.category_id or "", ("-", "-"))

        def render(lang: str) -> str:
            pick = 1 if lang == "en" and unit[1] and category[1] else 0
            return text(
                "new_case", lang, number=case.number, unit=unit[pick], category=category[pick]
            )

        outbox.write(
            session=session,
            key=f"new_case:{event.id}",
            kind="new_case",
            now=event.at,
            recipients=outbox.unit_clerks(session=session, department=case.department_code),
            render=render,
            case=case,
            buttons=lambda lang: [[(text("button_sign", lang), f"sign:{case.number}")]],
            record_nobody=False,  # a unit nobody can reach shows in its queue and the digest
        )
