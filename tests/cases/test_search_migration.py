"""Migrations 0025 and 0035: the texts (and the words inside their words) of stored cases are
indexed."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, text

from backend.cases.search import search_words
from backend.migrate import alembic_config, upgrade


def test_upgrading_cuts_stored_texts_and_indexes_them(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    upgrade(url, "0021")
    engine = create_engine(url)
    with engine.begin() as connection:  # a case filed before full-text search
        connection.execute(
            text(
                "INSERT INTO cases (id, number, kind, status, text, anonymous, pin_failures, "
                "channel, street_needed, return_count, version, created_at, updated_at) "
                "VALUES (7, 'HQ-261127-0001', 'complaint', 'received', :t, 1, 0, 'api', 0, 0, 1, "
                "'2026-11-27 02:00:00', '2026-11-27 02:00:00')"
            ),
            {"t": "执法队没收了我的三轮车"},
        )
    engine.dispose()

    upgrade(url)

    engine = create_engine(url)
    with engine.connect() as connection:
        words = connection.execute(text("SELECT words FROM cases WHERE id = 7")).scalar_one()
        found = connection.execute(
            text("SELECT rowid FROM cases_fts WHERE cases_fts MATCH '\"三轮车\"*'")
        ).scalars()
        assert (words, list(found)) == (search_words("执法队没收了我的三轮车"), [7])
    engine.dispose()


def _file_at(url: str, revision: str) -> None:
    upgrade(url, revision)
    engine = create_engine(url)
    with engine.begin() as connection:  # a case filed before the words inside words were kept
        connection.execute(
            text(
                "INSERT INTO cases (id, number, kind, status, text, words, anonymous, "
                "pin_failures, channel, street_needed, return_count, version, created_at, "
                "updated_at) VALUES (9, 'HQ-261201-0001', 'complaint', 'received', :t, :w, 1, "
                "0, 'api', 0, 0, 1, '2026-12-01 02:00:00', '2026-12-01 02:00:00')"
            ),
            {"t": "法院强制执行了我们的房子", "w": search_words("法院强制执行了我们的房子")},
        )
    engine.dispose()


def _matches(url: str, query: str) -> list[int]:
    engine = create_engine(url)
    with engine.connect() as connection:
        found = connection.execute(
            text("SELECT rowid FROM cases_fts WHERE cases_fts MATCH :q"), {"q": query}
        ).scalars()
        rows = list(found)
    engine.dispose()
    return rows


def test_upgrading_finds_stored_cases_by_the_words_inside_their_words(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    _file_at(url, "0034")
    assert _matches(url, '"执行"*') == []

    upgrade(url)

    assert _matches(url, '"执行"*') == [9]
    assert _matches(url, '"强制"*') == [9]


def test_downgrading_keeps_the_search_by_whole_words(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    _file_at(url, "0034")
    upgrade(url)

    command.downgrade(alembic_config(url), "0034")

    assert _matches(url, '"强制"*') == [9]
    assert _matches(url, '"执行"*') == []
