"""Two `intake db upgrade` at once on one PostgreSQL database (two deploy jobs): both end well."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from backend.migrate import known_revisions
from tests.conftest import POSTGRES_URL, postgres_schema

pytestmark = pytest.mark.skipif(not POSTGRES_URL, reason="needs INTAKE_TEST_POSTGRES_URL")
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def empty_schema() -> Iterator[str]:
    """A schema with no table in the test database; its URL."""
    with postgres_schema("up_") as url:
        yield url


def test_two_upgrades_started_together_both_succeed_and_the_schema_is_migrated_once(
    empty_schema: str,
) -> None:
    command = [sys.executable, "-m", "backend.cli.main", "db", "upgrade"]
    env = {**os.environ, "INTAKE_DATABASE_URL": empty_schema, "INTAKE_ENV": "test"}
    runs = [
        subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=300)[0].decode() for run in runs]

    assert [run.returncode for run in runs] == [0, 0], outputs
    engine = create_engine(empty_schema)
    with engine.connect() as connection:
        versions = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    engine.dispose()
    assert len(versions) == 1 and versions[0][0] in known_revisions()
