"""Prebuilt statements of the intake's hot path, sent by the database driver itself.

SQLAlchemy's execution of a statement costs about 35-40 us of Python (compiled-cache lookup,
parameter processing, result set-up) against 1-2 us for the driver's own call (measured on
SQLite, issue 13, item 3), and a filing runs a handful of prebuilt reads and one upsert (the
token check, the calendar's revision, the day's number, the unit's clerks). `fetch_all`
compiles such a statement once per dialect (kept on the dialect, as `backend.bulk` keeps its
inserts), sends each value through its type's bind processor and each result through its
type's result processor, as SQLAlchemy would, and raises a driver error as SQLAlchemy's own
(`raise_as_sqlalchemy`): callers and error handlers see no difference. A statement it cannot
send this way (an expanding `IN`, a parameter style it does not know) takes SQLAlchemy's
execution instead; so does every statement while a listener watches the engine's statements
(`before_execute`: SQLAlchemy's statement-level event).
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NoReturn, cast

from sqlalchemy import Connection
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.expression import Executable

_KEPT = "intake_driver_statements"  # a dialect's own cache (its processors refer to it)
_POSITIONAL = frozenset({"qmark", "format", "numeric"})
_NAMED = frozenset({"pyformat", "named"})
Processor = Callable[[Any], Any] | None


@dataclass(frozen=True)
class _Parameter:
    """One placeholder of the SQL: the caller's value by `key`, else a value fixed in it."""

    name: str  # as the SQL names it (pyformat)
    key: str  # as the caller names it
    process: Processor
    fixed: bool
    value: Any  # the processed value when fixed


@dataclass(frozen=True)
class _Prepared:
    """A statement compiled for one dialect, with what its values and results go through."""

    sql: str
    parameters: tuple[_Parameter, ...]
    positional: bool
    types: tuple[Any, ...] | None  # each column's type for the dialect; None: not typed
    names: tuple[str, ...] | None  # the columns' names, when known from the statement
    dbapi_error: type[Exception]
    dialect: Dialect
    # Result processors by the driver's type codes of the columns (PostgreSQL's numeric
    # processors depend on them), worked out at the first answer.
    results: dict[tuple[Any, ...], tuple[Processor, ...]] = field(default_factory=dict)

    def processors(self, description: Any) -> tuple[Processor, ...] | None:
        """Return the result processors of an answer's columns (None: no column has one)."""
        if self.types is None:
            return None
        codes = tuple(column[1] for column in description)
        found = self.results.get(codes)
        if found is None:
            dialect = self.dialect
            found = tuple(
                kind.result_processor(dialect, code)
                for kind, code in zip(self.types, codes, strict=True)
            )
            self.results[codes] = found
        return found if any(found) else None

    def values(self, params: Mapping[str, Any]) -> Sequence[Any] | dict[str, Any]:
        """Return the driver's parameters: a list in placeholder order, or a mapping.

        The caller's value wins over one fixed in the statement, as in SQLAlchemy; a value
        neither gives raises KeyError.
        """
        processed = []
        for p in self.parameters:
            if p.key in params:
                value = params[p.key]
                processed.append(value if p.process is None else p.process(value))
            elif p.fixed:
                processed.append(p.value)
            else:
                raise KeyError(p.key)
        if self.positional:
            return processed
        return {p.name: value for p, value in zip(self.parameters, processed, strict=True)}


def fetch_all(
    connection: Connection, statement: Executable, params: Mapping[str, Any] | None = None
) -> list[Any]:
    """Run a prebuilt statement on the connection; return its rows (none for no result).

    Rows are tuples whose columns are also attributes (`row.id`), as SQLAlchemy's rows are.
    Raises SQLAlchemy's `DBAPIError` subclasses (`OperationalError`, `IntegrityError`, ...)
    for a driver error, with the values hidden when the engine hides them; a lost connection
    is invalidated first. A missing parameter raises KeyError.
    """
    params = params or {}
    prepared = _prepared(connection.dialect, statement)
    # Outside a transaction SQLAlchemy's execution begins one (the engine's "begin" event).
    if prepared is None or connection.dispatch.before_execute or not connection.in_transaction():
        return list(connection.execute(statement, dict(params)).all())
    values = prepared.values(params)
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    events = connection.dispatch  # cursor-event listeners see it as SQLAlchemy's own
    try:
        events.before_cursor_execute(connection, cursor, prepared.sql, values, None, False)
        cursor.execute(prepared.sql, values)
        raw = cursor.fetchall() if cursor.description is not None else []
        events.after_cursor_execute(connection, cursor, prepared.sql, values, None, False)
        return _rows(prepared, cursor.description, raw)
    except prepared.dbapi_error as error:
        raise_as_sqlalchemy(connection, cursor, prepared.sql, values, error, prepared.dbapi_error)
    finally:
        cursor.close()


