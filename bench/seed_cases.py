"""Fill a database with N realistic cases, by bulk inserts: `--cases 1000000` in minutes.

Usage: INTAKE_DATABASE_URL=... python -m bench.seed_cases --cases N [--seed S] [--recent R]

The database must be upgraded (`intake db upgrade`), hold its taxonomy (departments,
categories: written at start-up) and no cases yet. Cases are spread over the units,
categories, streets, channels and states, each with its events, its clocks (sign, resolve,
follow-up), its reporter (named ones) and, once closed, mostly a rating. Rows are written
with SQLAlchemy Core `insert()` in batches (executemany), ids chosen here; PostgreSQL's
sequences are moved past them at the end. Shared by the scaling benchmarks (issue 13).

What a larger database holds more of is history, as in a real system after years: the last
13 months (RECENT_DAYS) hold the same `recent` cases (10,000 by default) drawn from the same
random sequence whatever N is, in every state; the other N - recent cases were filed before
that, over the five years before (HISTORY_DAYS), and are all finished (closed, some rejected)
with their clocks met, and their reporters' chats are other chats than the recent ones'. So a
month's or a year's figures, the backlog of open cases, a recent chat's own cases and any
recent page hold the same rows at 10,000 and at 1,000,000: a benchmark's ratio between the
two shows what a request costs for what is stored, not for a larger period's content.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Engine, func, insert, select, text
from sqlmodel import SQLModel, col

from backend.cases.models import Case, CaseCounter, CaseEvent
from backend.cases.search import search_words
from backend.db import make_engine
from backend.deadlines.models import Deadline
from backend.people.models import Reporter
from backend.taxonomy.tables import Category, Department

ZONE = ZoneInfo("Asia/Shanghai")
BATCH = 5000
RECENT_DAYS = 396  # the last 13 months: the same cases whatever the total
RECENT_CASES = 10_000
HISTORY_DAYS = 5 * 365  # older cases, all finished, over the five years before
# The states of a case, from the first to the last, and how often each is where a case is now.
STATES = ("received", "triage", "routed", "signed", "in_progress", "resolved", "closed")
WEIGHTS = tuple(itertools.accumulate((2, 2, 6, 6, 10, 14, 55)))  # cumulative: drawn often
REJECTED = 0.05
CHANNELS = ("api", "telegram", "web", "console", "open311")
RATINGS = ("satisfied", "satisfied", "satisfied", "basic", "dissatisfied")
SIMILAR_TEXT = (
    "区里的项目做完了，工程款一直拖欠不付，已经拖了半年多"  # like the dialogs' test text
)
PHRASES = (
    "工程款拖欠至今未付",
    "承诺的补贴迟迟没有发放",
    "窗口办事推诿，要求反复提交材料",
    "合同约定的款项逾期未结",
    "政府采购项目验收后仍不付款",
    "招商承诺未兑现",
    "审批超时且无答复",
)


@dataclass
class Rows:
    """The rows of one batch, per table."""

    reporters: list[dict[str, Any]] = field(default_factory=list)
    cases: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    clocks: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Ids:
    """The next id of each table (chosen here, so that rows can refer to each other)."""

    reporter: int = 1
    case: int = 1
    event: int = 1
    clock: int = 1
    numbers: dict[str, int] = field(default_factory=dict)


def _taxonomy(connection: Connection) -> tuple[list[tuple[str, str]], list[str]]:
    categories = connection.execute(
        select(col(Category.id), col(Category.owner)).where(col(Category.active))
    ).all()
    streets = connection.execute(
        select(col(Department.code)).where(col(Department.kind) == "street")
    ).scalars()
    return [(c, o) for c, o in categories], list(streets)


def _event(ids: Ids, rows: Rows, case_id: int, at: datetime, action: str, a: str, b: str) -> None:
    rows.events.append(
        {
            "id": ids.event,
            "case_id": case_id,
            "at": at,
            "actor_kind": "system" if action == "route" else "staff",
            "actor_id": None,
            "actor_name": "seed",
            "action": action,
            "from_status": a,
            "to_status": b,
            "reason": None,
            "details": None,
        }
    )
    ids.event += 1


def _clock(
    ids: Ids, rows: Rows, of: dict[str, Any], kind: str, unit: str | None, at: datetime, met: bool
) -> None:
    start = at  # `of`: the case's id, and its kind, category and channel the clock copies
    days = {"sign": 1, "resolve": 15, "follow_up": 5}[kind]
    due = start + timedelta(days=days + 2)
    late = met and random.random() < 0.1
    met_at = due + timedelta(hours=5) if late else start + timedelta(hours=random.randint(1, 40))
    rows.clocks.append(
        {
            "id": ids.clock,
            **of,
            "kind": kind,
            "department_code": unit,
            "started_on": start.astimezone(ZONE).date(),
            "unit": "working",
            "days": days,
            "extension_days": 0,
            "paused_days": 0,
            "due_date": due.astimezone(ZONE).date(),
            "due_at": due,
            "provisional": False,
            "calendar_revision": 0,
            "state": ("met_late" if late else "met") if met else "open",
            "met_at": met_at if met else None,
            "next_stage": 0,
            "next_action_at": None if met else due,
            "created_at": start,
            "updated_at": met_at if met else start,
        }
    )
    ids.clock += 1


@dataclass(frozen=True)
class Similar:
    """Open cases of one unit and category, filed in the last days, all telling one story."""

    text: str
    unit: str = "czj"
    category: str = "arrears"
    days: int = 20


@dataclass(frozen=True)
class Span:
    """When cases are filed (days before now, from newest to oldest) and whether all ended."""

    newest: int
    oldest: int
    finished: bool = False  # closed or rejected, every clock met, a chat of the history's


RECENT = Span(0, RECENT_DAYS)
HISTORY = Span(RECENT_DAYS, RECENT_DAYS + HISTORY_DAYS, finished=True)


@cache
def _words(first: str, second: str) -> str:
    return search_words(f"{first}，{second}")


def _case(
    ids: Ids,
    rows: Rows,
    now: datetime,
    taxonomy: tuple[list[Any], list[str]],
    similar: Similar | None = None,
    span: Span = RECENT,
) -> None:
    categories, streets = taxonomy
    newest, oldest = (0, similar.days) if similar else (span.newest, span.oldest)
    created = now - timedelta(seconds=random.randint(newest * 86400, oldest * 86400))
    day = created.astimezone(ZONE).strftime("%Y%m%d")  # the counter's key, as the app's
    ids.numbers[day] = ids.numbers.get(day, 0) + 1
    category, owner = (similar.category, similar.unit) if similar else random.choice(categories)
    street = random.choice(streets) if streets else None
    unit = street if owner == "street" else owner
    status = random.choices(STATES, cum_weights=WEIGHTS)[0] if similar is None else "routed"
    if span.finished:
        status = "closed"
    if status == "closed" and random.random() < REJECTED:
        status = "rejected"
    channel = random.choice(CHANNELS)
    anonymous = random.random() < 0.3
    reporter_id = None
    if not anonymous:
        reporter_id = ids.reporter
        chat = channel in ("telegram", "web")
        rows.reporters.append(
            {
                "id": ids.reporter,
                "name": f"市民{ids.reporter}",
                "phone": f"139{ids.reporter:08d}"[-11:],
                "channel": channel,
                "chat_id": _chat(channel, span) if chat else None,
                "language": "zh",
                "created_at": created,
                "email": None,
            }
        )
        ids.reporter += 1
    case_id, at, previous = ids.case, created, "received"
    _event(ids, rows, case_id, at, "submit", "", "received")
    reached = STATES.index("closed") if status == "rejected" else STATES.index(status)
    for step in STATES[2 : reached + 1]:
        at += timedelta(hours=random.randint(1, 72))
        _event(ids, rows, case_id, at, step, previous, step)
        previous = step
    if status == "rejected":
        at += timedelta(hours=2)
        _event(ids, rows, case_id, at, "reject", "received", "rejected")
    else:
        of = {
            "case_id": case_id,
            "case_kind": "complaint",
            "case_category": category,
            "case_channel": channel,
        }
        if reached >= STATES.index("routed"):
            _clock(ids, rows, of, "sign", unit, created, reached > STATES.index("routed"))
        if reached >= STATES.index("signed"):
            _clock(ids, rows, of, "resolve", unit, created, reached >= STATES.index("resolved"))
        if reached >= STATES.index("resolved"):
            _clock(ids, rows, of, "follow_up", unit, at, reached >= STATES.index("closed"))
    rated = status == "closed" and random.random() < 0.7
    first, second = random.choice(PHRASES), random.choice(PHRASES)
    words = _words(first, second)  # cut once per pair of phrases: jieba's cost stays small
    rows.cases.append(
        {
            "id": case_id,
            "number": f"HQ-{day[2:]}-{ids.numbers[day]:04d}",
            "kind": "complaint",
            "status": status,
            "category_id": category,
            "department_code": unit if reached >= STATES.index("routed") else None,
            "street_code": street,
            "text": f"{similar.text}，{first}"
            if similar
            else f"{first}，{second}（第{case_id}号）",
            "words": _words(similar.text, first) if similar else f"{words} 第 {case_id} 号",
            "location_text": None,
            "occurred_on": (created - timedelta(days=random.randint(0, 30))).date(),
            "latitude": None,
            "longitude": None,
            "anonymous": anonymous,
            "pin_hash": None,
            "pin_failures": 0,
            "pin_locked_until": None,
            "reporter_id": reporter_id,
            "channel": channel,
            "reply": "已办结" if reached >= STATES.index("resolved") else None,
            "rating": random.choice(RATINGS) if rated else None,
            "rating_comment": None,
            "rated_at": at if rated else None,
            "merged_into_id": None,
            "details": None,
            "version": 1 + len(rows.events),
            "created_at": created,
            "updated_at": at,
        }
    )
    ids.case += 1


def _chat(channel: str, span: Span) -> str:
    """Return a chat id: one of 50,000 recent chats, or of the history's own (never both)."""
    return f"{channel}-{'h' if span.finished else ''}{random.randint(1, 50000)}"


