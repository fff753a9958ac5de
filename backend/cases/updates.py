"""Tell the reporter when the case changes (a CaseListener writing to the outbox)."""

from __future__ import annotations

from sqlmodel import Session, select

from backend.cases.models import Case, CaseEvent
from backend.notifications import outbox
from backend.notifications.texts import text
from backend.taxonomy.models import Taxonomy

# Which events the reporter hears of, and as what.
TOLD = {
    "sign": "update_signed",
    "resolve": "update_resolved",
    "reassign": "update_rerouted",
    "reject": "update_rejected",
    "reopen": "update_reopened",
    "merge": "update_merged",
}


class ReporterUpdates:
    """Write an update for the reporter's chat on the events that matter to them."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy

    def case_created(self, *, session: Session, case: Case) -> None:
        """Say nothing: the reporter got the number in the dialog."""

    def case_changed(self, *, session: Session, case: Case, event: CaseEvent) -> None:
        """Queue the update of this event, once (keyed by the event)."""
        key = TOLD.get(event.action)
        if key is None or (event.action == "reopen" and event.to_status != "in_progress"):
            return
        # The reporters of duplicates merged into this case hear of it too.
        merged = session.exec(select(Case).where(Case.merged_into_id == case.id)).all()
        recipients = [
            r for c in (case, *merged) for r in outbox.reporter_of(session=session, case=c)
        ]
        recipients += outbox.followers_of(session=session, case=case)
        if not recipients:
            return
        unit_names = {d.code: (d.zh, d.en) for d in self.taxonomy.departments}
        unit_names |= {s.code: (s.zh, s.en) for s in self.taxonomy.streets}
        zh, en = unit_names.get(case.department_code or "", (case.department_code or "", ""))
        reply, reason = case.reply or "", event.reason or ""
        into = session.get(Case, case.merged_into_id) if case.merged_into_id else None
        into_number = into.number if into else ""

        def render(lang: str) -> str:
            unit = en if lang == "en" and en else zh
            return text(
                key,
                lang,
                number=case.number,
                unit=unit,
                reply=reply,
                reason=reason,
                into=into_number,
            )

        outbox.write(
            session=session,
            key=f"update:{event.id}",
            kind="update",
            now=event.at,
            recipients=recipients,
            render=render,
            case=case,
            office_hours_only=False,
        )
