"""Insert several new rows of one table in one statement, and keep them in the session."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeVar

from sqlalchemy import Connection, Dialect, Insert, Table, event, insert, inspect
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import SessionTransaction, make_transient_to_detached
from sqlmodel import Session, SQLModel

from backend.driver import raise_as_sqlalchemy

Row = TypeVar("Row", bound=SQLModel)
INSERTED = "inserted"  # session.info: (the transaction, its rows) of each insert_all


def new_row(model: type[Row], **values: Any) -> Row:
    """Return a new, unwritten row of a table model: `model(**values)` without its cost.

    A table model's constructor sets each field through SQLAlchemy's instrumented attributes
    and SQLModel's `__setattr__` (about 20 µs for a case); this fills the instance's dict at
    once, with the model's defaults for what `values` leaves out, as loading a row does. The
    row is transient like a constructed one: `session.add` and a flush, or `insert_all`,
    write it. No validation (a table model's constructor does none either).
    """
    row: Row = inspect(model).class_manager.new_instance()
    fields = dict(_defaults(model))
    fields.update(values)
    row.__dict__.update(fields)
    object.__setattr__(row, "__pydantic_fields_set__", set(values))
    return row


@cache
def _defaults(model: type[SQLModel]) -> tuple[tuple[str, Any], ...]:
    """Return the defaults of a model's fields that have a plain one (no factory)."""
    found = []
    for name, field in model.model_fields.items():
        if field.default_factory is not None:
            raise TypeError(f"{model.__name__}.{name}: new_row takes no default factory")
        if not field.is_required():
            found.append((name, field.default))
    return tuple(found)


def insert_all(session: Session, rows: Sequence[Row]) -> list[Row]:
    """Write new rows of one table with one INSERT ... RETURNING id; return them, persistent.

    The ORM's flush sends one INSERT per row on SQLite (it cannot match the ids RETURNING
    gives back to the rows without a sentinel column); a multi-row VALUES takes the rows in
    their order and SQLite and PostgreSQL hand out ascending ids in that order, so the ids,
    sorted, are the rows'. The rows then join the session as
    loaded, persistent objects: a later change to one is an UPDATE, and `session.get` finds
    it without a query. Each row must be complete (every column set, as a model's defaults
    set them) and new.
    """
    if not rows:
        return []
    table_name = str(type(rows[0]).__tablename__)
    connection = session.connection()  # begins the transaction as any statement would
    writer = _driver_insert(connection.dialect, table_name, len(rows))
    columns = _columns(table_name)
    # Read from each row's dict (a row built by new_row holds every column there), past the
    # instrumented attributes; a column a row lacks there is read the usual way.
    values = [
        [row.__dict__[name] if name in row.__dict__ else getattr(row, name) for name in columns]
        for row in rows
    ]
    if writer is not None:
        ids = sorted(writer.write(connection, values))
    else:
        # Given several rows and RETURNING, SQLAlchemy's "insertmanyvalues" sends one
        # multi-row VALUES; the statement without values is built once and cached.
        statement = _insert_returning_id(table_name)
        named = [dict(zip(columns, row_values, strict=True)) for row_values in values]
        written = connection.execute(statement, named).scalars()
        ids = [written.one()] if len(named) == 1 else sorted(written)
    for row, row_id in zip(rows, ids, strict=True):
        # Every table here has an integer id; set in the row's dict as loading does (the
        # instrumented attribute would record a change that the next line discards).
        row.__dict__["id"] = row_id
        make_transient_to_detached(row)
        session.add(row)
    # A session holds its clean rows weakly: keep the new ones alive while it lasts, so an
    # answer built from what was written (deadlines.views.held_deadlines) still finds them.
    # With the transaction (or savepoint) that wrote them, which `_forget_undone` reads.
    written_in = session.get_nested_transaction() or session.get_transaction()
    session.info.setdefault(INSERTED, []).append((written_in, list(rows)))
    return list(rows)


@event.listens_for(OrmSession, "after_soft_rollback")
def _forget_undone(session: OrmSession, previous_transaction: SessionTransaction) -> None:
    """Take the rows a rolled-back transaction or savepoint wrote out of the session.

    The session took them as loaded rows, not as new ones, so its rollback would leave them
    there as if they existed: a later `session.get` would find them, and a row given the
    same id afterwards (SQLite reuses the highest) would meet a stale one. Rows of a
    savepoint that was kept belong to the transaction around it and leave with it.
    """
    batches = session.info.get(INSERTED)
    if not batches:
        return
    kept = []
    for written_in, rows in batches:
        if not _within(written_in, previous_transaction):
            kept.append((written_in, rows))
            continue
        for row in rows:
            if row in session:
                session.expunge(row)
    session.info[INSERTED] = kept


def _within(transaction: SessionTransaction | None, outer: SessionTransaction) -> bool:
    """Return whether `transaction` is `outer` or was begun inside it."""
    while transaction is not None:
        if transaction is outer:
            return True
        transaction = transaction.parent
    return False


def table_of(model: type[SQLModel]) -> Table:
    """Return a table model's Core table, for statements that read plain rows."""
    return table_of_name(str(model.__tablename__))


def table_of_name(table_name: str) -> Table:
    """Return the Core table of a table name."""
    return SQLModel.metadata.tables[table_name]


@cache
def _columns(table_name: str) -> tuple[str, ...]:
    """Return the columns an insert gives values for: all but the id."""
    return tuple(c.name for c in table_of_name(table_name).columns if c.name != "id")


@cache
def _insert_returning_id(table_name: str) -> Insert:
    """Return a table's INSERT ... RETURNING id (SQLAlchemy's way, for many rows)."""
    table = table_of_name(table_name)
    return insert(table).returning(table.c.id)


@dataclass(frozen=True)
class _DriverInsert:
    """One table's multi-row INSERT ... RETURNING id, sent by the driver itself.

    SQLAlchemy's own execution costs about 50 µs a statement in Python (compiled-cache lookup,
    parameter processing, result set-up) against 15 µs for the driver; an intake writes
    several rows this way. The values go through the column types' own bind processors (an
    aware datetime becomes SQLite's text, JSON is serialised) exactly as SQLAlchemy would
    send them, and a driver error is raised as SQLAlchemy's (`OperationalError` for a busy
    database, `IntegrityError`), so callers and error handlers see no difference.
    """

    sql: str
    processors: tuple[Callable[[Any], Any] | None, ...]
    dbapi_error: type[Exception]

    def write(self, connection: Connection, values: list[list[Any]]) -> list[int]:
        """Insert the rows (each a list of column values in `_columns` order); return ids."""
        params: list[Any] = []
        for row_values in values:
            for process, value in zip(self.processors, row_values, strict=True):
                params.append(value if process is None else process(value))
        cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        # Listeners of the engine's cursor events (statement logs, tracing) see this statement
        # as they see SQLAlchemy's own; with none, the calls cost next to nothing.
        events = connection.dispatch
        try:
            events.before_cursor_execute(connection, cursor, self.sql, params, None, False)
            cursor.execute(self.sql, params)
            ids = [row[0] for row in cursor.fetchall()]
            events.after_cursor_execute(connection, cursor, self.sql, params, None, False)
            return ids
        except self.dbapi_error as error:
            raise_as_sqlalchemy(connection, cursor, self.sql, params, error, self.dbapi_error)
        finally:
            cursor.close()


_PLACEHOLDERS = {"qmark": "?", "format": "%s", "pyformat": "%s"}
_MOST_ROWS = 64  # more rows at once (none in a request) take SQLAlchemy's batching
_WRITERS = "intake_bulk_writers"  # a dialect's own cache of them (its processors hold it)


def _driver_insert(dialect: Dialect, table_name: str, count: int) -> _DriverInsert | None:
    """Return the driver-level insert of `count` rows for this dialect, None where there is
    none (an unknown parameter style, or many rows)."""
    # Kept on the dialect, not in a module-level map keyed by it: the bind processors refer
    # to the dialect, so such a map would keep every engine's dialect alive.
    kept: dict[tuple[str, int], _DriverInsert | None] = dialect.__dict__.setdefault(_WRITERS, {})
    key = (table_name, count)
    if key in kept:
        return kept[key]
    placeholder = _PLACEHOLDERS.get(dialect.paramstyle)
    dbapi = dialect.loaded_dbapi
    writer = None
    if placeholder is not None and count <= _MOST_ROWS:
        table = table_of_name(table_name)
        quote = dialect.identifier_preparer.quote
        columns = [table.c[name] for name in _columns(table_name)]
        one = "(" + ", ".join([placeholder] * len(columns)) + ")"
        sql = (
            f"INSERT INTO {dialect.identifier_preparer.format_table(table)} "
            f"({', '.join(quote(c.name) for c in columns)}) "
            f"VALUES {', '.join([one] * count)} RETURNING {quote('id')}"
        )
        processors = tuple(c.type.dialect_impl(dialect).bind_processor(dialect) for c in columns)
        writer = _DriverInsert(sql, processors, dbapi.Error)
    kept[key] = writer
    return writer
