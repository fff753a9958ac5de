"""The same words sent again at once (Back and send, a second click) are said once.

A reviewer supervised a case (督办), pressed Back, and sent the form again: the page came back
fresh (the console's pages are never cached), its version and history count new, the browser
had put the typed note back, and the unit's clerk got two identical 【督办】 notices. An
internal note did the same. An entry of a case's history by the same person, with the same
action and the same words, within REPEAT_WINDOW (other entries between or not: Back twice
past a note typed the order back in), is that form sent before: a note is
not added again (`add_note` returns the one written), an action is refused as already sent
(409 `already_sent`; the console's "您刚才已经提交过" page). After the window, or with other
words, the same action is taken again: a second 督办 an hour later is a new one.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from backend.actors import Actor
from backend.cases.models import Case, CaseEvent
from backend.errors import StaleVersion

REPEAT_WINDOW = timedelta(minutes=10)


class RepeatedSubmission(StaleVersion):
    """The action was just taken by the same person with the same words (409 `already_sent`)."""

    def __init__(self, number: str) -> None:
        super().__init__(f"case {number}: this action was just taken with the same words")
        self.code = "already_sent"


def just_sent(
    *, session: Session, case: Case, actor: Actor, action: str, words: str, now: datetime
) -> CaseEvent | None:
    """Return the case's latest history entry of this action by this actor with these words
    written within REPEAT_WINDOW before `now`, whatever came between; else None."""
    return session.exec(
        select(CaseEvent)
        .where(
            col(CaseEvent.case_id) == case.id,
            col(CaseEvent.at) >= now - REPEAT_WINDOW,
            col(CaseEvent.action) == action,
            col(CaseEvent.actor_kind) == actor.kind,
            col(CaseEvent.actor_id) == actor.id,
            col(CaseEvent.reason) == words,
        )
        .order_by(col(CaseEvent.id).desc())
        .limit(1)
    ).first()
