"""The sweep: act on the clocks whose next stage is due (reminders, escalation, follow-up)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from backend.actors import SYSTEM
from backend.cases.env import CaseEnv
from backend.cases.models import Case, CaseKind, CaseStatus
from backend.cases.system_reasons import NO_RATING
from backend.cases.workflow import Action, Command, transition
from backend.deadlines.clocks import Stage, due_stages, plan
from backend.deadlines.keeper import DeadlineKeeper
from backend.deadlines.models import ClockKind, ClockState, Deadline
from backend.deadlines.office import in_office_hours
from backend.deadlines.service import ClockEnv
from backend.handoff.sweep import HANDOFF_CLOCKS, handoff_notice
from backend.notifications import outbox
from backend.notifications.channels import EMAIL
from backend.notifications.texts import due_text, shortened, text
from backend.periods import local_day
from backend.taxonomy.tables import unit_names
from dialogs.model import ChatRef

log = logging.getLogger(__name__)
RETRY_AFTER_ERROR = timedelta(minutes=10)


@dataclass
class SweepReport:
    """What one sweep did."""

    claimed: int = 0
    written: int = 0
    closed: int = 0
    failed: int = 0
    stages: list[str] = field(default_factory=list)


def sweep(
    *,
    session: Session,
    keeper: DeadlineKeeper,
    case_env: CaseEnv,
    now: datetime,
    batch: int = 500,
) -> SweepReport:
    """Claim the clocks due by `now` and act on each; outside office hours only urgent ones."""
    env = keeper.env(session)
    report = SweepReport()
    statement = (
        select(Deadline)
        .where(col(Deadline.next_action_at) <= now)
        .order_by(col(Deadline.next_action_at))
        .limit(batch)
    )
    if not in_office_hours(now, policy=env.policy, calendar=env.calendar, zone=env.zone):
        # An urgent case's sign-for limit is watched day and night (backend/handoff).
        statement = statement.where(col(Deadline.kind) == ClockKind.urgent_sign.value)
    if session.get_bind().dialect.name == "postgresql":
        statement = statement.with_for_update(skip_locked=True)
    book = outbox.RecipientBook(session)
    claimed = list(session.exec(statement).all())
    case_ids = {d.case_id for d in claimed}
    # One query for the cases of the round; session.get below then finds them in the session.
    list(session.exec(select(Case).where(col(Case.id).in_(case_ids))).all())
    for deadline in claimed:
        report.claimed += 1
        try:
            with session.begin_nested():
                _act(session, deadline, env, case_env, now, report, book, keeper)
        except Exception:  # noqa: BLE001 - one bad clock must not stop the others
            log.exception("sweep: deadline %s failed", deadline.id)
            report.failed += 1
            deadline.next_action_at = now + RETRY_AFTER_ERROR
            session.add(deadline)
    session.flush()
    return report


def _act(
    session: Session,
    deadline: Deadline,
    env: ClockEnv,
    case_env: CaseEnv,
    now: datetime,
    report: SweepReport,
    book: outbox.RecipientBook,
    keeper: DeadlineKeeper,
) -> None:
    case = session.get(Case, deadline.case_id)
    assert case is not None
    stages = plan(deadline, env.policy, env.calendar, env.zone)
    for stage in due_stages(deadline, stages, now):
        report.stages.append(stage.name)
        if stage.group == "close":
            report.closed += _close_unrated(session, case, case_env)
        else:
            report.written += _notify(session, case, deadline, stage, env, now, book, keeper)
    reached = [i for i, s in enumerate(stages) if s.at <= now and i >= deadline.next_stage]
    deadline.next_stage = (reached[-1] + 1) if reached else deadline.next_stage
    still_open = deadline.state == ClockState.open and deadline.next_stage < len(stages)
    deadline.next_action_at = stages[deadline.next_stage].at if still_open else None
    session.add(deadline)


def _notify(
    session: Session,
    case: Case,
    deadline: Deadline,
    stage: Stage,
    env: ClockEnv,
    now: datetime,
    book: outbox.RecipientBook,
    keeper: DeadlineKeeper,
) -> int:
    key = f"deadline:{deadline.id}:{deadline.due_date}:{stage.name}"
    if deadline.kind in HANDOFF_CLOCKS:
        return handoff_notice(
            session=session, case=case, deadline=deadline, stage=stage, env=env, key=key
        )

    def due(lang: str) -> str:
        return due_text(deadline.due_date, deadline.provisional, lang)

    if stage.group == "ask":
        recipients = outbox.reporter_of(session=session, case=case)
        written = _ask_by_email(session, case, deadline, stage, now, key, recipients)
        recipients = [r for r in recipients if r.channel != EMAIL]
        if written and not recipients:
            return written
        if keeper.rating_asker is not None and recipients:
            chat = ChatRef(recipients[0].channel, recipients[0].chat_id)
            return keeper.rating_asker.ask_rating(
                session=session, case=case, chat=chat, language=recipients[0].language
            )
        reply = shortened(case.reply or "", 1000)  # the whole reply went out when resolved
        return outbox.write(
            session=session,
            key=key,
            kind="follow_up",
            recipients=recipients,
            now=now,
            case=case,
            deadline_id=deadline.id,
            stage=stage.name,
            render=lambda lang: text("ask_rating", lang, number=case.number, reply=reply),
            buttons=lambda lang: [
                [
                    (text(f"rate_{r}", lang), f"rate:{case.number}:{r}")
                    for r in ("satisfied", "basically_satisfied", "dissatisfied")
                ]
            ],
        )

    def what(lang: str) -> str:
        return text(f"clock_{deadline.kind}", lang)

    thing = "subject_record" if case.kind == CaseKind.dishonesty_record else "subject_case"

    def subject(lang: str) -> str:  # a record is named as one (失信记录), not as a case
        return text(thing, lang, number=case.number)

    if stage.group == "escalate":
        late = env.calendar.working_days_between(deadline.due_date, local_day(now, env.zone))
        names = unit_names(session=session, code=deadline.department_code)
        # 督办 reaches the unit too: its clerks and robots hear that the lead office asks.
        written = outbox.write(
            session=session,
            key=f"{key}:unit",
            kind="escalation",
            now=now,
            case=case,
            recipients=book.unit_clerks(deadline.department_code),
            deadline_id=deadline.id,
            stage=stage.name,
            render=lambda lang: text(
                "escalate_unit",
                lang,
                number=case.number,
                subject=subject(lang),
                what=what(lang),
                late=late,
                due=due(lang),
            ),
            buttons=lambda lang: [[(text("button_open", lang), f"open:{case.number}")]],
        )
        return written + outbox.write(
            session=session,
            key=key,
            kind="escalation",
            now=now,
            case=case,
            recipients=book.coordinators(),
            deadline_id=deadline.id,
            stage=stage.name,
            render=lambda lang: text(
                "escalate",
                lang,
                number=case.number,
                subject=subject(lang),
                what=what(lang),
                unit=names[1] if lang == "en" else names[0],
                late=late,
                due=due(lang),
            ),
            buttons=lambda lang: [[(text("button_open", lang), f"open:{case.number}")]],
        )
    if stage.name.startswith("before_"):
        left = stage.name.removeprefix("before_")

        def render(lang: str) -> str:
            return text(
                "before", lang, subject=subject(lang), what=what(lang), due=due(lang), left=left
            )
    else:

        def render(lang: str) -> str:
            return text(stage.name, lang, subject=subject(lang), what=what(lang), due=due(lang))

    action = "sign" if deadline.kind == ClockKind.sign else "open"
    return outbox.write(
        session=session,
        key=key,
        kind="reminder",
        now=now,
        case=case,
        recipients=book.unit_clerks(deadline.department_code),
        deadline_id=deadline.id,
        stage=stage.name,
        render=render,
        buttons=lambda lang: [[(text(f"button_{action}", lang), f"{action}:{case.number}")]],
    )


def _ask_by_email(
    session: Session,
    case: Case,
    deadline: Deadline,
    stage: Stage,
    now: datetime,
    key: str,
    recipients: list[outbox.Recipient],
) -> int:
    """Ask a reporter told by email for the rating: the email carries a signed link."""
    emails = [r for r in recipients if r.channel == EMAIL]
    if not emails:
        return 0
    reply = shortened(case.reply or "", 1000)
    return outbox.write(
        session=session,
        key=key,
        kind="follow_up",
        recipients=emails,
        now=now,
        case=case,
        deadline_id=deadline.id,
        stage=stage.name,
        render=lambda lang: text("ask_rating_email", lang, number=case.number, reply=reply),
    )


def _close_unrated(session: Session, case: Case, case_env: CaseEnv) -> int:
    """Close a resolved case whose reporter did not rate in time (归档, unrated)."""
    if case.status != CaseStatus.resolved:
        return 0
    transition(
        session=session,
        case=case,
        actor=SYSTEM,
        env=case_env,
        command=Command(
            action=Action.close,
            version=case.version,
            reason=NO_RATING,
        ),
    )
    return 1
