"""The morning digest for each clerk, and the alarm when next year's calendar is unknown."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import partial

from sqlmodel import Session, col, func, select

from backend.cases.models import Case, CaseAssist
from backend.deadlines.models import ClockState, Deadline
from backend.deadlines.service import ClockEnv
from backend.notifications import outbox
from backend.notifications.models import ContactChannel
from backend.notifications.texts import due_text, text
from backend.people.models import Role, StaffAccount
from backend.periods import local_day
from backend.request_types.catalogue import RequestTypes
from backend.taxonomy.models import Taxonomy

DIGEST_LINES = 20
ALARM_TIME = time(9, 0)  # the calendar alarm's hour (Tianjin), any day of the alarm months


def digest_due(*, env: ClockEnv, now: datetime) -> bool:
    """Tell whether today's digest is still worth writing: a working day, from the digest
    time until office hours end (a scheduler started late still sends it, once)."""
    local = now.astimezone(env.zone)
    policy = env.policy
    in_window = policy.digest_time <= local.time() < policy.office_hours.end
    return in_window and env.calendar.is_working_day(local.date())


def calendar_alarm_due(*, env: ClockEnv, now: datetime, months: tuple[int, ...]) -> bool:
    """Tell whether today's calendar alarm is due: from 09:00 in an alarm month while next
    year's holidays are unknown."""
    local = now.astimezone(env.zone)
    unknown = local.year + 1 not in env.calendar.known_years
    return local.month in months and unknown and local.time() >= ALARM_TIME


def morning_digest(
    *, session: Session, env: ClockEnv, now: datetime, names: DigestNames | None = None
) -> int:
    """Write today's digest for every unit with open clocks (working days), to every channel
    its clerks and the unit have (`outbox.unit_clerks`: chats, email, inbox, robots).

    The unit is named by its name; each line names the case's request type (诉求类型) and
    assisting units (协办单位), by `names` (the configured names; without them, the codes).
    """
    today = local_day(now, env.zone)
    if not env.calendar.is_working_day(today):
        return 0
    written = 0
    names = names or DigestNames()
    clerks = select(StaffAccount.department_code).where(
        col(StaffAccount.active), StaffAccount.role == Role.clerk.value
    )
    robots = select(ContactChannel.department_code)  # a unit's robots: reached with no clerk
    units = {*session.exec(clerks.distinct()).all(), *session.exec(robots.distinct()).all()}
    for unit in sorted(u for u in units if u):
        rows = list(
            session.exec(
                select(Deadline, Case)
                .join(Case, col(Case.id) == Deadline.case_id)
                .where(Deadline.department_code == unit, Deadline.state == ClockState.open.value)
                .order_by(col(Deadline.due_date))
                .limit(DIGEST_LINES)
            ).all()
        )
        if not rows:
            continue
        count = session.exec(
            select(func.count())
            .select_from(Deadline)
            .where(Deadline.department_code == unit, Deadline.state == ClockState.open.value)
        ).one()
        details = _details(session, [c for _, c in rows], names)
        written += outbox.write(
            session=session,
            key=f"digest:{today}:{unit}",
            kind="digest",
            now=now,
            recipients=outbox.unit_clerks(session=session, department=unit),
            render=partial(
                _digest_text,
                rows=rows,
                unit=partial(names.unit, unit),
                count=count,
                today=today,
                details=details,
            ),
        )
    return written


@dataclass(frozen=True)
class DigestNames:
    """The configured names of request types and units (the codes when left out)."""

    request_types: RequestTypes | None = None
    taxonomy: Taxonomy | None = None

    def request_type(self, value: str, lang: str) -> str:
        """Return a request type's name in a language."""
        return self.request_types.name(value, lang) if self.request_types else value

    def unit(self, code: str, lang: str) -> str:
        """Return a unit's or a street office's name in a language (the code when unknown)."""
        if self.taxonomy is None:
            return code
        names = {d.code: (d.zh, d.en) for d in self.taxonomy.departments}
        names |= {s.code: (s.zh, s.en) for s in self.taxonomy.streets}
        if code not in names:
            return code
        zh, en = names[code]
        return (en or zh) if lang == "en" else zh


Details = Callable[[str], dict[int, str]]


def _details(session: Session, cases: list[Case], names: DigestNames) -> Details:
    """Return, per language, each case's request type and assisting units as one suffix."""
    ids = sorted({c.id for c in cases if c.id is not None})
    assists: dict[int, list[str]] = {}
    rows = session.exec(
        select(col(CaseAssist.case_id), col(CaseAssist.department_code))
        .where(col(CaseAssist.case_id).in_(ids))
        .order_by(col(CaseAssist.id))
    ).all()
    for case_id, code in rows:
        assists.setdefault(case_id, []).append(code)

    def suffixes(lang: str) -> dict[int, str]:
        found = {}
        separator = ", " if lang == "en" else "、"
        for case in cases:
            parts = [names.request_type(case.request_type, lang)] if case.request_type else []
            units = [names.unit(code, lang) for code in assists.get(case.id or 0, [])]
            if units:
                parts.append(text("digest_assisting", lang, units=separator.join(units)))
            if parts:
                joined = text("digest_separator", lang).join(parts)
                found[case.id or 0] = text("digest_details", lang, details=joined)
        return found

    return suffixes


def _digest_text(
    lang: str,
    *,
    rows: list[tuple[Deadline, Case]],
    unit: Callable[[str], str],
    count: int,
    today: date,
    details: Details,
) -> str:
    shown = details(lang)
    lines = [
        text(
            "digest_line",
            lang,
            number=c.number,
            what=text(f"clock_{d.kind}", lang),
            due=due_text(d.due_date, d.provisional, lang),
            late=text("digest_late", lang) if d.due_date < today else "",
        )
        + shown.get(c.id or 0, "")
        for d, c in rows
    ]
    return text("digest", lang, unit=unit(lang), count=count, lines="\n".join(lines))


def calendar_alarm(
    *, session: Session, env: ClockEnv, now: datetime, months: tuple[int, ...]
) -> int:
    """Warn coordinators, once a week in the alarm months, while next year's days are unknown."""
    local = now.astimezone(env.zone)
    following = local.year + 1
    if local.month not in months or following in env.calendar.known_years:
        return 0
    week = local.isocalendar().week
    return outbox.write(
        session=session,
        key=f"calendar:{following}:week{week}",
        kind="calendar",
        now=now,
        recipients=outbox.coordinators(session=session),
        render=lambda lang: text("calendar_alarm", lang, year=following),
    )
