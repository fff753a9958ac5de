"""What several record steps share: required texts, the record's clocks, who asks, the
chat told of a decision.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from backend.actors import Actor
from backend.cases.text import has_words, visible_length, visible_text
from backend.deadlines import service as clocks
from backend.deadlines.models import ClockKind
from backend.errors import ValidationFailed
from backend.notifications import outbox
from backend.records.commands import (
    MAX_DAYS,
    MAX_DOCUMENT_NUMBER,
    MAX_OBJECTOR_NAME,
    MAX_REASON,
    MAX_STATEMENT,
    RecordCommand,
)
from backend.records.env import RecordEnv
from backend.records.models import ObjectorKind, RecordObjection, RepairApplication, Severity
from backend.records.new_checks import refuse_over_long
from backend.records.service import RecordView
from backend.records.texts import decision_text
from dialogs.parsing import without_direction_controls

Details = dict[str, object] | None


def require(value: str | None, code: str, field: str) -> str:
    """Return the text stripped; refuse (ValidationFailed `code` on `field`) one nobody can read.

    Empty, white space, invisible marks or control characters only (`visible_length` 0).
    """
    text = visible_text(value)  # direction controls dropped: they only turn what staff read
    if text is None:
        raise ValidationFailed(code, field=field)
    return text


def open_clock(
    session: Session,
    view: RecordView,
    kind: ClockKind,
    department: str,
    env: RecordEnv,
    days: int | None = None,
) -> None:
    """Start a clock of the record owed by `department`."""
    clocks.open_clock(
        session=session,
        case=view.case,
        kind=kind,
        env=env.clocks,
        department_code=department,
        days=days,
    )


def meet_clocks(session: Session, view: RecordView, env: RecordEnv, *kinds: ClockKind) -> None:
    """Meet the running clocks of these kinds (what they waited for happened)."""
    for deadline in clocks.running_clocks(session=session, case=view.case, kinds=kinds):
        clocks.meet(session=session, deadline=deadline, env=env.clocks)


def cancel_clocks(session: Session, view: RecordView, env: RecordEnv) -> None:
    """Stop every running clock of a record that no longer applies (withdrawn)."""
    for deadline in clocks.running_clocks(session=session, case=view.case):
        clocks.cancel(session=session, deadline=deadline, env=env.clocks)


def checked_severity(value: str) -> str:
    """Return a Severity value; refuse another (`unknown_severity`)."""
    if value not in {s.value for s in Severity}:
        raise ValidationFailed("unknown_severity", field="severity")
    return value


def who_asks(command: RecordCommand) -> tuple[str, str]:
    """Return (objector kind, name); refuse a missing one (a long one: `check_bounds`)."""
    kind, name = command.objector_kind, without_direction_controls(command.objector_name or "")
    if kind not in {k.value for k in ObjectorKind} or not visible_length(name):
        raise ValidationFailed("objector_required", field="objector_kind")
    return kind, name


def check_words(command: RecordCommand) -> None:
    """Refuse a reason with no words (only emoji, digits or punctuation: `reason_no_words`),
    as a case's action refuses it; whatever the channel, before anything changes."""
    reason = visible_text(command.reason)
    if reason is not None and not has_words(reason):
        raise ValidationFailed("reason_no_words", field="reason")


def check_bounds(command: RecordCommand) -> None:
    """Refuse a field of an action beyond its bound (ValidationFailed), whatever the channel.

    The API's schema refuses them first; the console's forms and the chat come here, so a
    console post is never cut short or stored longer than the API would take it.
    """
    refuse_over_long(
        ("reason", command.reason, MAX_REASON, "reason_too_long"),
        ("document_number", command.document_number, MAX_DOCUMENT_NUMBER, "document_too_long"),
        ("explanation", command.explanation, MAX_STATEMENT, "statement_too_long"),
        ("report", command.report, MAX_STATEMENT, "statement_too_long"),
        ("objector_name", command.objector_name, MAX_OBJECTOR_NAME, "name_too_long"),
    )
    if command.days is not None and not 1 <= command.days <= MAX_DAYS:
        raise ValidationFailed("bad_days", field="days", max=MAX_DAYS)


def filed_by(command: RecordCommand, actor: Actor, env: RecordEnv) -> dict[str, Any]:
    """Return where an objection or a repair application came from, who filed it and when."""
    return {
        "channel": command.channel,
        "chat_id": command.chat_id,
        "language": command.language,
        "filed_by_staff_id": actor.id if actor.kind == "staff" else None,
        "filed_at": env.clocks.now(),
    }


def tell(
    session: Session,
    view: RecordView,
    env: RecordEnv,
    asker: RecordObjection | RepairApplication,
    *,
    key: str,
    decision: str,
    reason: str,
) -> None:
    """Send a decision to the chat the objection or application came from, if any."""
    channel, chat_id, language = asker.channel, asker.chat_id, asker.language
    if chat_id is None:
        return
    outbox.write(
        session=session,
        key=key,
        kind="update",
        now=env.clocks.now(),
        case=view.case,
        recipients=[outbox.Recipient("reporter", None, channel, chat_id, language)],
        render=lambda lang: decision_text(
            lang, number=view.case.number, decision=decision, reason=reason
        ),
        office_hours_only=False,
    )
