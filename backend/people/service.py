"""Staff accounts: create them with a one-time shown token, authenticate by token."""

from __future__ import annotations

import hashlib
import re
import secrets

from sqlalchemy import bindparam
from sqlmodel import Session, select

from backend.actors import Actor
from backend.bulk import table_of
from backend.cases.text import visible_length
from backend.clock import Clock
from backend.driver import fetch_all
from backend.errors import NotFound, ValidationFailed
from backend.people.models import Role, StaffAccount, StaffChat
from backend.people.sessions import end_all_sessions
from backend.storable import is_storable
from backend.taxonomy.tables import Department
from dialogs.parsing import without_direction_controls

TOKEN_PREFIX = "itk_"
_LOGIN = re.compile(r"[a-z0-9][a-z0-9._-]{1,63}")
MAX_NAME_LENGTH = 100  # StaffAccount.name
# Built once: every API request runs it, and a statement built anew is built and keyed anew.
_BY_TOKEN = select(StaffAccount).where(StaffAccount.token_hash == bindparam("token_hash"))
_ACCOUNTS = table_of(StaffAccount)
# The token check of an API request: the columns an Actor needs, read as a plain row (the
# ORM's loading of a StaffAccount costs about three times the statement; issue 13, item 3).
_ACTOR_BY_TOKEN = select(
    _ACCOUNTS.c.id, _ACCOUNTS.c.name, _ACCOUNTS.c.role, _ACCOUNTS.c.department_code
).where(_ACCOUNTS.c.token_hash == bindparam("token_hash"), _ACCOUNTS.c.active)


def hash_token(token: str) -> str:
    """Return the stored hash of an API token (tokens are long and random, so SHA-256 fits)."""
    return hashlib.sha256(token.encode()).hexdigest()


def normalise_login(raw: str) -> str:
    """Return a login as stored (trimmed, lower case), or refuse one that breaks the pattern."""
    login = (raw or "").strip().lower()
    if not _LOGIN.fullmatch(login):
        raise ValidationFailed("login_invalid", field="login")
    return login


def create_staff(
    *,
    session: Session,
    name: str,
    role: str,
    department: str | None,
    clock: Clock,
    login: str | None = None,
    lead_office: str | None = None,
) -> tuple[StaffAccount, str]:
    """Create a staff account and return it with its token, which is shown only this once.

    With a login the person can sign in to the console once a password is set
    (`intake users set-password` or a one-time link). A clerk belongs to one unit (联络员 of
    that unit); a coordinator without a unit belongs to the lead office (`lead_office`).
    Refuses (ValidationFailed) a bad or taken login, an empty or long name, an unknown role,
    a name the database cannot store (NUL), a clerk without a unit, an unknown unit, an
    evaluator or a coordinator of a unit other than the lead office.
    """
    login = normalise_login(login) if login is not None else None
    if login is not None and find_by_login(session=session, login=login) is not None:
        raise ValidationFailed("login_taken", field="login", value=login)
    name = without_direction_controls(name)  # a U+202E turned the header around
    if not visible_length(name):  # blank, or only marks a reader cannot see (zero-width)
        raise ValidationFailed("name_required", field="name")
    if len(name) > MAX_NAME_LENGTH:
        raise ValidationFailed("name_too_long", field="name", max=MAX_NAME_LENGTH)
    if not is_storable(name):  # PostgreSQL cannot keep a NUL: refused on every database
        raise ValidationFailed("unstorable_form_text", field="name")
    try:
        parsed_role = Role(role)
    except ValueError:
        raise ValidationFailed("role_unknown", field="role", value=repr(role)) from None
    department = (department or "").strip()
    if parsed_role is Role.evaluator and lead_office and department not in ("", lead_office):
        raise ValidationFailed("evaluator_lead_office", field="department", unit=lead_office)
    if parsed_role is Role.coordinator and lead_office and department not in ("", lead_office):
        # Coordinators are the lead office's (DOMAIN: triage, returns, publicity, records).
        raise ValidationFailed("coordinator_lead_office", field="department", unit=lead_office)
    if not department:
        if parsed_role is Role.clerk or not lead_office:
            raise ValidationFailed("clerk_needs_unit", field="department")
        department = lead_office
    unit = session.get(Department, department)
    if unit is None or not unit.active:
        raise ValidationFailed("unknown_department", field="department", value=department)
    token, token_hash = new_api_token()
    account = StaffAccount(
        name=name,
        role=parsed_role.value,
        department_code=department,
        token_hash=token_hash,
        created_at=clock.now(),
        login=login,
    )
    session.add(account)
    session.flush()
    return account, token


