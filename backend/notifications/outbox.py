"""Write notifications to the outbox: once per key, to every chat of the audience."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import (
    BindParameter,
    Executable,
    and_,
    bindparam,
    literal_column,
    null,
    or_,
    union_all,
)
from sqlalchemy import (
    select as core_select,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col, select

from backend.bulk import table_of
from backend.cases.chain import merged_into_tree
from backend.cases.models import Case, CaseFollower
from backend.driver import fetch_all
from backend.notifications.channels import EMAIL, INBOX, ROBOT, staff_channels
from backend.notifications.models import (
    ROBOT_KINDS,
    ChannelKind,
    ChannelState,
    ContactChannel,
    DeliveryState,
    InboxItem,
    Notification,
)
from backend.people.models import Reporter, Role, StaffAccount, StaffChat


@dataclass(frozen=True)
class Recipient:
    """One chat to write to."""

    kind: str  # staff | reporter
    id: int | None
    channel: str
    chat_id: str
    language: str


_UNIT: BindParameter[str] = bindparam("unit")
_ACCOUNTS, _CHATS = table_of(StaffAccount), table_of(StaffChat)
_CHANNELS = table_of(ContactChannel)
_CLERK = and_(
    _ACCOUNTS.c.active,
    _ACCOUNTS.c.department_code == _UNIT,
    _ACCOUNTS.c.role == Role.clerk.value,
)
# Built once (every filing tells its unit), one statement read as plain rows: the active
# clerks with their bound chats (a clerk with none: one row without a chat), then their
# active email addresses and the unit's active robots.
_CLERKS_AND_CHANNELS = union_all(
    core_select(
        literal_column("'chat'").label("source"),
        _ACCOUNTS.c.id.label("staff_id"),
        _CHATS.c.id.label("id"),
        _CHATS.c.channel.label("kind"),
        _CHATS.c.chat_id.label("chat_id"),
        _CHATS.c.language.label("language"),
    )
    .select_from(_ACCOUNTS.outerjoin(_CHATS, _CHATS.c.staff_id == _ACCOUNTS.c.id))
    .where(_CLERK),
    core_select(
        literal_column("'channel'"),
        _CHANNELS.c.staff_id,
        _CHANNELS.c.id,
        _CHANNELS.c.kind,
        null(),
        _CHANNELS.c.language,
    )
    .select_from(_CHANNELS.outerjoin(_ACCOUNTS, _ACCOUNTS.c.id == _CHANNELS.c.staff_id))
    .where(
        _CHANNELS.c.state == ChannelState.active.value,
        or_(
            and_(_CHANNELS.c.kind == ChannelKind.email.value, _CLERK),
            and_(
                _CHANNELS.c.department_code == _UNIT,
                # Each kind written out, not IN (...): SQLAlchemy renders an IN list per call,
                # so the driver could not take the statement as it is (backend.driver).
                or_(*(_CHANNELS.c.kind == kind for kind in sorted(ROBOT_KINDS))),
            ),
        ),
    ),
)


def unit_clerks(*, session: Session, department: str | None) -> list[Recipient]:
    """Return where the active clerks of a unit are told: their channels, the unit's robots.

    In order: the clerks' chats, their verified email addresses, their inboxes, the unit's
    robots that are not failing (as `staff_channels` and `unit_robots` give them), read by
    one statement (after a flush of what the session holds, as the ORM's reads do).
    """
    if department is None:
        return []
    session.flush()  # nothing to do unless the session holds changes
    rows = fetch_all(session.connection(), _CLERKS_AND_CHANNELS, {"unit": department})
    clerks = [row for row in rows if row.source == "chat"]
    chats = sorted((row for row in clerks if row.id is not None), key=lambda row: row.id)
    found = [Recipient("staff", c.staff_id, c.kind, c.chat_id, c.language) for c in chats]
    channels = sorted((row for row in rows if row.source != "chat"), key=lambda row: row.id)
    found += [
        Recipient("staff", c.staff_id, EMAIL, f"staff:{c.staff_id}", c.language)
        for c in channels
        if c.kind == ChannelKind.email
    ]
    found += [
        Recipient("staff", s, INBOX, f"staff:{s}", "zh")
        for s in sorted({row.staff_id for row in clerks})
    ]
    return found + [
        Recipient("unit", c.id, ROBOT, f"robot:{c.id}", c.language)
        for c in channels
        if c.kind != ChannelKind.email
    ]


def coordinators(*, session: Session) -> list[Recipient]:
    """Return the bound chats of the active coordinators."""
    return _staff_chats(session, StaffAccount.role == Role.coordinator.value)


def reporter_of(*, session: Session, case: Case) -> list[Recipient]:
    """Return the reporter's chat, if the reporter filed through a chat, and confirmed email
    address."""
    if case.reporter_id is None:
        return []
    reporter = session.get(Reporter, case.reporter_id)
    if reporter is None:
        return []
    found = []
    if reporter.chat_id is not None:
        found.append(
            Recipient(
                "reporter", reporter.id, reporter.channel, reporter.chat_id, reporter.language
            )
        )
    # Open311 or a chat's /email: the same updates by email (README), once the address's
    # owner confirmed it (backend.notifications.email_confirmation)
    if reporter.email and reporter.email_confirmed_at is not None:
        found.append(Recipient("reporter", reporter.id, EMAIL, f"reporter:{reporter.id}", "zh"))
    return found


def followers_of(*, session: Session, case: Case) -> list[Recipient]:
    """Return the chats that follow a case (see the dialog's "follow this case")."""
    return _followers(session, [case.id])


def watchers_of(*, session: Session, case: Case) -> list[Recipient]:
    """Return the chats that watch a case without owning it, each once, never the reporter's.

    Watchers are the followers of the case, and the reporters and followers of every repeat
    merged into it, directly or along a chain (A into B, then B into C: A's reporter watches
    C); they may hear how the case goes, never what was written to its reporter.
    """
    assert case.id is not None
    tree = merged_into_tree(case.id)
    repeats = session.exec(
        select(Case).where(col(Case.id).in_(select(tree.c.id))).order_by(col(Case.id))
    ).all()
    candidates = [r for c in repeats for r in reporter_of(session=session, case=c)]
    candidates += _followers(session, [case.id, *(c.id for c in repeats)])
    seen = {(r.channel, r.chat_id) for r in reporter_of(session=session, case=case)}
    watchers = []
    for recipient in candidates:
        if (recipient.channel, recipient.chat_id) not in seen:
            seen.add((recipient.channel, recipient.chat_id))
            watchers.append(recipient)
    return watchers


def _followers(session: Session, case_ids: list[int | None]) -> list[Recipient]:
    rows = session.exec(
        select(CaseFollower)
        .where(col(CaseFollower.case_id).in_(case_ids))
        .order_by(col(CaseFollower.id))
    ).all()
    return [Recipient("reporter", None, f.channel, f.chat_id, f.language) for f in rows]


def _staff_chats(session: Session, *conditions: Any) -> list[Recipient]:
    statement = (
        select(StaffChat, StaffAccount)
        .join(StaffAccount, col(StaffAccount.id) == StaffChat.staff_id)
        .where(col(StaffAccount.active), *conditions)
        .order_by(col(StaffChat.id))
    )
    found = [
        Recipient("staff", account.id, chat.channel, chat.chat_id, chat.language)
        for chat, account in session.exec(statement).all()
    ]
    return found + staff_channels(session, *conditions)


def write(
    *,
    session: Session,
    key: str,
    kind: str,
    recipients: list[Recipient],
    render: Any,
    now: datetime,
    case: Case | None = None,
    deadline_id: int | None = None,
    stage: str | None = None,
    buttons: Any = None,
    office_hours_only: bool = True,
    record_nobody: bool = True,
) -> int:
    """Write one notification per recipient under `key`; a key already written is skipped.

    `render(language)` gives the text, `buttons(language)` the buttons. A staff member's
    inbox gets an `InboxItem` (listed in the console, not sent). With no recipient outside
    the console, one row in state no_recipient records that nobody could be told.
    """
    rows: list[dict[str, Any]] = []
    common: dict[str, Any] = {
        "kind": kind,
        "case_id": case.id if case else None,
        "deadline_id": deadline_id,
        "stage": stage,
        "office_hours_only": office_hours_only,
        "attempts": 0,
        "next_attempt_at": now,
        "created_at": now,
    }
    inbox: list[dict[str, Any]] = []
    for r in recipients:
        (inbox if r.channel == INBOX else rows).append(
            {
                **common,
                "key": f"{key}:{r.channel}:{r.chat_id}",
                "recipient_kind": r.kind,
                "recipient_id": r.id,
                "channel": r.channel,
                "chat_id": r.chat_id,
                "text": render(r.language),
                "buttons": buttons(r.language) if buttons else None,
                "state": DeliveryState.pending.value,
            }
        )
    if not rows and record_nobody:  # nobody reached outside the console: recorded
        rows.append(
            {
                **common,
                "key": key,
                "recipient_kind": "nobody",
                "text": render("zh"),
                "state": DeliveryState.no_recipient.value,
            }
        )
    dialect = session.get_bind().dialect.name
    # One statement with the rows as parameters: built once, compiled once, cached.
    statement = _keep_once(dialect, Notification)
    if inbox:  # listed in the console from now on: nothing to send
        items = [
            {
                "key": row["key"],
                "staff_id": row["recipient_id"],
                "kind": kind,
                "case_id": common["case_id"],
                "text": row["text"],
                "created_at": now,
            }
            for row in inbox
        ]
        session.connection().execute(_keep_once(dialect, InboxItem), items)
    if not rows:
        return 0
    count = session.connection().execute(statement, rows).rowcount
    return count if count >= 0 else len(rows)


@cache
def _keep_once(dialect: str, model: type[Notification] | type[InboxItem]) -> Executable:
    """Return the INSERT of `model` rows that skips a key already written, for a dialect."""
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    return insert(model).on_conflict_do_nothing(index_elements=["key"])


class RecipientBook:
    """Recipients looked up once per round (a sweep asks for the same units again and again)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._units: dict[str | None, list[Recipient]] = {}
        self._coordinators: list[Recipient] | None = None

    def unit_clerks(self, department: str | None) -> list[Recipient]:
        """Return the bound chats of a unit's clerks."""
        if department not in self._units:
            self._units[department] = unit_clerks(session=self.session, department=department)
        return self._units[department]

    def coordinators(self) -> list[Recipient]:
        """Return the bound chats of the coordinators."""
        if self._coordinators is None:
            self._coordinators = coordinators(session=self.session)
        return self._coordinators
