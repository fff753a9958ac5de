"""Merge chains: a repeat points to the case it joined, which may have joined another since.

A merge is refused into a case that is not open, so a chain never loops and always ends in
the case where the matter is handled now. Whoever followed or reported any case along a
chain watches that last case (see backend.notifications.outbox.watchers_of).
"""

from __future__ import annotations

from sqlalchemy import CTE, ColumnElement, or_
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from backend.cases.models import Case, CaseFollower
from backend.people.models import Reporter

MAX_LINKS = 100  # a chain is a handful of merges; the bound only guards against a bad row


def where_handled(*, session: Session, case: Case) -> Case:
    """Return the case a case is handled in now: itself, or the end of its merge chain."""
    current, seen = case, {case.id}
    for _ in range(MAX_LINKS):
        if current.merged_into_id is None or current.merged_into_id in seen:
            return current
        following = session.get(Case, current.merged_into_id)
        if following is None:
            return current
        seen.add(following.id)
        current = following
    return current


def merged_into_tree(case_id: int) -> CTE:
    """Return a query of the ids of every case merged into a case, directly or along a chain."""
    tree_cte = (
        select(col(Case.id).label("id"))
        .where(col(Case.merged_into_id) == case_id)
        .cte("merged_tree", recursive=True)
    )
    repeat = aliased(Case)
    # UNION, not UNION ALL: a bad row that loops ends the recursion instead of running forever.
    return tree_cte.union(
        select(col(repeat.id)).where(col(repeat.merged_into_id) == tree_cte.c.id)
    )


def chats_chain(channel: str, chat_id: str) -> CTE:
    """Return a query of the ids of the cases a chat filed or follows and of all they joined."""
    filed = select(col(Reporter.id)).where(
        col(Reporter.channel) == channel, col(Reporter.chat_id) == chat_id
    )
    followed = select(col(CaseFollower.case_id)).where(
        col(CaseFollower.channel) == channel, col(CaseFollower.chat_id) == chat_id
    )
    chain = (
        select(col(Case.id).label("id"), col(Case.merged_into_id).label("into"))
        .where(or_(col(Case.reporter_id).in_(filed), col(Case.id).in_(followed)))
        .cte("chat_chain", recursive=True)
    )
    joined = aliased(Case)
    return chain.union(
        select(col(joined.id), col(joined.merged_into_id)).where(col(joined.id) == chain.c.into)
    )


def watched_by(channel: str, chat_id: str) -> ColumnElement[bool]:
    """Return the condition that a chat watches a case: it filed or follows one along its chain."""
    chain = chats_chain(channel, chat_id)
    return col(Case.id).in_(select(chain.c.id))
