"""Dependencies of the API, declared once as Annotated aliases."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool
from starlette.requests import HTTPConnection

from backend.actors import Actor, refuse_evaluator
from backend.api.bodies import BodyRefused
from backend.bootstrap import Container
from backend.db import end_writer_turn, read_scope, session_scope, take_writer_turn
from backend.languages import preferred_language
from backend.observability.context import bind_actor
from backend.people.service import authenticate_actor
from backend.query_strings import route_reads_query, undecodable_parameter

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_bearer = HTTPBearer(auto_error=False, description="A staff API token (intake users create)")


async def get_container(request: Request) -> Container:
    """Return the process's container, set on the app at start-up.

    `async`: it only reads an attribute, so FastAPI calls it on the event loop instead of
    sending it to the thread pool (a thread hop for every request that uses it).
    """
    container: Container = request.app.state.container
    return container


ContainerDep = Annotated[Container, Depends(get_container)]


async def refuse_undecodable_query(connection: HTTPConnection) -> None:
    """Refuse a request whose query has a parameter that is no UTF-8 (400 `bad_query_encoding`).

    A dependency of every route of the app, the console's and the public pages' (their own
    refusal forms: the API's error body, Open311's error list, a page); the rule is
    `backend.query_strings`. `async`: no thread hop; an `HTTPConnection`, so a WebSocket route
    gets it too. A route marked `backend.query_strings.reads_no_query` is let through: it
    reads no parameter, so nothing could be misread.
    """
    if not route_reads_query(connection.scope.get("route")):
        return
    name = undecodable_parameter(connection.scope.get("query_string", b""))
    if name is not None:
        raise BodyRefused(400, "bad_query_encoding", field=name)


def get_session(container: ContainerDep) -> Iterator[Session]:
    """Yield the request's unit of work: committed when the endpoint returns, before the answer.

    Decision 10: this is the one place where an API request's writes commit. `scope="function"`
    below closes the dependency right after the endpoint function returns and before FastAPI
    sends the response, so a `201` is never on the wire before its commit (by default FastAPI
    closes dependencies with `yield` after the response is sent: a crash in between lost 10 of
    10 acknowledged cases). A commit that fails turns into an error answer, never a `2xx`.
    """
    with session_scope(container.engine) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session, scope="function")]


def get_read_session(container: ContainerDep) -> Iterator[Session]:
    """Yield a session for an endpoint that only reads: it never waits for a writer.

    Issue 13, item 2: on SQLite its transaction begins deferred, so a long read (stats, an
    export) no longer holds the write lock; any write through it raises (see `read_scope`).
    """
    with read_scope(container.engine) as session:
        yield session


ReadSessionDep = Annotated[Session, Depends(get_read_session, scope="function")]


def get_current_actor(
    request: Request,
    container: ContainerDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Actor:
    """Return the staff member whose Bearer token came with the request; 401 otherwise.

    An evaluator (第三方评估) only reads: any other method is refused (403) here, before the
    body is even read, whatever the endpoint (services refuse it too).
    """
    if not credentials:
        return _actor(None, request.method)  # raises the 401
    return _check_token(container, credentials.credentials, request.method)


class WritingUnit:
    """A writing request's unit of work, opened in the endpoint's own thread.

    `open()` waits for the writer turn (SQLite), begins the write transaction and checks the
    staff token by its first statement (401, or 403 for an evaluator); `commit()` commits
    before the endpoint answers (decision 10). A unit the endpoint opened but did not commit
    is committed, or after an error rolled back, when the dependency ends.
    """

    def __init__(self, container: Container, token: str, method: str) -> None:
        self.container = container
        self.token, self._method = token, method
        self._session: Session | None = None
        self.turn: Engine | None = None  # the engine whose writer turn the unit holds
        self.committed = False

    @property
    def opened(self) -> bool:
        """Whether `open()` succeeded (the unit holds a session and, on SQLite, the turn)."""
        return self._session is not None

    def open(self) -> tuple[Session, Actor]:
        """Open the unit in the calling thread; return its session and who acts.

        Raises HTTPException 401 (no valid token) or 403 (an evaluator), the unit left
        closed and its turn given back.
        """
        session, actor, self.turn = _open_checked(self.container, self.token, self._method)
        self._session = session
        return session, actor

    @contextmanager
    def working(self) -> Iterator[tuple[Session, Actor]]:
        """Open the unit for the block; an error in it rolls back and closes it at once.

        Ended in the same (endpoint's) thread: a refused filing gives the writer turn back
        without waiting for another worker thread, which filings queued for that very turn
        may all hold (each would then wait its 30 s out).
        """
        opened = self.open()
        try:
            yield opened
        except BaseException:
            self.finish(False)
            raise

    def commit(self) -> None:
        """Commit the unit's writes now, in the calling (endpoint's) thread.

        Raises the database's error (the endpoint then answers an error, never a `2xx`:
        decision 10); the dependency rolls back and closes the unit.
        """
        if self._session is None:
            raise RuntimeError("commit of a unit that was not opened")
        self._session.commit()
        self.committed = True

    def finish(self, commit: bool) -> None:
        """End an opened unit: commit or roll back, close, give the turn back."""
        if self._session is not None:
            session, self._session = self._session, None
            _finish(session, commit, self.turn)

    def close(self) -> None:
        """Close a committed unit (nothing sent to the database: may run on the loop)."""
        if self._session is not None:
            session, self._session = self._session, None
            _close(session, self.turn)


async def get_writing_unit(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> AsyncIterator[WritingUnit]:
    """Yield the unit of work of an endpoint that writes anyway (filing a case).

    The session of `get_session` and the actor of `get_current_actor` in one: the endpoint
    opens the unit in its own worker thread (`WritingUnit.working`), where the token is read by
    the first statement of the write transaction instead of a transaction of its own, and
    commits it there (`WritingUnit.commit`), before the answer (decision 10); a committed
    unit is closed here without another thread, since nothing in it waits on the database
    any more. A filing takes one thread hop (each costs the server about 0.15 ms of CPU,
    measured), and FastAPI resolves one dependency, not four (issue 13, item 3). 401 and 403
    come before any complaint about the body, as `get_current_actor` answers them: a request
    without a token is refused here, and a body FastAPI refuses is answered 401 or 403
    first when the token is not valid or an evaluator's (checked then, in a thread).
    """
    if not credentials:
        _actor(None, request.method)  # raises the 401
    container: Container = request.app.state.container
    unit = WritingUnit(container, credentials.credentials if credentials else "", request.method)
    # A cancelled request still ends what its worker thread opened (anyio waits for the
    # thread and cancels at the next checkpoint), and FastAPI ends the dependency shielded:
    # the turn is given back either way (tests/api/test_writer_turn.py).
    try:
        yield unit
    except RequestValidationError:
        if not unit.opened:  # the body was refused before the endpoint ran
            # Who asks is told first, as every write endpoint does (401, or 403 for an
            # evaluator): a check of its own, paid only by a refused body.
            await run_in_threadpool(_check_token, container, unit.token, request.method)
        raise
    except BaseException:
        if unit.opened:
            await run_in_threadpool(unit.finish, False)
        raise
    if unit.committed:
        unit.close()
    elif unit.opened:
        await run_in_threadpool(unit.finish, True)


def _check_token(container: Container, token: str, method: str) -> Actor:
    """Return who the token belongs to; HTTPException 401, or 403 for an evaluator's writes.

    A read-only transaction of its own: it takes no lock on SQLite.
    """
    with read_scope(container.engine) as session:
        return _actor(authenticate_actor(session=session, token=token), method)


def _open_checked(
    container: Container, token: str, method: str
) -> tuple[Session, Actor, Engine | None]:
    # On SQLite the unit waits for the process's writer turn first (backend.db says why).
    turn = container.engine if take_writer_turn(container.engine) else None
    session = Session(container.engine, expire_on_commit=False)
    try:
        return session, _actor(authenticate_actor(session=session, token=token), method), turn
    except BaseException:
        session.close()  # rolls back what the token check began
        if turn is not None:
            end_writer_turn(turn)
        raise


def _finish(session: Session, commit: bool, turn: Engine | None = None) -> None:
    """End a unit of work as `session_scope` does: commit or roll back, then close (and end
    the writer turn it took)."""
    try:
        if commit:
            session.commit()
        else:
            session.rollback()
    except BaseException:
        session.rollback()
        raise
    finally:
        _close(session, turn)


def _close(session: Session, turn: Engine | None) -> None:
    """Close a unit whose transaction has ended and give its writer turn back.

    After a commit this sends nothing to the database (the pool's reset on return finds no
    transaction: sqlite3 and psycopg then do nothing), so it may run on the event loop.
    """
    try:
        session.close()
    finally:
        if turn is not None:
            end_writer_turn(turn)


def _actor(actor: Actor | None, method: str) -> Actor:
    if actor is None:
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail="a valid Bearer token is required",
            headers={"WWW-Authenticate": "Bearer"},
        )
    bind_actor(actor)  # the request's log lines name who acts (id and role, not the name)
    if method not in READ_METHODS:
        refuse_evaluator(actor, "change anything")
    return actor


CurrentActor = Annotated[Actor, Depends(get_current_actor)]
WritingUnitDep = Annotated[WritingUnit, Depends(get_writing_unit, scope="function")]


def get_language(request: Request) -> str:
    """Return zh or en from the Accept-Language header (English when it says nothing)."""
    return preferred_language(request.headers.get("accept-language"), default="en")


Language = Annotated[str, Depends(get_language)]
