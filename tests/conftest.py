"""Shared fixtures: one database per test on SQLite and, when asked, on PostgreSQL."""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import fastapi.dependencies.models
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import OperationalError
from sqlmodel import SQLModel

import backend.models  # noqa: F401
from backend.api.app import create_app
from backend.bootstrap import Container, build, prepare_database
from backend.db import make_engine, session_scope
from backend.migrate import upgrade
from backend.people.service import create_staff
from backend.routing.router import Router
from backend.settings import DEFAULT_TAXONOMY, Settings, load_settings
from backend.taxonomy.loader import load_taxonomy
from backend.taxonomy.models import Taxonomy
from tests.fakes import FakeClock, PublishedCalendar

POSTGRES_URL = os.environ.get("INTAKE_TEST_POSTGRES_URL", "").strip()
BACKENDS = ["sqlite"] + (["postgres"] if POSTGRES_URL else [])
LOCK_NOT_AVAILABLE = "55P03"  # PostgreSQL's SQLSTATE when lock_timeout ends a wait


def pytest_sessionstart(session: pytest.Session) -> None:
    """Fail the run, never skip, when PostgreSQL was asked for and does not answer."""
    if not POSTGRES_URL:
        return
    url = load_settings(database_url=POSTGRES_URL).database_url
    try:
        engine = create_engine(url)
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
    except Exception as exc:  # noqa: BLE001 - any failure to connect ends the run
        pytest.exit(f"INTAKE_TEST_POSTGRES_URL is set but PostgreSQL is unreachable: {exc}", 1)


@pytest.fixture(autouse=True)
def _forget_this_tests_apps() -> Iterator[None]:
    """Let the apps a test built be collected: FastAPI caches every endpoint it has seen.

    `fastapi.dependencies.models` keeps up to 4,096 callables per cache, each a closure over
    its app; with an app or two per test the run's heap grew by some 23,000 objects a test
    (14 million in a worker by the end), and each full collection took seconds.
    """
    yield
    for cached in vars(fastapi.dependencies.models).values():
        if callable(getattr(cached, "cache_clear", None)):
            cached.cache_clear()


@pytest.fixture(scope="session")
def taxonomy() -> Taxonomy:
    return load_taxonomy(DEFAULT_TAXONOMY)


@pytest.fixture(scope="session")
def router(taxonomy: Taxonomy) -> Router:
    return Router(taxonomy)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    upgrade(f"sqlite:///{path}")
    return path


@contextmanager
def postgres_schema(tag: str = "") -> Iterator[str]:
    """A new empty schema in the test database, dropped on exit; its URL (search_path set)."""
    base = load_settings(database_url=POSTGRES_URL).database_url
    schema = f"t{os.getpid()}_{tag}{secrets.token_hex(3)}"
    engine = create_engine(base)
    with engine.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"
    finally:
        with engine.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A schema of this run's own in the test database, so parallel runs never collide."""
    with postgres_schema() as url:
        upgrade(url)
        yield url


def _empty_postgres(url: str, lock_timeout: str = "60s") -> None:
    """Truncate every table; a connection an earlier test left holding a lock fails this one.

    Without the lock timeout a leaked transaction would hang the whole run at the next
    TRUNCATE; with it, this test fails naming the holder, the holder is ended and the run goes on.
    """
    engine = create_engine(url)
    tables = ", ".join(f'"{t.name}"' for t in SQLModel.metadata.sorted_tables)
    try:
        with engine.begin() as connection:
            connection.execute(text(f"SET LOCAL lock_timeout = '{lock_timeout}'"))
            connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    except OperationalError as error:
        if getattr(error.orig, "sqlstate", None) != LOCK_NOT_AVAILABLE:
            raise
        holders = _end_lock_holders(engine)
        pytest.fail(f"a connection left open by an earlier test held a lock: {holders}")
    finally:
        engine.dispose()


def _end_lock_holders(engine: Engine) -> list[str]:
    """End the other connections holding locks on this schema's tables; say what they ran."""
    with engine.begin() as connection:
        rows = connection.execute(
            text(
                "SELECT DISTINCT a.pid, a.state, a.application_name, left(a.query, 200)"
                " FROM pg_locks l JOIN pg_class c ON c.oid = l.relation"
                " JOIN pg_stat_activity a ON a.pid = l.pid"
                " WHERE c.relnamespace = current_schema()::regnamespace"
                " AND l.pid <> pg_backend_pid()"
            )
        ).all()
        for row in rows:
            connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": row[0]})
    return [f"pid {pid} ({state}, {app!r}): {query}" for pid, state, app, query in rows]


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A migrated, empty database: a template copy on SQLite, a truncated one on PostgreSQL."""
    if request.param == "sqlite":
        path = tmp_path / "intake.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite:///{path}"
    url: str = request.getfixturevalue("postgres_url")
    _empty_postgres(url)
    return url


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return load_settings(env="test", database_url=database_url, data_dir=tmp_path / "var")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def container(settings: Settings, clock: FakeClock, router: Router) -> Iterator[Container]:
    # A clone: corrections learned in one test must not change routing in the next. The
    # published calendar stops at 2026 whatever the installed chinesecalendar knows.
    built = build(
        settings, clock=clock, router=router.clone(), published_calendar=PublishedCalendar()
    )
    prepare_database(built)
    yield built
    built.engine.dispose()


@pytest.fixture
def engine(container: Container) -> Engine:
    return container.engine


@pytest.fixture
def client(container: Container) -> Iterator[TestClient]:
    with TestClient(create_app(container)) as test_client:
        yield test_client


@dataclass
class Staff:
    """API tokens of a few staff members, as headers ready to send."""

    coordinator: dict[str, str]
    czj_clerk: dict[str, str]
    sfj_clerk: dict[str, str]
    xyz_clerk: dict[str, str]
    fgw_clerk: dict[str, str]


@pytest.fixture
def staff(container: Container) -> Staff:
    def token(role: str, department: str, name: str) -> dict[str, str]:
        with session_scope(container.engine) as session:
            _, value = create_staff(
                session=session,
                name=name,
                role=role,
                department=department,
                clock=container.clock,
            )
        return {"Authorization": f"Bearer {value}"}

    return Staff(
        coordinator=token("coordinator", "fgw", "协调员 王"),
        czj_clerk=token("clerk", "czj", "财政局 李"),
        sfj_clerk=token("clerk", "sfj", "司法局 赵"),
        xyz_clerk=token("clerk", "xyz", "西于庄 孙"),
        fgw_clerk=token("clerk", "fgw", "发改委 周"),
    )


def open_engine(url: str) -> Engine:
    """Open another engine on the same database (a second process, in effect)."""
    return make_engine(url)
