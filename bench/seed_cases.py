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
from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select, text
from sqlmodel import col

from backend.cases.models import Case, CaseCounter, CaseEvent
from backend.cases.search import inner_words, search_words
from backend.db import make_engine
from backend.deadlines.models import Deadline
from backend.people.models import Reporter
from backend.taxonomy.tables import Category, Department
from bench._bulk import Loader, Row, Stamps, stamps_for

# Asia/Shanghai, the app's zone: UTC+8 all year (no summer time since 1991), so a local
# day is a shift away, without a zone lookup per row.
LOCAL = timedelta(hours=8)
BATCH = 10_000  # cases a transaction
RECENT_DAYS = 396  # the last 13 months: the same cases whatever the total
RECENT_CASES = 10_000
HISTORY_DAYS = 5 * 365  # older cases, all finished, over the five years before
# The states of a case, from the first to the last, and how often each is where a case is now.
STATES = ("received", "triage", "routed", "signed", "in_progress", "resolved", "closed")
ROUTED, SIGNED, RESOLVED, CLOSED = (
    STATES.index(s) for s in ("routed", "signed", "resolved", "closed")
)
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


def _names(spaced: str) -> tuple[str, ...]:
    return tuple(spaced.split())


JSON_NULL = "null"  # what SQLAlchemy's JSON type writes for None, on both databases
COLUMNS: dict[str, tuple[str, ...]] = {  # the order of a row's values; the rest: defaults
    str(Reporter.__tablename__): _names("id name phone channel chat_id language created_at"),
    str(Case.__tablename__): _names(
        "id number kind status category_id department_code street_code text words subwords "
        "occurred_on "
        "anonymous pin_failures reporter_id channel reply rating rated_at details version "
        "created_at updated_at"
    ),
    str(CaseEvent.__tablename__): _names(
        "id case_id at actor_kind actor_name action from_status to_status details"
    ),
    str(Deadline.__tablename__): _names(
        "id case_id kind department_code started_on unit days extension_days paused_days "
        "due_date due_at provisional calendar_revision state met_at next_stage next_action_at "
        "created_at updated_at case_kind case_category case_channel"
    ),
}
CLOCK_DAYS = {"sign": 1, "resolve": 15, "follow_up": 5}


@dataclass
class Rows:
    """The rows of one batch, per table, as tuples in the order of COLUMNS."""

    reporters: list[Row] = field(default_factory=list)
    cases: list[Row] = field(default_factory=list)
    case_events: list[Row] = field(default_factory=list)
    deadlines: list[Row] = field(default_factory=list)

    def tables(self) -> dict[str, list[Row]]:
        """Return the rows per table, in the order they refer to each other."""
        return {
            "reporters": self.reporters,
            "cases": self.cases,
            "case_events": self.case_events,
            "deadlines": self.deadlines,
        }


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


def _event(ids: Ids, rows: Rows, at: Any, action: str, a: str, b: str) -> None:
    actor = "system" if action == "route" else "staff"
    rows.case_events.append((ids.event, ids.case, at, actor, "seed", action, a, b, JSON_NULL))
    ids.event += 1


def _clock(
    ids: Ids,
    rows: Rows,
    stamps: Stamps,
    of: tuple[str, str, str],
    kind: str,
    unit: str | None,
    start: datetime,
    met: bool,
) -> None:
    """One clock; `of`: the case's kind, category and channel, which the clock copies."""
    days = CLOCK_DAYS[kind]
    due = start + timedelta(days=days + 2)
    late = met and random.random() < 0.1
    met_at = due + timedelta(hours=5) if late else start + timedelta(hours=random.randint(1, 40))
    at, made, due_at = stamps.at(met_at), stamps.at(start), stamps.at(due)
    rows.deadlines.append(
        (
            ids.clock, ids.case, kind, unit, stamps.day((start + LOCAL).date()),
            "working", days, 0, 0, stamps.day((due + LOCAL).date()), due_at, False, 0,
            ("met_late" if late else "met") if met else "open", at if met else None, 0,
            None if met else due_at, made, at if met else made, *of,
        )
    )  # fmt: skip
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
def _day_key(day: date) -> str:
    return day.strftime("%Y%m%d")


@cache
def _words(first: str, second: str) -> tuple[str, str | None]:
    """Return the words of two phrases' text and the words inside them (as intake keeps)."""
    words = search_words(f"{first}，{second}")
    return words, inner_words(words)


