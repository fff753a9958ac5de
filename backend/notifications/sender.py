"""The sender: deliver the outbox through the Notifier port, retrying failures, never twice."""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine, or_
from sqlmodel import Session, col, select

from backend.cases.models import Case, CaseAssist, CaseStatus
from backend.db import session_scope
from backend.notifications.channels import EMAIL, INBOX
from backend.notifications.models import ChannelState, ContactChannel, DeliveryState, Notification
from backend.notifications.policy import resend_when_unsure
from backend.people.models import Role, StaffAccount, StaffChat
from backend.ports import DeliveryFailed, DeliveryUnconfirmed, Notifier, OutboundMessage
from backend.records.models import DishonestyRecord

log = logging.getLogger(__name__)
LEASE = timedelta(minutes=5)
MAX_ATTEMPTS = 8


@dataclass
class DeliveryReport:
    """What one delivery round did."""

    sent: int = 0
    retried: int = 0
    failed: int = 0
    withdrawn: int = 0  # staff notices no longer theirs, rating questions of closed cases
    unconfirmed: int = 0  # sent, but a part may not have arrived (not sent again)


def backoff(attempts: int) -> timedelta:
    """Return the wait before the next attempt: 30 s, 1, 2, 4 ... minutes, at most an hour."""
    return min(timedelta(seconds=30 * 2 ** max(attempts - 1, 0)), timedelta(hours=1))


def deliver(
    *,
    engine: Engine,
    notifier: Notifier,
    now: datetime,
    office_open: bool,
    batch: int = 50,
    channels: frozenset[str] | None = None,
    lease: timedelta = LEASE,
    idempotent_channels: frozenset[str] = frozenset(),
    lead_office: str | None = None,
) -> DeliveryReport:
    """Send what is due; staff messages wait for office hours.

    `channels` limits this sender to the channels its process can reach (None: all), so a
    process without Telegram leaves Telegram messages to one that has it. A staff notice is
    withdrawn instead of sent when its chat is no longer bound to an active account of the
    recipient, or the clerk's unit no longer sees its case (`lead_office`: the unit that sees
    every dishonesty record). Each part of a long text is recorded as
    it goes out, so a retry sends only the parts still missing; a part that may have arrived
    is sent again or not after its kind (`backend.notifications.policy`), except in an
    `idempotent_channels` channel, which stores a message once per key: there it is sent again.
    """
    report = DeliveryReport()
    for claimed, unsure in _claim(
        engine, now, office_open, batch, channels, report, lease, idempotent_channels, lead_office
    ):
        _deliver_one(engine, notifier, claimed, unsure, now, report)
    return report


def _deliver_one(
    engine: Engine,
    notifier: Notifier,
    row: Notification,
    unsure: bool,
    now: datetime,
    report: DeliveryReport,
) -> None:
    message = OutboundMessage(
        channel=row.channel or "",
        chat_id=row.chat_id or "",
        text=row.text,
        buttons=tuple(
            tuple((str(label), str(data)) for label, data in line) for line in (row.buttons or [])
        ),
        key=row.key,
        parts_sent=row.parts_sent,
        resend_when_unsure=resend_when_unsure(row.kind),
        case_id=row.case_id,
        kind=row.kind,
    )

    def progress(parts_sent: int) -> None:
        _mark(engine, row.id, parts_sent=parts_sent)

    try:
        notifier.send(message, progress)
    except DeliveryUnconfirmed as exc:
        unsure = True
        row.last_error = str(exc)
    except DeliveryFailed as exc:
        _failed(engine, row, now, exc.retry_after, exc.permanent, str(exc), report)
        return
    except Exception as exc:  # noqa: BLE001 - any notifier error is retried
        log.exception("sender: notification %s failed", row.id)
        _failed(engine, row, now, None, False, repr(exc), report)
        return
    if unsure:
        log.warning(
            "sender: notification %s (%s) may not have arrived; not sent again: %s",
            row.id,
            row.kind,
            row.last_error,
        )
        state, report.unconfirmed = DeliveryState.unconfirmed.value, report.unconfirmed + 1
    else:
        state, report.sent = DeliveryState.sent.value, report.sent + 1
    _mark(engine, row.id, state=state, sent_at=now, lease_until=None, last_error=row.last_error)


