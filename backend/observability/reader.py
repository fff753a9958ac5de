"""A read-only engine of one connection for the business figures of /metrics.

A scrape must not wait behind the requests it is meant to watch (it answers under overload,
outside the admission gate), nor take their connections: it has its own connection. On
SQLite its transactions are plain deferred reads (WAL: never in a writer's way, and never
holding the write lock that the application's `BEGIN IMMEDIATE` takes); on PostgreSQL they
are read-only with a statement timeout.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from backend.db import make_engine

STATEMENT_TIMEOUT_MS = 5000
POOL_TIMEOUT_SECONDS = 5.0


def make_reader_engine(url: str) -> Engine:
    """Return an engine of one read-only connection on the database of the URL."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        engine = make_engine(url, pool_size=1, max_overflow=0, pool_timeout=POOL_TIMEOUT_SECONDS)

        @event.listens_for(engine, "connect")
        def _read_only(dbapi_connection: Any, _record: Any) -> None:
            with dbapi_connection.cursor() as cursor:
                cursor.execute("SET default_transaction_read_only = on")
                cursor.execute(f"SET statement_timeout = {STATEMENT_TIMEOUT_MS}")
            dbapi_connection.commit()

        return engine
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": STATEMENT_TIMEOUT_MS / 1000},
        pool_size=1,
        max_overflow=0,
        pool_timeout=POOL_TIMEOUT_SECONDS,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA query_only=ON")
        cursor.execute(f"PRAGMA busy_timeout={STATEMENT_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # Deferred: one snapshot for all the figures of a scrape, no write lock.
        connection.exec_driver_sql("BEGIN")

    return engine
