"""Bulk loading for bench/seed_cases.py: tuples straight to the driver, indexes built after.

The seeder's rows skip SQLAlchemy's per-value bind processing (half of its time at 1M cases):
they are written by the DBAPI itself, `executemany` on SQLite and `COPY ... FROM STDIN` on
PostgreSQL, on one connection, one transaction per batch. Values are already in the form
SQLAlchemy would have sent (`Stamps`): on SQLite a datetime as its naive UTC text with
microseconds and a date as ISO text, exactly what `UTCDateTime` and `Date` store; on
PostgreSQL the aware datetime itself. The secondary indexes of the loaded tables (and on
SQLite the full-text triggers) are dropped for the load and created again from their own
saved definitions after it, the full-text index rebuilt from `cases.words` in one pass.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Engine
from sqlmodel import SQLModel

from backend.cases.search import FTS_TABLE
from backend.db import READ_ONLY

Row = tuple[Any, ...]


@dataclass(frozen=True)
class Stamps:
    """How a datetime and a date are written on this database (as SQLAlchemy writes them).

    `moment` turns the aware UTC "now" into the datetimes the rows are computed from (naive
    UTC on SQLite, so that `at` needs no conversion per row).
    """

    moment: Callable[[datetime], datetime]
    at: Callable[[datetime], Any]
    day: Callable[[date], Any]


def _naive(value: datetime) -> datetime:
    return value.replace(tzinfo=None)


def _sqlite_at(value: datetime) -> str:
    # UTCDateTime on SQLite: naive UTC, SQLAlchemy's DATETIME text "2026-11-27 02:00:00.000000".
    return value.isoformat(" ", "microseconds")


def _same(value: Any) -> Any:
    return value


SQLITE_STAMPS = Stamps(moment=_naive, at=_sqlite_at, day=date.isoformat)
POSTGRES_STAMPS = Stamps(moment=_same, at=_same, day=_same)


def stamps_for(engine: Engine) -> Stamps:
    """Return how this engine's database takes datetimes and dates from the driver."""
    return SQLITE_STAMPS if engine.dialect.name == "sqlite" else POSTGRES_STAMPS


def constant_defaults(table: str, given: Sequence[str]) -> dict[str, Any]:
    """Return the columns a row leaves out and the constant each takes (the model's default).

    Raises ValueError for a left-out column whose default is not a constant: the seeder would
    then write something else than the app.
    """
    defaults: dict[str, Any] = {}
    for column in SQLModel.metadata.tables[table].columns:
        if column.name in given:
            continue
        default = column.default
        if default is None:
            defaults[column.name] = None
        elif getattr(default, "is_scalar", False):
            defaults[column.name] = default.arg  # type: ignore[attr-defined]
        else:
            raise ValueError(f"{table}.{column.name} has no constant default")
    return defaults


class Loader:
    """Write batches of tuples into tables on one raw connection of the engine."""

    def __init__(self, engine: Engine, columns: dict[str, tuple[str, ...]]) -> None:
        self.dialect = engine.dialect.name
        self.raw = engine.raw_connection()
        self.driver: Any = self.raw.driver_connection
        if self.dialect == "sqlite" and self.raw.info.get(READ_ONLY):
            self._run(["PRAGMA query_only=OFF"])  # a pooled connection last used to read
            self.raw.info[READ_ONLY] = False
        self.columns = columns
        self.tails = {t: constant_defaults(t, c) for t, c in columns.items()}

    def write(self, batch: dict[str, list[Row]]) -> None:
        """Write one batch (table -> rows, in the order of `columns`) in one transaction."""
        if self.dialect == "sqlite":
            cursor = self.driver.cursor()
            cursor.execute("BEGIN IMMEDIATE")
            for table, rows in batch.items():
                if rows:
                    cursor.executemany(self._insert(table), rows)
            cursor.execute("COMMIT")
            return
        with self.driver.cursor() as cursor:
            for table, rows in batch.items():
                if not rows:
                    continue
                tail = tuple(self.tails[table].values())
                names = ", ".join((*self.columns[table], *self.tails[table]))
                with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row + tail)
        self.driver.commit()

    def _insert(self, table: str) -> str:
        tail = self.tails[table]
        names = ", ".join((*self.columns[table], *tail))
        marks = ", ".join(["?"] * len(self.columns[table]) + [_literal(v) for v in tail.values()])
        return f"INSERT INTO {table} ({names}) VALUES ({marks})"

    @contextmanager
    def without_indexes(self) -> Iterator[None]:
        """Drop the tables' secondary indexes (and FTS triggers) while loading; rebuild after."""
        saved = self._secondary_objects()
        self._run([f"DROP {kind} IF EXISTS {name}" for kind, name, _ in saved])
        if self.dialect == "sqlite":
            self._run(["PRAGMA synchronous=OFF", "PRAGMA cache_size=-262144"])
        else:
            self._run(["SET maintenance_work_mem = '256MB'"])
        try:
            yield
        finally:
            self._run([definition for _, _, definition in saved])
            if self.dialect == "sqlite":
                self._run(
                    [
                        f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",
                        "PRAGMA synchronous=NORMAL",
                        "PRAGMA cache_size=-2000",
                    ]
                )
            else:
                self._run([f"ANALYZE {table}" for table in self.columns])

    def _secondary_objects(self) -> list[tuple[str, str, str]]:
        """Return (kind, name, its CREATE statement) of each index or trigger to rebuild."""
        tables = list(self.columns)
        cursor = self.driver.cursor()
        if self.dialect == "sqlite":
            marks = ", ".join("?" * len(tables))
            cursor.execute(
                "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL "
                f"AND tbl_name IN ({marks}) AND (type = 'index' OR name LIKE ?) "
                "ORDER BY type, name",  # the only triggers: those feeding the FTS index
                [*tables, f"{FTS_TABLE}%"],
            )
        else:  # the indexes that back no constraint (primary keys, uniques stay)
            cursor.execute(
                "SELECT 'INDEX', i.indexname, i.indexdef FROM pg_indexes i "
                "WHERE i.schemaname = current_schema() AND i.tablename = ANY(%s) "
                "AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
                "WHERE c.conname = i.indexname) ORDER BY i.indexname",
                (tables,),
            )
        rows = [(kind.upper(), name, definition) for kind, name, definition in cursor.fetchall()]
        cursor.close()
        return rows

    def _run(self, statements: list[str]) -> None:
        cursor = self.driver.cursor()
        for statement in statements:
            cursor.execute(statement)
        cursor.close()
        if self.dialect != "sqlite":
            self.driver.commit()

    def close(self) -> None:
        """Give the connection back to the engine's pool."""
        self.raw.close()


def _literal(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool | int):
        return str(int(value))
    raise ValueError(f"no SQL literal for the default {value!r}")