def _claim(
    engine: Engine,
    now: datetime,
    office_open: bool,
    batch: int,
    channels: frozenset[str] | None,
    report: DeliveryReport,
    lease: timedelta,
    idempotent_channels: frozenset[str],
    lead_office: str | None = None,
) -> list[tuple[Notification, bool]]:
    """Take due rows for this sender alone: they become `sending` under a lease, committed.

    A row still `sending` after its lease ran out was being sent by a sender that died: the
    part it was sending may have arrived. A kind that is not sent twice counts that part as
    delivered (the row is returned as unsure); the others send it again.
    """
    with session_scope(engine) as session:
        due = or_(
            col(Notification.state) == DeliveryState.pending.value,
            (col(Notification.state) == DeliveryState.sending.value)
            & (col(Notification.lease_until) < now),
        )
        statement = select(Notification).where(due, col(Notification.next_attempt_at) <= now)
        if not office_open:
            statement = statement.where(col(Notification.office_hours_only).is_(False))
        if channels is not None:
            statement = statement.where(col(Notification.channel).in_(sorted(channels)))
        statement = statement.order_by(col(Notification.id)).limit(batch)
        if session.get_bind().dialect.name == "postgresql":
            statement = statement.with_for_update(skip_locked=True)
        rows = list(session.exec(statement).all())
        entitled = still_entitled(session, rows, lead_office)
        claimed: list[tuple[Notification, bool]] = []
        for row in rows:
            if row.id not in entitled:
                row.state, row.lease_until = DeliveryState.withdrawn.value, None
                report.withdrawn += 1
                session.add(row)
                continue
            unsure = False
            resend = resend_when_unsure(row.kind) or row.channel in idempotent_channels
            if row.state == DeliveryState.sending.value and not resend:
                unsure = True
                row.parts_sent += 1
                row.last_error = f"the sender stopped while sending part {row.parts_sent}"
            row.state, row.lease_until = DeliveryState.sending.value, now + lease
            row.attempts += 1
            session.add(row)
            claimed.append((row, unsure))
        return claimed


def still_entitled(
    session: Session, rows: list[Notification], lead_office: str | None = None
) -> set[int | None]:
    """Return the ids of the rows whose recipient may still read them.

    A reporter's row always, except a rating question (回访) whose case no longer waits for
    a rating (closed or reopened before it went out); a staff row while its chat is bound to
    that account (its email and inbox: while the account is active), the account is active,
    and (for a clerk) the clerk's unit still sees the row's case; a unit robot's row while the
    robot is verified and its unit still sees the case. A unit sees a complaint it holds or
    assists on (协办), and a dishonesty record it filed or is named in; the lead office
    (`lead_office`) sees every record (backend.cases.queries.get_case, the same rule).
    """
    lapsed = _lapsed_rating_questions(session, rows)
    rows = [r for r in rows if r.id not in lapsed]
    staff_ids = {r.recipient_id for r in rows if r.recipient_kind == "staff"}
    bound: dict[tuple[str, str], StaffAccount] = {}
    if staff_ids:
        statement = (
            select(StaffChat, StaffAccount)
            .join(StaffAccount, col(StaffAccount.id) == StaffChat.staff_id)
            .where(col(StaffChat.staff_id).in_(staff_ids), col(StaffAccount.active))
        )
        bound = {(c.channel, c.chat_id): a for c, a in session.exec(statement).all()}
    direct = {r.recipient_id for r in rows if r.channel in (EMAIL, INBOX)} & staff_ids
    accounts: dict[int | None, StaffAccount] = {}
    if direct:
        accounts = {
            a.id: a
            for a in session.exec(
                select(StaffAccount).where(
                    col(StaffAccount.id).in_(direct), col(StaffAccount.active)
                )
            ).all()
        }
    robot_ids = {r.recipient_id for r in rows if r.recipient_kind == "unit"}
    robots: dict[int | None, ContactChannel] = {}
    if robot_ids:
        robots = {
            c.id: c
            for c in session.exec(
                select(ContactChannel).where(col(ContactChannel.id).in_(robot_ids))
            ).all()
        }
    case_ids = {r.case_id for r in rows if r.recipient_kind in ("staff", "unit") and r.case_id}
    seen_by = _units_seeing(session, case_ids, lead_office)
    entitled: set[int | None] = set()
    for row in rows:
        account = bound.get((row.channel or "", row.chat_id or ""))
        if row.channel in (EMAIL, INBOX) and row.recipient_kind == "staff":
            account = accounts.get(row.recipient_id)
        if row.recipient_kind == "unit":
            robot = robots.get(row.recipient_id)
            if (
                robot is not None
                and robot.state != ChannelState.unverified
                and (row.case_id is None or robot.department_code in seen_by[row.case_id])
            ):
                entitled.add(row.id)
        elif row.recipient_kind != "staff":
            entitled.add(row.id)
        elif account is not None and account.id == row.recipient_id:
            sees_case = (
                account.role != Role.clerk.value
                or row.case_id is None
                or account.department_code in seen_by[row.case_id]
            )
            if sees_case:
                entitled.add(row.id)
    return entitled