def authenticate(*, session: Session, token: str) -> StaffAccount | None:
    """Return the active account that owns this token, or None."""
    if not token:
        return None
    account = session.exec(_BY_TOKEN, params={"token_hash": hash_token(token)}).first()
    return account if account is not None and account.active else None


def authenticate_actor(*, session: Session, token: str) -> Actor | None:
    """Return the actor of the active account that owns this token, or None.

    The same check as `authenticate`, in the session's transaction, without loading the
    account: one plain row (id, name, role, unit) read through the session's connection.
    """
    if not token:
        return None
    rows = fetch_all(session.connection(), _ACTOR_BY_TOKEN, {"token_hash": hash_token(token)})
    if not rows:
        return None
    row = rows[0]
    return Actor("staff", row.id, row.name, Role(row.role), row.department_code)


def find_by_login(*, session: Session, login: str) -> StaffAccount | None:
    """Return the account with this login (typed in any case), active or not, or None."""
    wanted = (login or "").strip().lower()
    if not wanted:
        return None
    return session.exec(select(StaffAccount).where(StaffAccount.login == wanted)).first()


def set_password(*, session: Session, staff: StaffAccount, password_hash: str) -> None:
    """Store a new password hash and end the account's sessions; a sign-in pause is lifted.

    The hash comes from `passwords.hash_password`, made before the transaction began (it is
    slow on purpose and must not hold the database's write lock).
    """
    staff.password_hash = password_hash
    staff.failed_sign_ins, staff.sign_in_paused_until = 0, None
    session.add(staff)
    end_all_sessions(session=session, staff_id=staff.id or 0)
    session.flush()


def bind_chat(
    *,
    session: Session,
    staff: StaffAccount,
    channel: str,
    chat_id: str,
    language: str,
    clock: Clock,
) -> StaffChat:
    """Link a chat to a staff account (a chat belongs to one account; rebinding moves it)."""
    statement = select(StaffChat).where(StaffChat.channel == channel, StaffChat.chat_id == chat_id)
    chat = session.exec(statement).first()
    if chat is None:
        chat = StaffChat(
            staff_id=staff.id or 0,
            channel=channel,
            chat_id=chat_id,
            language=language,
            bound_at=clock.now(),
        )
    else:
        chat.staff_id, chat.language, chat.bound_at = staff.id or 0, language, clock.now()
    session.add(chat)
    session.flush()
    return chat


def new_api_token() -> tuple[str, str]:
    """Return a new API token and its stored hash."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    return token, hash_token(token)


def active_staff(*, session: Session, staff_id: int) -> StaffAccount:
    """Return the active account with this id; NotFound, or ValidationFailed when inactive."""
    staff = session.get(StaffAccount, staff_id)
    if staff is None:
        raise NotFound(str(staff_id))
    if not staff.active:
        raise ValidationFailed("staff_inactive", field="id", value=staff.login or f"#{staff_id}")
    return staff


def rotate_token(*, session: Session, staff: StaffAccount) -> str:
    """Give an active account a new API token and return it (shown once); the old one stops.

    Only the hash is stored, so the token cannot be shown again; a lost one is rotated.
    """
    if not staff.active:
        raise ValidationFailed("staff_inactive", field="id", value=staff.login or f"#{staff.id}")
    token, staff.token_hash = new_api_token()
    session.add(staff)
    session.flush()
    return token
