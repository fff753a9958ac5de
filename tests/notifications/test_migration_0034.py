"""Migration 0034: addresses given before it stay in use; its downgrade keeps the cases."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, text

from backend.migrate import alembic_config, upgrade

REPORTER = (
    "INSERT INTO reporters (id, channel, chat_id, language, created_at, email) VALUES "
    "(:id, 'web', :chat, 'zh', '2026-11-27 02:00:00.000000', :email)"
)
CASE = (
    "INSERT INTO cases (id, number, kind, status, text, anonymous, pin_failures, channel, "
    "street_needed, return_count, version, created_at, updated_at, reporter_id) VALUES "
    "(7, 'HQ-261127-0001', 'complaint', 'received', '工程款拖欠', 0, 0, 'web', 0, 0, 1, "
    "'2026-11-27 02:00:00', '2026-11-27 02:00:00', 1)"
)


def test_an_address_given_before_counts_as_confirmed_and_the_downgrade_keeps_the_cases(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    upgrade(url, "0033")
    engine = create_engine(url)
    with engine.begin() as db:
        db.execute(text(REPORTER), {"id": 1, "chat": "w-1", "email": "zhang@mail.test"})
        db.execute(text(REPORTER), {"id": 2, "chat": "w-2", "email": None})
        db.execute(text(CASE))  # a case points at its reporter
    engine.dispose()

    upgrade(url, "0034")
    engine = create_engine(url)
    with engine.connect() as db:
        confirmed = db.execute(
            text("SELECT id, email_confirmed_at IS NOT NULL FROM reporters ORDER BY id")
        ).all()
    engine.dispose()
    command.downgrade(alembic_config(url), "0033")  # SQLite's foreign keys on, as the app's

    engine = create_engine(url)
    with engine.connect() as db:
        columns = [row[1] for row in db.execute(text("PRAGMA table_info(reporters)"))]
        cases = db.execute(text("SELECT reporter_id FROM cases")).scalars().all()
    engine.dispose()
    assert [tuple(row) for row in confirmed] == [(1, 1), (2, 0)]
    assert "email_confirmed_at" not in columns and cases == [1]