def execute_sql(connection: Connection, sql: str) -> None:
    """Send one command without parameters or rows (BEGIN, a PRAGMA) by the driver itself.

    For the engine's "begin" listener (backend.db), where SQLAlchemy's `exec_driver_sql`
    cost 25-30 us a transaction; cursor listeners see it, and an error is SQLAlchemy's
    (a database locked past its busy timeout: `OperationalError`, answered 503).
    """
    dbapi_error = connection.dialect.loaded_dbapi.Error
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    events = connection.dispatch
    try:
        events.before_cursor_execute(connection, cursor, sql, (), None, False)
        cursor.execute(sql)
        events.after_cursor_execute(connection, cursor, sql, (), None, False)
    except dbapi_error as error:
        raise_as_sqlalchemy(connection, cursor, sql, (), error, dbapi_error)
    finally:
        cursor.close()


def raise_as_sqlalchemy(
    connection: Connection,
    cursor: Any,
    sql: str,
    params: Any,
    error: Exception,
    dbapi_error: type[Exception],
) -> NoReturn:
    """Raise a driver error as SQLAlchemy's execution does.

    A lost connection is invalidated (the pool replaces it; the session's rollback does not
    talk to a dead socket), and the values stay out of the message when the engine hides
    them (backend.db).
    """
    dialect = connection.dialect
    raw = connection.connection.dbapi_connection
    lost = dialect.is_disconnect(cast(Any, error), raw, cursor)
    if lost:
        connection.invalidate(error)
    raise DBAPIError.instance(
        sql,
        params,
        error,
        dbapi_error,
        hide_parameters=connection.engine.hide_parameters,
        connection_invalidated=lost,
        dialect=dialect,
    ) from error


def _rows(prepared: _Prepared, description: Any, raw: list[Any]) -> list[Any]:
    if description is None:
        return []
    names = prepared.names or tuple(column[0] for column in description)
    row_type = _row_type(names)
    results = prepared.processors(description)
    if results is None:
        return [row_type(*row) for row in raw]
    return [
        row_type(*(v if f is None else f(v) for f, v in zip(results, row, strict=True)))
        for row in raw
    ]


_ROW_TYPES: dict[tuple[str, ...], type] = {}


def _row_type(names: tuple[str, ...]) -> type:
    row_type = _ROW_TYPES.get(names)
    if row_type is None:
        # A named tuple made per column list: its names are only known from the statement.
        made = namedtuple("Row", names, rename=True)  # type: ignore[misc]  # noqa: PYI024
        row_type = _ROW_TYPES.setdefault(names, made)
    return row_type


def _prepared(dialect: Dialect, statement: Executable) -> _Prepared | None:
    kept: dict[int, tuple[Executable, _Prepared | None]] = dialect.__dict__.setdefault(_KEPT, {})
    found = kept.get(id(statement))
    if found is not None and found[0] is statement:  # the statement itself keeps its id
        return found[1]
    prepared = _prepare(dialect, statement)
    kept[id(statement)] = (statement, prepared)
    return prepared


def _prepare(dialect: Dialect, statement: Executable) -> _Prepared | None:
    """Compile a statement for the dialect, or None where the driver cannot take it as is."""
    style = dialect.paramstyle
    if style not in _POSITIONAL | _NAMED:
        return None
    compiled = cast(SQLCompiler, cast(ClauseElement, statement).compile(dialect=dialect))
    if any(
        bind.expanding or bind.callable is not None or (bind.unique and bind.required)
        for bind in compiled.binds.values()
    ):
        # IN (...) is rendered per call by SQLAlchemy, a callable's value too, and a unique
        # parameter the caller names is renamed in the SQL (SQLAlchemy maps the names back).
        return None
    positional = style in _POSITIONAL
    order = list(compiled.positiontup or []) if positional else list(compiled.bind_names.values())
    if positional and compiled.positiontup is None:
        return None
    parameters = []
    for name in dict.fromkeys(order) if not positional else order:
        bind = compiled.binds[name]
        process = bind.type.dialect_impl(dialect).bind_processor(dialect)
        fixed = not bind.required
        value = None
        if fixed:
            value = bind.value if process is None else process(bind.value)
        sent = compiled.escaped_bind_names.get(name, name)  # "a b" is sent as a_b
        parameters.append(_Parameter(sent, bind.key, process, fixed, value))
    # A SELECT's columns, or those an INSERT/UPDATE/DELETE returns (none for text()).
    columns = getattr(statement, "exported_columns", None)
    types: tuple[Any, ...] | None = None
    names: tuple[str, ...] | None = None
    if columns:
        types = tuple(column.type.dialect_impl(dialect) for column in columns)
        names = tuple(column.key for column in columns)
    return _Prepared(
        str(compiled),
        tuple(parameters),
        positional,
        types,
        names,
        dialect.loaded_dbapi.Error,
        dialect,
    )
