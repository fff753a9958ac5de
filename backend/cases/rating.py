"""回访: the reporter rates a resolved case; dissatisfied reopens it (重办)."""

from __future__ import annotations

from sqlalchemy import update
from sqlmodel import Session, col

from backend.actors import REPORTER, SYSTEM, Actor
from backend.cases import system_reasons as reasons
from backend.cases.env import CaseEnv
from backend.cases.events import record_event
from backend.cases.models import Case, CaseEvent, CaseStatus
from backend.cases.text import visible_text
from backend.cases.workflow import Action, Command, transition
from backend.errors import InvalidTransition, StaleVersion, ValidationFailed
from backend.notifications import outbox
from backend.notifications.texts import text
from backend.storable import is_storable

RATINGS = ("satisfied", "basically_satisfied", "dissatisfied")
SATISFIED = ("satisfied", "basically_satisfied")
MAX_COMMENT = 2000  # characters of a rating's comment


def rating_comment(comment: str | None) -> str | None:
    """Return a rating's comment as kept: trimmed, without direction controls, None when a
    reader would see nothing (`visible_text`, as a reason or a note).

    Raises ValidationFailed `comment_unstorable` (NUL, lone surrogate) and `comment_too_long`
    (over MAX_COMMENT characters), whatever the channel. The rating page's form arrives with
    its line breaks as the browser counted them (`backend.console.line_breaks`).
    """
    if not is_storable(comment or ""):
        raise ValidationFailed("comment_unstorable", field="comment")
    kept = visible_text(comment) or ""
    if len(kept) > MAX_COMMENT:
        raise ValidationFailed(
            "comment_too_long", field="comment", max=MAX_COMMENT, length=len(kept)
        )
    return kept or None


def waits_for_rating(case: Case) -> bool:
    """Return whether a case waits for its reporter's rating: resolved and not rated yet."""
    return case.status == CaseStatus.resolved and case.rating is None


def rate_case(
    *,
    session: Session,
    case: Case,
    rating: str,
    comment: str | None,
    env: CaseEnv,
    actor: Actor = REPORTER,
    channel: str = "chat",
) -> Case:
    """Record the reporter's rating; satisfied closes the case, dissatisfied reopens it.

    A coordinator who took the rating by phone (电话回访) records it as `actor` with channel
    "phone": the effects are those of a rating given in the chat. Raises StaleVersion when
    the case was changed or rated since it was read, leaving nothing.
    """
    if rating not in RATINGS:
        raise ValidationFailed("unknown_rating", field="rating", value=rating[:40])
    if case.status != CaseStatus.resolved:
        raise InvalidTransition(f"case {case.number} is {case.status}, not waiting for a rating")
    comment = rating_comment(comment)
    # One conditional UPDATE: the rating lands only on the case as the reporter saw it (still
    # resolved, unrated, same version), and its row stays locked for the close or reopen below.
    rated = session.execute(
        update(Case)
        .where(
            col(Case.id) == case.id,
            col(Case.version) == case.version,
            col(Case.status) == CaseStatus.resolved.value,
            col(Case.rating).is_(None),
        )
        .values(rating=rating, rating_comment=comment, rated_at=env.clock.now())
        .execution_options(synchronize_session=False)
    )
    if rated.rowcount != 1:  # type: ignore[attr-defined]
        raise StaleVersion(f"case {case.number} was changed or rated meanwhile")
    session.refresh(case)
    record_event(
        session=session,
        case=case,
        actor=actor,
        action="rate",
        at=env.clock.now(),
        reason=comment,
        details={"rating": rating} | ({"channel": channel} if channel != "chat" else {}),
    )
    session.flush()
    if rating in SATISFIED:
        command = Command(
            action=Action.close, version=case.version, reason=reasons.rated(rating, channel)
        )
    else:
        command = Command(
            action=Action.reopen,
            version=case.version,
            reason=reasons.dissatisfied(comment),
        )
    return transition(session=session, case=case, command=command, actor=SYSTEM, env=env)


def note_late_rating(
    *, session: Session, case: Case, rating: str | None, comment: str | None, env: CaseEnv
) -> CaseEvent:
    """Keep a rating or comment that came after the case stopped waiting, as a note on it.

    The case does not change (it was closed, reopened or rated already); the note is an
    event (`late_rating`) in its history, and the coordinators are told when the reporter is
    dissatisfied or wrote something, since they decide whether the case is reopened.
    """
    if rating is not None and rating not in RATINGS:
        raise ValidationFailed("unknown_rating", field="rating", value=rating[:40])
    comment = rating_comment(comment)
    now = env.clock.now()
    event = record_event(
        session=session,
        case=case,
        actor=REPORTER,
        action="late_rating",
        at=now,
        reason=comment,
        details={"rating": rating, "status": case.status},
    )
    session.flush()
    if rating == "dissatisfied" or comment is not None:
        outbox.write(
            session=session,
            key=f"late_rating:{event.id}",
            kind="late_rating",
            now=now,
            case=case,
            recipients=outbox.coordinators(session=session),
            render=lambda lang: text(
                "late_rating",
                lang,
                number=case.number,
                rating=text(f"rate_{rating}", lang) if rating else "-",
                comment=comment or "-",
            ),
            buttons=lambda lang: [[(text("button_open", lang), f"open:{case.number}")]],
        )
    return event