def batches(
    total: int,
    now: datetime,
    taxonomy: Any,
    ids: Ids,
    similar: Similar | None = None,
    span: Span = RECENT,
) -> Iterator[Rows]:
    """Yield the rows of `total` cases, BATCH cases at a time."""
    rows = Rows()
    for done in range(1, total + 1):
        _case(ids, rows, now, taxonomy, similar, span)
        if done % BATCH == 0 or done == total:
            yield rows
            rows = Rows()


def seed(
    engine: Engine,
    *,
    cases: int,
    seed: int = 13,
    now: datetime | None = None,
    similar: int = 0,
    similar_as: Similar | None = None,
    recent: int = RECENT_CASES,
) -> Ids:
    """Write `cases` cases with their rows into an upgraded database without cases.

    The last `recent` of them (all, when fewer) are filed in the last RECENT_DAYS, drawn from
    the same random sequence whatever `cases` is; the others earlier, all finished (history).
    Then `similar` open cases of one unit and category telling one story (`similar_as`, by
    default a retelling of an arrears complaint): the similar-case search's worst case.
    """
    random.seed(seed)
    now = now or datetime.now(UTC)
    ids = Ids()
    with engine.begin() as connection:
        if connection.execute(select(func.count()).select_from(Case)).scalar_one():
            raise SystemExit("the database already holds cases: seed an empty one")
        taxonomy = _taxonomy(connection)
        if not taxonomy[0]:
            raise SystemExit("no categories: start the app once (or `intake db upgrade`) first")
    story = similar_as or Similar(SIMILAR_TEXT)
    history = max(0, cases - recent)

    def reseeded() -> Iterator[Rows]:  # the recent slice: the same draws whatever the history
        random.seed(seed)
        yield from batches(cases - history, now, taxonomy, ids)

    for rows in itertools.chain(
        batches(history, now, taxonomy, ids, span=HISTORY),
        reseeded(),
        batches(similar, now, taxonomy, ids, story),
    ):
        with engine.begin() as connection:
            for table, values in (
                (Reporter, rows.reporters),
                (Case, rows.cases),
                (CaseEvent, rows.events),
                (Deadline, rows.clocks),
            ):
                if values:  # Core on the table: no ORM bookkeeping per row
                    connection.execute(
                        insert(SQLModel.metadata.tables[table.__tablename__]), values
                    )
    with engine.begin() as connection:
        # Keyed by the whole year, as the app's counters are (next_case_number): 20261127.
        counters = [{"day": day, "last": last} for day, last in ids.numbers.items()]
        if counters:
            connection.execute(insert(CaseCounter), counters)
        if engine.dialect.name == "postgresql":
            for name in ("reporters", "cases", "case_events", "deadlines"):
                connection.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                        f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {name}), false)"
                    )
                )
    return ids


def main(argv: list[str] | None = None) -> int:
    """Seed the database named by INTAKE_DATABASE_URL."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, required=True)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--similar", type=int, default=0, help="open cases telling one story")
    parser.add_argument(
        "--recent", type=int, default=RECENT_CASES, help="cases of the last 13 months"
    )
    args = parser.parse_args(argv)
    url = os.environ.get("INTAKE_DATABASE_URL", "").strip()
    if not url:
        print("set INTAKE_DATABASE_URL to an upgraded database", file=sys.stderr)
        return 2
    engine = make_engine(url)
    started = datetime.now(UTC)
    seed(engine, cases=args.cases, seed=args.seed, similar=args.similar, recent=args.recent)
    seconds = (datetime.now(UTC) - started).total_seconds()
    print(f"seeded {args.cases} cases in {seconds:.1f} s")
    engine.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
