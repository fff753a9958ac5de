"""The similar-case search compares the words stored at intake; it never cuts old texts again."""

from __future__ import annotations

from sqlalchemy import text
from sqlmodel import Session

from backend.bootstrap import Container
from backend.cases.duplicates import candidates
from backend.cases.search import search_words
from backend.db import session_scope
from tests.cases.test_duplicates import LIFT, LIFT_RETOLD, RUBBISH, add_case, search


def test_a_case_is_cut_into_words_when_written(container: Container) -> None:
    with session_scope(container.engine) as session:
        case = add_case(session, container.clock.now(), LIFT)
        assert case.words == search_words(LIFT)


def test_candidates_read_ids_and_words_only(container: Container) -> None:
    statement = candidates(department="xyz", category="property", since=container.clock.now())
    assert [c.name for c in statement.selected_columns] == ["id", "words"]


def test_similar_cases_are_found_by_their_stored_words(container: Container) -> None:
    now = container.clock.now()
    with session_scope(container.engine) as session:
        lift = add_case(session, now, RUBBISH)  # its text says rubbish, its words say lift
        session.execute(
            text("UPDATE cases SET words = :w WHERE id = :id"),
            {"w": search_words(LIFT), "id": lift.id},
        )
    with Session(container.engine) as session:
        assert search(session, now, LIFT_RETOLD) == [lift.id]
        assert search(session, now, RUBBISH) == []


def test_the_words_of_a_case_are_compared_as_stored(container: Container) -> None:
    from backend.cases.duplicates import find_duplicates

    now = container.clock.now()
    with session_scope(container.engine) as session:
        lift = add_case(session, now, LIFT)
    with Session(container.engine) as session:
        found = find_duplicates(
            session=session,
            department="xyz",
            category="property",
            text="",  # not cut: the words are given
            words=search_words(LIFT_RETOLD),
            now=now,
        )
        assert [case.id for case, _ in found] == [lift.id]
