"""Internal notes (内部备注) on a case: staff write them, staff read them, nobody is told.

A note is an event of its own (`action="note"`, the text as its reason) in the case's
history. It changes no state and no version (a note must not make a colleague's open form
stale), and no listener hears of it: no reporter update, no watcher notice, no clock.
"""

from __future__ import annotations

from sqlmodel import Session

from backend.actors import Actor
from backend.cases.env import CaseEnv
from backend.cases.events import history, record_event
from backend.cases.models import Case, CaseEvent
from backend.cases.repeats import just_sent
from backend.cases.text import visible_text
from backend.cases.workflow import can_see
from backend.errors import Forbidden, NotFound, ValidationFailed

NOTE = "note"
MAX_NOTE_LENGTH = 2000


def add_note(
    *,
    session: Session,
    case: Case,
    text: str,
    actor: Actor,
    env: CaseEnv,
    seen: int | None = None,
) -> CaseEvent:
    """Add an internal note to a case's history and return its event.

    Staff only (a reporter or the system: Forbidden); a clerk only on the own unit's cases
    (another unit's: NotFound, as for reading). An empty note is refused (`note_required`),
    one longer than MAX_NOTE_LENGTH characters too (`note_too_long`).

    `seen`: how many history entries the form's page showed. The same note by the same
    author among the entries added since is that form sent before (the Back button, a
    second click): it is returned, not added again. So is the same note as the case's last
    entry within REPEAT_WINDOW (a page shown afresh after Back, the note typed back in by the
    browser; backend.cases.repeats); later, or after other entries, a note may be repeated.
    """
    if not can_see(actor, case):
        raise NotFound(case.number)
    if actor.kind != "staff" or actor.role is None or actor.is_evaluator:
        raise Forbidden(f"a {actor.kind} may not write an internal note")
    written = visible_text(text)
    if written is None:
        raise ValidationFailed("note_required", field="text")
    if len(written) > MAX_NOTE_LENGTH:
        raise ValidationFailed("note_too_long", field="text", max=MAX_NOTE_LENGTH)
    if seen is not None:
        for sent in history(session=session, case=case)[seen:]:
            if (sent.action, sent.actor_kind, sent.actor_id, sent.reason) == (
                NOTE,
                actor.kind,
                actor.id,
                written,
            ):
                return sent
    now = env.clock.now()
    repeat = just_sent(
        session=session, case=case, actor=actor, action=NOTE, words=written, now=now
    )
    if repeat is not None:  # the form sent again after Back, shown afresh (backend.cases.repeats)
        return repeat
    event = record_event(
        session=session, case=case, actor=actor, action=NOTE, at=now, reason=written
    )
    session.flush()
    return event
