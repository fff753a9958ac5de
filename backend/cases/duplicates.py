"""Find open cases that look like a new complaint, so the reporter can follow one (跟进)."""

from __future__ import annotations

from datetime import datetime, timedelta

from rapidfuzz import fuzz, process
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from backend.cases.models import Case, CaseKind, CaseStatus
from backend.routing.text import word_string

# Cases still being handled; resolved, closed and rejected ones are history, not duplicates.
OPEN_STATUSES = tuple(
    s.value
    for s in CaseStatus
    if s not in (CaseStatus.resolved, CaseStatus.closed, CaseStatus.rejected)
)
MAX_CANDIDATES = 500  # the newest open cases of the unit and category: bounded work per check
MIN_SCORE = 0.65  # 0..1: measured to separate retellings from other cases of one category
_COMPARED_CHARS = 300  # the start of a text says what it is about; the rest costs time


def candidates(*, department: str, category: str, since: datetime) -> SelectOfScalar[Case]:
    """Return the query for the newest open cases of a unit and category created since then."""
    return (
        select(Case)
        .where(
            col(Case.department_code) == department,  # unit, status, category: each indexed
            col(Case.status).in_(OPEN_STATUSES),
            col(Case.category_id) == category,
            col(Case.created_at) >= since,
            col(Case.merged_into_id).is_(None),
            col(Case.kind) == CaseKind.complaint.value,  # a record is nobody's duplicate
        )
        .order_by(col(Case.id).desc())
        .limit(MAX_CANDIDATES)
    )


def find_duplicates(
    *,
    session: Session,
    department: str,
    category: str,
    text: str,
    now: datetime,
    days: int = 30,
    limit: int = 3,
) -> list[tuple[Case, float]]:
    """Return up to `limit` open cases of the unit and category from the last days, most alike."""
    query = word_string(text, _COMPARED_CHARS)
    if not query or limit <= 0:
        return []
    since = now - timedelta(days=days)
    cases = list(session.exec(candidates(department=department, category=category, since=since)))
    if not cases:
        return []
    texts = [word_string(case.text, _COMPARED_CHARS) for case in cases]
    # Word sets find a retelling with words added or left out; word order (token_sort)
    # keeps a short text that shares a few common words from counting as a copy.
    found = process.extract(
        query, texts, scorer=fuzz.token_set_ratio, score_cutoff=MIN_SCORE * 100, limit=None
    )
    scored = [
        (cases[i], (by_set + fuzz.token_sort_ratio(query, texts[i])) / 200)
        for _, by_set, i in found
    ]
    alike = [(case, round(score, 3)) for case, score in scored if score >= MIN_SCORE]
    alike.sort(key=lambda pair: (-pair[1], -(pair[0].id or 0)))
    return alike[:limit]
