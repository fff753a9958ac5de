"""Alembic environment: the URL comes from the caller (intake db upgrade) or the settings."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, text
from sqlmodel import SQLModel

import backend.models  # noqa: F401  (registers every table)
from backend.cases.search import is_index_object
from backend.db import make_engine
from backend.settings import get_settings

config = context.config


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Leave the full-text index (built by SQL of its own, not in the models) to its migration."""
    return not is_index_object(name)


target_metadata = SQLModel.metadata
# PostgreSQL advisory lock key ("UPGR") held by a migration run until it commits: a second
# `intake db upgrade` started beside it (two deploy jobs, two replicas' migrate steps) waits,
# then finds the schema at its revision and does nothing, instead of failing half-way.
UPGRADE_LOCK = 0x55504752


def run_migrations_offline() -> None:
    url = config.get_main_option("sqlalchemy.url") or get_settings().database_url
    context.configure(
        url=url,
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = config.get_main_option("sqlalchemy.url") or get_settings().database_url
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            _run(conn)
    finally:
        engine.dispose()


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": UPGRADE_LOCK})
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