def _units_seeing(
    session: Session, case_ids: set[int], lead_office: str | None
) -> defaultdict[int | None, set[str | None]]:
    """Return the units that see each case: its unit and its assisting units (协办); for a
    dishonesty record also the unit named and the lead office. Three queries at most."""
    seen: defaultdict[int | None, set[str | None]] = defaultdict(set)
    if not case_ids:
        return seen
    ids = sorted(case_ids)
    for case_id, unit in session.exec(
        select(Case.id, Case.department_code).where(col(Case.id).in_(ids))
    ).all():
        seen[case_id].add(unit)
    for case_id, unit in session.exec(
        select(CaseAssist.case_id, CaseAssist.department_code).where(
            col(CaseAssist.case_id).in_(ids)
        )
    ).all():
        seen[case_id].add(unit)
    records = select(
        DishonestyRecord.case_id,
        DishonestyRecord.department_code,
        DishonestyRecord.filed_by_department,
    ).where(col(DishonestyRecord.case_id).in_(ids))
    for case_id, named, filer in session.exec(records).all():
        seen[case_id] |= {named, filer, lead_office} - {None}
    return seen


def _lapsed_rating_questions(session: Session, rows: list[Notification]) -> set[int | None]:
    """Return the ids of the rating questions whose case no longer waits for a rating."""
    case_ids = {r.case_id for r in rows if r.kind == "follow_up" and r.case_id}
    if not case_ids:
        return set()
    waiting = set(
        session.exec(
            select(Case.id).where(
                col(Case.id).in_(case_ids),
                col(Case.status) == CaseStatus.resolved.value,
                col(Case.rating).is_(None),
            )
        ).all()
    )
    return {r.id for r in rows if r.kind == "follow_up" and r.case_id not in waiting}


def _failed(
    engine: Engine,
    row: Notification,
    now: datetime,
    retry_after: float | None,
    permanent: bool,
    error: str,
    report: DeliveryReport,
) -> None:
    if permanent or row.attempts >= MAX_ATTEMPTS:
        _mark(engine, row.id, state=DeliveryState.failed.value, last_error=error[:500])
        report.failed += 1
        return
    wait = timedelta(seconds=retry_after) if retry_after else backoff(row.attempts)
    _mark(
        engine,
        row.id,
        state=DeliveryState.pending.value,
        next_attempt_at=now + wait,
        last_error=error[:500],
        lease_until=None,
    )
    report.retried += 1


def _mark(engine: Engine, notification_id: int | None, **values: object) -> None:
    with session_scope(engine) as session:
        row = session.get(Notification, notification_id)
        if row is not None:
            for name, value in values.items():
                setattr(row, name, value)
            session.add(row)
