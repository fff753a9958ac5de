"""Set up the channels beside the chats: a staff account's email, a unit's robots.

A channel is used only once verified by a test message: an email address when its link is
opened (`/console/channels/verify/<token>`), a robot when it took the test message. A
failing channel comes back the same way (its test message goes through).
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime
from urllib.parse import urlsplit

import httpx
from sqlalchemy import Engine
from sqlmodel import Session, col, select

from backend.clock import Clock
from backend.db import session_scope
from backend.errors import DomainError
from backend.notifications.channels import staff_email
from backend.notifications.email import Letter, compose, smtp_send
from backend.notifications.models import ROBOT_KINDS, ChannelKind, ChannelState, ContactChannel
from backend.notifications.robots import answer_error, request_of
from backend.people.models import StaffAccount
from backend.ports import DeliveryFailed
from backend.settings import EMAIL_PATTERN, Settings
from backend.taxonomy.tables import Department

REFUSALS = {
    "bad_email": ("邮箱地址无效：{value}", "Not an email address: {value}"),
    "bad_kind": (
        "机器人类型须为 wecom、dingtalk、feishu 或 json：{value}",
        "The robot kind must be wecom, dingtalk, feishu or json: {value}",
    ),
    "bad_url": (
        "机器人地址须以 https:// 或 http:// 开头：{value}",
        "A robot's address must start with https:// or http://: {value}",
    ),
    "unknown_unit": ("没有该单位：{value}", "No such unit: {value}"),
    "unknown_channel": ("没有该渠道：{value}", "No such channel: {value}"),
    "unknown_staff": ("没有该账号，或账号已停用：#{value}", "No such active account: #{value}"),
    "bad_token": ("验证链接无效或已使用", "The verification link is not valid or was used"),
    "no_email": ("该账号没有邮箱地址", "The account has no email address"),
}


class ChannelRefused(DomainError):
    """A channel setting that is refused; the code names a zh/en message."""

    def __init__(self, code: str, value: object = "") -> None:
        super().__init__(code)
        self.code, self.value = code, value

    def message(self, language: str = "en") -> str:
        """Return the refusal for the user, in their language."""
        zh, en = REFUSALS[self.code]
        return (zh if language == "zh" else en).format(value=self.value)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def set_staff_email(
    *, session: Session, staff: StaffAccount, address: str, now: datetime
) -> tuple[ContactChannel, str]:
    """Give a staff account an email address (replacing its own), unverified; return the token."""
    address = address.strip()
    if len(address) > 254 or not EMAIL_PATTERN.fullmatch(address):
        raise ChannelRefused("bad_email", address[:80])
    assert staff.id is not None
    channel = staff_email(session, staff.id) or ContactChannel(
        staff_id=staff.id, kind=ChannelKind.email.value, address=address, created_at=now
    )
    token = secrets.token_urlsafe(24)
    channel.address, channel.state = address, ChannelState.unverified.value
    channel.verify_token_hash, channel.verified_at = _hash(token), None
    channel.failures, channel.last_error, channel.failing_since = 0, None, None
    session.add(channel)
    session.flush()
    return channel, token


def verification_link(settings: Settings, token: str) -> str:
    """Return the link of an email address's test message."""
    return f"{settings.public_url.rstrip('/')}/console/channels/verify/{token}"


def send_verification(*, settings: Settings, address: str, token: str) -> None:
    """Send the test message of an address: its link verifies it (raises DeliveryFailed)."""
    letter = Letter(
        to=address,
        subject="政务诚信投诉受理：请确认邮箱 / Integrity Intake: confirm your address",
        text="这是一封测试邮件。打开下面的链接后，提醒和督办将发送到此邮箱。\n"
        "This is a test message. Once you open the link below, reminders are sent here.",
        link=verification_link(settings, token),
    )
    try:
        smtp_send(settings, compose(letter, sender=settings.smtp_from or ""))
    except OSError as exc:  # smtplib's errors are OSErrors
        raise DeliveryFailed(f"email: {exc}") from exc


def confirm_email(*, session: Session, token: str, now: datetime) -> ContactChannel:
    """Verify the address whose test message had this token (the link works once)."""
    channel = session.exec(
        select(ContactChannel).where(
            col(ContactChannel.verify_token_hash) == _hash(token[:200]),
            col(ContactChannel.kind) == ChannelKind.email.value,
        )
    ).first()
    if channel is None:
        raise ChannelRefused("bad_token")
    channel.state, channel.verified_at = ChannelState.active.value, now
    channel.verify_token_hash = None
    session.add(channel)
    return channel


def add_robot(
    *,
    session: Session,
    department: str,
    kind: str,
    url: str,
    secret: str | None,
    now: datetime,
    language: str = "zh",
) -> ContactChannel:
    """Add a robot to a unit, unverified until it takes its test message (`test_robot`)."""
    if kind not in ROBOT_KINDS:
        raise ChannelRefused("bad_kind", kind[:40])
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or len(url) > 1000:
        raise ChannelRefused("bad_url", url[:80])
    if session.get(Department, department) is None:
        raise ChannelRefused("unknown_unit", department[:40])
    channel = ContactChannel(
        department_code=department,
        kind=kind,
        address=url,
        secret=(secret or "").strip()[:200] or None,
        language="en" if language == "en" else "zh",
        created_at=now,
    )
    session.add(channel)
    session.flush()
    return channel


def try_robot(*, engine: Engine, channel_id: int, settings: Settings, clock: Clock) -> str | None:
    """Send a robot its test message; return what went wrong, or None (the robot is in use)."""
    with session_scope(engine) as session:
        robot = session.get(ContactChannel, channel_id)
        if robot is None or robot.department_code is None:
            raise ChannelRefused("unknown_channel", channel_id)
        text = (
            f"【测试】{robot.department_code} 的提醒和督办将发送到此群。\n"
            f"Test: reminders and escalations of {robot.department_code} will come here."
        )
        url, body = request_of(robot, text, {"kind": "test"}, clock.now().timestamp())
    try:
        response = httpx.post(url, json=body, timeout=settings.robot_timeout_seconds)
        error, _ = answer_error(response)
    except httpx.HTTPError as exc:
        error = f"{type(exc).__name__}: {exc}"
    with session_scope(engine) as session:
        robot = session.get(ContactChannel, channel_id)
        assert robot is not None
        robot.last_error = error[:500] if error else None
        if error is None:
            robot.state, robot.verified_at = ChannelState.active.value, clock.now()
            robot.failures, robot.failing_since = 0, None
        session.add(robot)
    return error


def remove_channel(*, session: Session, channel_id: int) -> None:
    """Remove an email address or a robot (notices not sent yet are withdrawn)."""
    channel = session.get(ContactChannel, channel_id)
    if channel is None:
        raise ChannelRefused("unknown_channel", channel_id)
    session.delete(channel)


def channels_of(
    *, session: Session, department: str | None = None, staff_id: int | None = None
) -> list[ContactChannel]:
    """Return the channels of a unit or a staff account (none given: every channel)."""
    statement = select(ContactChannel).order_by(col(ContactChannel.id))
    if department is not None:
        statement = statement.where(col(ContactChannel.department_code) == department)
    if staff_id is not None:
        statement = statement.where(col(ContactChannel.staff_id) == staff_id)
    return list(session.exec(statement).all())