def _case(
    ids: Ids,
    rows: Rows,
    now: datetime,
    taxonomy: tuple[list[Any], list[str]],
    stamps: Stamps,
    similar: Similar | None = None,
    span: Span = RECENT,
) -> None:
    """Append one case's rows; the random draws in a fixed order (the recent slice's)."""
    categories, streets = taxonomy
    newest, oldest = (0, similar.days) if similar else (span.newest, span.oldest)
    created = now - timedelta(seconds=random.randint(newest * 86400, oldest * 86400))
    day = _day_key((created + LOCAL).date())  # the counter's key, as the app's
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
    filed = stamps.at(created)
    if not anonymous:
        reporter_id = ids.reporter
        chat = _chat(channel, span) if channel in ("telegram", "web") else None
        phone = f"139{ids.reporter:08d}"[-11:]
        rows.reporters.append(
            (ids.reporter, f"市民{ids.reporter}", phone, channel, chat, "zh", filed)
        )
        ids.reporter += 1
    at, previous, events = created, "received", len(rows.case_events)
    _event(ids, rows, filed, "submit", "", "received")
    reached = STATES.index("closed") if status == "rejected" else STATES.index(status)
    for step in STATES[2 : reached + 1]:
        at += timedelta(hours=random.randint(1, 72))
        _event(ids, rows, stamps.at(at), step, previous, step)
        previous = step
    if status == "rejected":
        at += timedelta(hours=2)
        _event(ids, rows, stamps.at(at), "reject", "received", "rejected")
    else:
        of = ("complaint", category, channel)
        if reached >= ROUTED:
            _clock(ids, rows, stamps, of, "sign", unit, created, reached > ROUTED)
        if reached >= SIGNED:
            _clock(ids, rows, stamps, of, "resolve", unit, created, reached >= RESOLVED)
        if reached >= RESOLVED:
            _clock(ids, rows, stamps, of, "follow_up", unit, at, reached >= CLOSED)
    rated = status == "closed" and random.random() < 0.7
    first, second = random.choice(PHRASES), random.choice(PHRASES)
    if similar:
        body, (words, subwords) = f"{similar.text}，{first}", _words(similar.text, first)
    else:  # cut once per pair of phrases: jieba's cost stays small
        words, subwords = _words(first, second)
        body, words = f"{first}，{second}（第{ids.case}号）", f"{words} 第 {ids.case} 号"
    occurred = stamps.day((created - timedelta(days=random.randint(0, 30))).date())
    updated = stamps.at(at)
    rows.cases.append(
        (
            ids.case, f"HQ-{day[2:]}-{ids.numbers[day]:04d}", "complaint", status, category,
            unit if reached >= ROUTED else None, street, body, words, subwords, occurred,
            anonymous, 0, reporter_id, channel, "已办结" if reached >= RESOLVED else None,
            random.choice(RATINGS) if rated else None, updated if rated else None, JSON_NULL,
            len(rows.case_events) - events,  # one version per change: its events
            filed, updated,
        )
    )  # fmt: skip
    ids.case += 1


def _chat(channel: str, span: Span) -> str:
    """Return a chat id: one of 50,000 recent chats, or of the history's own (never both)."""
    return f"{channel}-{'h' if span.finished else ''}{random.randint(1, 50000)}"


def batches(
    total: int,
    now: datetime,
    taxonomy: Any,
    ids: Ids,
    stamps: Stamps,
    similar: Similar | None = None,
    span: Span = RECENT,
) -> Iterator[Rows]:
    """Yield the rows of `total` cases, BATCH cases at a time."""
    rows = Rows()
    for done in range(1, total + 1):
        _case(ids, rows, now, taxonomy, stamps, similar, span)
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
    Raises SystemExit when the database holds cases or no categories.
    """
    random.seed(seed)
    stamps = stamps_for(engine)
    now = stamps.moment((now or datetime.now(UTC)).astimezone(UTC))
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
        yield from batches(cases - history, now, taxonomy, ids, stamps)

    loader = Loader(engine, COLUMNS)
    try:
        with loader.without_indexes():
            for rows in itertools.chain(
                batches(history, now, taxonomy, ids, stamps, span=HISTORY),
                reseeded(),
                batches(similar, now, taxonomy, ids, stamps, story),
            ):
                loader.write(rows.tables())
    finally:
        loader.close()
    with engine.begin() as connection:
        # Keyed by the whole year, as the app's counters are (next_case_number): 20261127.
        counters = [{"day": day, "last": last} for day, last in ids.numbers.items()]
        if counters:
            connection.execute(insert(CaseCounter), counters)
        if engine.dialect.name == "postgresql":
            for name in COLUMNS:
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
