"""Tell the reporter when the case changes (a CaseListener writing to the outbox).

Two audiences hear of a case: its own reporter, who gets the reply and the reasons written
for them, and its watchers (followers, and the reporters of repeats merged into it), who get
a neutral notice naming the state alone: what a unit wrote to the reporter can carry the
reporter's own details, and a watcher may be anyone who filed something alike.
"""

from __future__ import annotations

from sqlmodel import Session

from backend.cases.chain import where_handled
from backend.cases.events import history
from backend.cases.models import Case, CaseEvent, CaseKind
from backend.notifications import outbox
from backend.notifications.texts import text
from backend.taxonomy.models import Taxonomy

# Which events the reporter hears of, and as what; watchers hear the follow_ text instead.
TOLD = {
    "sign": "update_signed",
    "resolve": "update_resolved",
    "reassign": "update_rerouted",
    "reject": "update_rejected",
    "reopen": "update_reopened",
    "merge": "update_merged",
}


class ReporterUpdates:
    """Write an update for the reporter's chat, and a neutral one for watchers, per event."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy

    def case_created(self, *, session: Session, case: Case) -> None:
        """Say nothing: the reporter got the number in the dialog."""

    def case_changed(self, *, session: Session, case: Case, event: CaseEvent) -> None:
        """Queue the updates of this event, once (keyed by the event)."""
        key = TOLD.get(event.action)
        if key is None or (event.action == "reopen" and event.to_status != "in_progress"):
            return
        if case.kind != CaseKind.complaint:  # a record's clerk is no complainant (no "您的投诉")
            return
        reporter_hears, watchers_hear = news(history(session=session, case=case), event)
        reporters = outbox.reporter_of(session=session, case=case) if reporter_hears else []
        watchers = outbox.watchers_of(session=session, case=case) if watchers_hear else []
        if reporters:
            self._tell_reporter(session, case, event, key, reporters)
        if watchers:
            into = where_handled(session=session, case=case).number
            outbox.write(
                session=session,
                key=f"update:{event.id}:watch",
                kind="update",
                now=event.at,
                recipients=watchers,
                render=lambda lang: text(
                    key.replace("update_", "follow_"), lang, number=case.number, into=into
                ),
                case=case,
                office_hours_only=False,
            )

    def _tell_reporter(
        self,
        session: Session,
        case: Case,
        event: CaseEvent,
        key: str,
        reporters: list[outbox.Recipient],
    ) -> None:
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
            recipients=reporters,
            render=render,
            case=case,
            office_hours_only=False,
        )


def news(events: list[CaseEvent], event: CaseEvent) -> tuple[bool, bool]:
    """Return whether the reporter, and the watchers, are to hear of `event` (one of `events`).

    Nobody hears what they were told already: a case sent back to the unit it was last sent
    to (a unit returned it and the coordinator sent it back, or kept the unit and changed the
    category) was not passed on, and its signing again by that unit is no news. The reporter
    does not hear the reopening that their own dissatisfied rating caused: the rating dialog
    said so. A rejection ends what the reporter knew of the unit, so a later placement is news.
    """
    placed: str | None = None  # the unit the case was last sent to
    last: tuple[str, str | None] | None = None  # the last state notice heard: (action, unit)
    before: CaseEvent | None = None
    for current in events:
        heard: tuple[str, str | None] | None = None
        if current.action in ("route", "reassign"):
            unit = str((current.details or {}).get("department") or "") or None
            if current.action == "reassign" and unit != placed:
                heard = ("reassign", unit)
            placed = unit
        elif current.action == "sign":
            heard = ("sign", placed)
        elif current.action == "reject":
            placed, last = None, ("reject", None)
        elif current.action in TOLD:
            last = (current.action, None)
        repeated = heard is not None and heard == last
        if heard is not None and not repeated:
            last = heard
        if current.id == event.id:
            if current.action in ("reassign", "sign") and (heard is None or repeated):
                return False, False
            rated = before is not None and _dissatisfied_rating(before)
            return not (current.action == "reopen" and rated), True
        before = current
    return True, True


def _dissatisfied_rating(event: CaseEvent) -> bool:
    return event.action == "rate" and (event.details or {}).get("rating") == "dissatisfied"
