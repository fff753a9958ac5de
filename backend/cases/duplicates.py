"""Find open cases that look like a new complaint, so the reporter can follow one (跟进)."""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any, cast

from rapidfuzz import fuzz, process
from sqlalchemy import Integer, bindparam, or_
from sqlmodel import Session, col, select

from backend.cases.models import Case, CaseKind, CaseStatus
from backend.cases.search import search_words
from backend.driver import fetch_all

# Cases still being handled; resolved, closed and rejected ones are history, not duplicates.
OPEN_STATUSES = tuple(
    s.value
    for s in CaseStatus
    if s not in (CaseStatus.resolved, CaseStatus.closed, CaseStatus.rejected)
)
MAX_CANDIDATES = 500  # the newest open cases of the unit and category: bounded work per check
MIN_SCORE = 0.65  # 0..1: measured to separate retellings from other cases of one category
_COMPARED_CHARS = 300  # the start of a text says what it is about; the rest costs time


_CANDIDATES = (
    select(col(Case.id), col(Case.words))
    .where(
        col(Case.department_code) == bindparam("department"),  # unit, category, date: one index
        col(Case.category_id) == bindparam("category"),
        col(Case.created_at) >= bindparam("since"),
        # Each status its own fixed value, not IN's list rendered per call: the statement is
        # then sent by the driver itself (backend.driver), a dialog's search's hot read.
        or_(*(col(Case.status) == status for status in OPEN_STATUSES)),
        col(Case.merged_into_id).is_(None),
        col(Case.kind) == CaseKind.complaint.value,  # a record is nobody's duplicate
    )
    # Newest first in the index's own order (its date, then the row id), so the reading
    # stops at the limit instead of sorting all the unit's open cases of the category.
    .order_by(col(Case.created_at).desc(), col(Case.id).desc())
    .limit(bindparam("limit", type_=Integer))
)  # built once: a dialog's search runs it with its values (issue 13)


def candidates(*, department: str, category: str, since: datetime) -> Any:
    """Return the query for the ids and words of the newest open cases of a unit and category
    created since then (their texts were cut into words at intake)."""
    return _CANDIDATES.params(
        department=department, category=category, since=since, limit=MAX_CANDIDATES
    )


def compared(words: str) -> str:
    """Return the first _COMPARED_CHARS characters' worth of a text's words."""
    if len(words) <= _COMPARED_CHARS:  # most complaints: nothing to cut
        return words
    kept, length = [], 0
    for word in words.split():
        if length >= _COMPARED_CHARS:
            break
        kept.append(word)
        length += len(word)
    return " ".join(kept)


def find_duplicates(
    *,
    session: Session,
    department: str,
    category: str,
    text: str,
    now: datetime,
    days: int = 30,
    limit: int = 3,
    words: str | None = None,
) -> list[tuple[Case, float]]:
    """Return up to `limit` open cases of the unit and category from the last days, most alike.

    `words`: the text's stored words (`Case.words`), when it is a case's, to cut it no again.
    """
    best = find_similar(
        session=session,
        department=department,
        category=category,
        text=text,
        now=now,
        days=days,
        limit=limit,
        words=words,
    )
    if not best:
        return []
    cases = {
        case.id: case
        for case in session.exec(select(Case).where(col(Case.id).in_([i for i, _ in best])))
    }
    return [(cases[case_id], score) for case_id, score in best if case_id in cases]


def find_similar(
    *,
    session: Session,
    department: str,
    category: str,
    text: str,
    now: datetime,
    days: int = 30,
    limit: int = 3,
    words: str | None = None,
) -> list[tuple[int, float]]:
    """Return the ids and scores (0..1, most alike first) of what `find_duplicates` returns.

    The candidates' ids and stored words are read by one Core statement (no ORM rows), and
    the same words are scored once for all the cases that hold them (a text copied into
    many complaints, as a campaign's are).
    """
    query = compared(words if words is not None else search_words(text))
    if not query or limit <= 0:
        return []
    since = now - timedelta(days=days)
    values = {
        "department": department,
        "category": category,
        "since": since,
        "limit": MAX_CANDIDATES,
    }
    by_words: dict[str | None, list[int]] = {}  # a campaign's one text: read once
    rows = cast(
        Sequence[tuple[int, str | None]], fetch_all(session.connection(), _CANDIDATES, values)
    )
    for case_id, stored in rows:
        by_words.setdefault(stored, []).append(case_id)
    holders: dict[str, list[int]] = {}
    for stored, ids in by_words.items():
        holders.setdefault(compared(stored or ""), []).extend(ids)
    if not holders:
        return []
    texts = list(holders)
    # Word sets find a retelling with words added or left out; word order (token_sort)
    # keeps a short text that shares a few common words from counting as a copy.
    found = process.extract(
        query, texts, scorer=fuzz.token_set_ratio, score_cutoff=MIN_SCORE * 100, limit=None
    )
    alike: list[tuple[float, int]] = []  # (-score, -id): the best first, then the newest
    for _, by_set, i in found:
        score = (by_set + fuzz.token_sort_ratio(query, texts[i])) / 200
        if score >= MIN_SCORE:  # of a text's holders, only the newest `limit` can be shown
            rank = -round(score, 3)
            alike += [(rank, -case_id) for case_id in heapq.nlargest(limit, holders[texts[i]])]
    return [(-case_id, -score) for score, case_id in heapq.nsmallest(limit, alike)]
