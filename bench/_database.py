"""The database a benchmark runs on: a fresh SQLite file or a fresh PostgreSQL schema."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, text

from backend.bootstrap import build, prepare_database
from backend.db import session_scope
from backend.migrate import upgrade
from backend.people.service import create_staff
from backend.settings import load_settings


def fresh_database(folder: Path, name: str, postgres: str | None) -> str:
    """Return the URL of an upgraded, empty database holding the taxonomy and calendar."""
    if postgres is None:
        url = f"sqlite:///{folder / name}.db"
    else:
        base = load_settings(database_url=postgres).database_url
        engine = create_engine(base)
        with engine.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "bench_{name}" CASCADE'))
            connection.execute(text(f'CREATE SCHEMA "bench_{name}"'))
        engine.dispose()
        url = f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3Dbench_{name}"
    upgrade(url)
    container = build(load_settings(database_url=url, data_dir=folder / "var"))
    prepare_database(container)
    container.engine.dispose()
    return url


def coordinator_token(url: str, folder: Path) -> str:
    """Create a coordinator and return the API token to send as its Bearer."""
    container = build(load_settings(database_url=url, data_dir=folder / "var"))
    with session_scope(container.engine) as session:
        _, token = create_staff(
            session=session,
            name="bench",
            role="coordinator",
            department="fgw",
            clock=container.clock,
        )
    container.engine.dispose()
    return token
