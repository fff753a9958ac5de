"""Migration 0025 cuts the texts of the cases already stored, and SQLite's index holds them."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, text

from backend.cases.search import search_words
from backend.migrate import upgrade


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
