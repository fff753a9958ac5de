"""The per-test PostgreSQL reset fails one test, never hangs the run, on a leaked lock."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from tests.conftest import POSTGRES_URL, _empty_postgres

pytestmark = pytest.mark.skipif(not POSTGRES_URL, reason="needs INTAKE_TEST_POSTGRES_URL")


def test_a_transaction_left_open_fails_the_reset_naming_it_and_is_ended(postgres_url: str) -> None:
    leaker = create_engine(postgres_url)
    connection = leaker.connect()
    connection.execute(text("SELECT count(*) FROM cases"))  # holds a lock until it ends

    with pytest.raises(pytest.fail.Exception, match="SELECT count"):
        _empty_postgres(postgres_url, lock_timeout="200ms")

    _empty_postgres(postgres_url, lock_timeout="5s")  # the holder was ended: no wait now
    connection.invalidate()
    leaker.dispose()
