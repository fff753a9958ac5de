"""Who is told when a record changes hands (交办): the lead office of what it must decide, the
unit named of what it must do.

The plan has every record reach the lead office (区发展改革委) and each step wait on one side:
the lead office decides rectification reports, objections (异议) and repair applications
(信用修复), the unit named rectifies (整改). Each hand-off is told at once, in office hours,
to the side that must act: the lead office's clerks (their chats, verified emails, console
inboxes and the unit's robots) and its coordinators (chats and inboxes); a unit's clerks the
same way. The reminders before a clock's due day (backend/deadlines) come on top. A notice
names the record's number, the unit and the due day, never the person named (a notice may
reach a robot's group chat).
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from backend.cases.models import Case
from backend.deadlines.models import ClockKind, ClockState, Deadline
from backend.notifications import outbox
from backend.notifications.channels import INBOX
from backend.notifications.texts import due_text
from backend.people.models import Role, StaffAccount
from backend.records.commands import RecordAction
from backend.records.env import RecordEnv
from backend.records.models import DishonestyRecord
from backend.taxonomy.tables import unit_names

A = RecordAction
LEAD, NAMED_UNIT, FILING_UNIT = "lead", "named_unit", "filing_unit"
# Steps whose notice the filing unit reads too when it is neither the unit named nor the lead
# office: a decision on an objection may correct or withdraw the record it filed.
FILING_UNIT_TOLD = frozenset({A.decide_objection})

# What each step hands to whom: (the side told, the notice, the clock whose due day it names).
HANDOFFS: dict[RecordAction, tuple[str, str, ClockKind | None]] = {
    A.order_rectification: (NAMED_UNIT, "rectification_ordered", ClockKind.rectify),
    A.submit_rectification: (LEAD, "rectification_submitted", None),
    A.return_rectification: (NAMED_UNIT, "rectification_returned", ClockKind.rectify),
    A.accept_rectification: (NAMED_UNIT, "rectification_accepted", None),
    A.object: (LEAD, "objection_filed", ClockKind.objection),
    A.decide_objection: (NAMED_UNIT, "objection_decided", None),
    A.apply_repair: (LEAD, "repair_applied", ClockKind.repair_accept),
    A.refuse_repair: (NAMED_UNIT, "repair_refused", None),
    A.decide_repair: (NAMED_UNIT, "repair_decided", None),
}

NOTICES: dict[str, dict[str, str]] = {
    "reported": {
        "zh": "【失信记录】{unit}报送了政务失信记录 {number}，请查看。",
        "en": "Dishonesty record {number} was reported by {unit}; please review it.",
    },
    "late_report": {
        "zh": "【迟报】政务失信记录 {number}（{unit}）超过报送时限 {late} 个工作日才报送"
        "（应于 {due} 前）。",
        "en": "Late report: dishonesty record {number} ({unit}) reached the lead office {late} "
        "working day(s) after its time limit (due {due}).",
    },
    "rectification_ordered": {
        "zh": "【整改】区发展改革委要求对政务失信记录 {number} 进行整改，"
        "请于 {due} 前提交书面说明和整改报告。",
        "en": "The lead office ordered rectification of dishonesty record {number}: submit the "
        "written explanation and the rectification report by {due}.",
    },
    "rectification_submitted": {
        "zh": "【整改材料】{unit}提交了政务失信记录 {number} 的书面说明和整改报告，请验收。",
        "en": "{unit} submitted the explanation and rectification report of dishonesty record "
        "{number}; please review them.",
    },
    "rectification_returned": {
        "zh": "【整改退回】政务失信记录 {number} 的整改材料被退回，请补充后于 {due} 前重新提交。",
        "en": "The rectification of dishonesty record {number} was sent back: complete it and "
        "submit it again by {due}.",
    },
    "rectification_accepted": {
        "zh": "【整改验收】政务失信记录 {number} 的整改已通过验收。",
        "en": "The rectification of dishonesty record {number} was accepted.",
    },
    "objection_filed": {
        "zh": "【异议】政务失信记录 {number}（{unit}）收到异议申请，请于 {due} 前作出决定。",
        "en": "An objection to dishonesty record {number} ({unit}) was filed: decide by {due}.",
    },
    "objection_decided": {
        "zh": "【异议结果】政务失信记录 {number} 的异议已有决定：{outcome}。",
        "en": "The objection to dishonesty record {number} was decided: {outcome}.",
    },
    "repair_applied": {
        "zh": "【信用修复】政务失信记录 {number}（{unit}）收到信用修复申请，"
        "请于 {due} 前决定是否受理。",
        "en": "A credit repair application for dishonesty record {number} ({unit}) was filed: "
        "decide whether to accept it by {due}.",
    },
    "repair_refused": {
        "zh": "【信用修复】政务失信记录 {number} 的信用修复申请不予受理。",
        "en": "The credit repair application for dishonesty record {number} was not accepted.",
    },
    "repair_decided": {
        "zh": "【信用修复】政务失信记录 {number} 的信用修复申请已有结果：{outcome}。",
        "en": "The credit repair application for dishonesty record {number} was decided: "
        "{outcome}.",
    },
}
OUTCOMES = {
    "upheld": {"zh": "异议成立", "en": "upheld"},
    "dismissed": {"zh": "异议不成立", "en": "dismissed"},
    "repaired": {"zh": "准予修复", "en": "granted"},
    "denied": {"zh": "不予修复", "en": "not granted"},
}


def notice_text(language: str, key: str, **params: object) -> str:
    """Return a hand-off notice in a language (Chinese when unknown); KeyError: no such key."""
    entry = NOTICES[key]
    return entry.get(language, entry["zh"]).format(**params)


def tell_reported(session: Session, case: Case, record: DishonestyRecord, env: RecordEnv) -> None:
    """Tell the lead office that a record reached it (报送): it has it to review."""
    _tell(session, case, record, env, "reported", LEAD, key=f"record-reported:{case.id}")


def tell_late_report(
    session: Session, case: Case, record: DishonestyRecord, env: RecordEnv, late: int, due: str
) -> None:
    """Tell the coordinators that a record reached the lead office late, and by how much."""
    names = unit_names(session=session, code=record.filed_by_department)
    outbox.write(
        session=session,
        key=f"late_report:{case.id}",
        kind="escalation",
        now=env.clocks.now(),
        case=case,
        recipients=outbox.coordinators(session=session),
        render=lambda lang: notice_text(
            lang,
            "late_report",
            number=case.number,
            unit=names[1] if lang == "en" else names[0],
            late=late,
            due=due,
        ),
    )


def tell_step(
    session: Session, case: Case, record: DishonestyRecord, env: RecordEnv, action: RecordAction
) -> None:
    """Tell the side a step handed the record to (HANDOFFS); other steps tell nobody here.

    Called after the step changed the record, under its new version, which keys the notice:
    a request replayed or sent twice tells once.
    """
    handoff = HANDOFFS.get(action)
    if handoff is None:
        return
    side, notice, clock = handoff
    deadline = _open_clock(session, case, clock)
    due = (
        (due_text(deadline.due_date, deadline.provisional, "en"),
         due_text(deadline.due_date, deadline.provisional, "zh"))
        if deadline is not None
        else ("", "")
    )  # fmt: skip
    outcome = record.repair_state if action is A.decide_repair else record.objection_state
    sides = [side]
    filer = record.filed_by_department
    if action in FILING_UNIT_TOLD and filer not in (record.department_code, env.lead_office):
        sides.append(FILING_UNIT)
    for told in sides:
        suffix = "" if told == side else f":{told}"
        _tell(
            session,
            case,
            record,
            env,
            notice,
            told,
            key=f"record-step:{case.id}:{record.version}:{action.value}{suffix}",
            due=due,
            outcome=OUTCOMES.get(outcome, {"zh": outcome, "en": outcome}),
        )


def _tell(
    session: Session,
    case: Case,
    record: DishonestyRecord,
    env: RecordEnv,
    notice: str,
    side: str,
    *,
    key: str,
    due: tuple[str, str] = ("", ""),
    outcome: dict[str, str] | None = None,
) -> None:
    if side == LEAD:
        recipients = outbox.unit_clerks(session=session, department=env.lead_office)
        recipients += _coordinators(session, env.lead_office)
        about = record.department_code  # the lead office reads which unit a record is about
    elif side == FILING_UNIT:
        about = record.department_code
        recipients = outbox.unit_clerks(session=session, department=record.filed_by_department)
    else:  # NAMED_UNIT
        about = record.department_code
        recipients = outbox.unit_clerks(session=session, department=about)
    names = unit_names(session=session, code=about)

    def render(lang: str) -> str:
        english = lang == "en"
        return notice_text(
            lang,
            notice,
            number=case.number,
            unit=names[1] if english else names[0],
            due=due[0] if english else due[1],
            outcome=(outcome or {}).get("en" if english else "zh", ""),
        )

    outbox.write(
        session=session, key=key, kind="update", now=env.clocks.now(), case=case,
        recipients=recipients, render=render,
    )  # fmt: skip


def _coordinators(session: Session, lead_office: str) -> list[outbox.Recipient]:
    """The lead office's coordinators: their bound chats and their console inboxes."""
    statement = select(StaffAccount.id).where(
        col(StaffAccount.active),
        StaffAccount.role == Role.coordinator.value,
        StaffAccount.department_code == lead_office,
    )
    ids = sorted(i for i in session.exec(statement).all() if i is not None)
    chats = [r for r in outbox.coordinators(session=session) if r.id in ids]
    return chats + [outbox.Recipient("staff", i, INBOX, f"staff:{i}", "zh") for i in ids]


def _open_clock(session: Session, case: Case, kind: ClockKind | None) -> Deadline | None:
    """The newest open clock of a kind, whose due day a notice names; None when none."""
    if kind is None:
        return None
    statement = (
        select(Deadline)
        .where(
            Deadline.case_id == case.id,
            Deadline.kind == kind.value,
            Deadline.state == ClockState.open.value,
        )
        .order_by(col(Deadline.id).desc())
    )
    return session.exec(statement).first()
