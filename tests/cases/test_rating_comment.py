"""A rating's comment is kept as a reader sees it, on every channel (rating page, chat, phone)."""

from __future__ import annotations

from sqlmodel import select

from backend.actors import SYSTEM
from backend.bootstrap import Container
from backend.cases.models import Case, CaseEvent
from backend.cases.queries import get_case
from backend.cases.rating import rate_case
from backend.db import session_scope
from tests.cases.test_rating import resolved_case


def _rate(container: Container, number: str, rating: str, comment: str) -> Case:
    with session_scope(container.engine) as session:
        case = get_case(session=session, number=number, actor=SYSTEM)
        rate_case(
            session=session, case=case, rating=rating, comment=comment, env=container.case_env
        )
    with session_scope(container.engine) as session:
        return session.exec(select(Case).where(Case.number == number)).one()


def _reasons(container: Container, case: Case) -> list[str | None]:
    with session_scope(container.engine) as session:
        events = session.exec(select(CaseEvent).where(CaseEvent.case_id == case.id)).all()
        return [e.reason for e in events if e.action in ("rate", "reopen")]


def test_a_rating_comment_loses_its_direction_controls(container: Container) -> None:
    # Reviewer, 2026-12-03: U+202E kept in the comment turned the number after it around for
    # the coordinators who read it, as it did in every other text before they were dropped.
    number = resolved_case(container)

    case = _rate(container, number, "dissatisfied", "钱没到账\u202e，电话13812345678")

    assert case.rating_comment == "钱没到账，电话13812345678"
    assert _reasons(container, case) == [
        "钱没到账，电话13812345678",
        "the reporter is dissatisfied: 钱没到账，电话13812345678",
    ]


def test_a_rating_comment_that_shows_nothing_is_no_comment(container: Container) -> None:
    number = resolved_case(container)

    case = _rate(container, number, "dissatisfied", "\u202e\u200b \u2066")

    assert (case.rating, case.rating_comment) == ("dissatisfied", None)
    assert _reasons(container, case) == [None, "the reporter is dissatisfied: no comment"]
