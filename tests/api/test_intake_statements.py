"""Filing through the API runs one transaction of few statements (issue 13, item 3).

The statements are listed by verb and table, so a change that adds one (a flush, a read of
what was just written, a clock looked for on a case that cannot have one) shows here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine, event

from tests.api.helpers import ARREARS, file_case
from tests.conftest import Staff

_TABLE = re.compile(r"\b(?:INTO|FROM)\s+\"?(\w+)", re.IGNORECASE)

# The token check, the case and its first events, its clocks, the notice to its unit.
ROUTED = [
    "SELECT staff_accounts",  # the Bearer token, in the write transaction
    "INSERT case_counters",  # the day's number, one upsert
    "INSERT cases",  # already routed
    "INSERT case_events",  # receive and route, one statement
    "SELECT calendar_state",  # the calendar's revision, for the clocks
    "INSERT deadlines",  # sign and resolve, one statement
    "SELECT staff_accounts",  # the unit's clerks, their chats and addresses, its robots
    "INSERT inbox_items",  # the new-case notice in the clerk's console inbox
    "INSERT notifications",  # the same notice for the unit's other channels (none: recorded)
]


@contextmanager
def recorded(engine: Engine) -> Iterator[dict[str, list[str]]]:
    """Record the statements sent (BEGIN aside, as verb and table) and the commits."""
    log: dict[str, list[str]] = {"statements": [], "commits": []}

    def statement(_conn: Any, _cursor: Any, sql: str, *_args: Any) -> None:
        verb = sql.split()[0].upper()
        if verb not in ("BEGIN", "SAVEPOINT", "RELEASE"):
            match = _TABLE.search(sql)
            log["statements"].append(f"{verb} {match.group(1) if match else '?'}")

    def commit(_conn: Any) -> None:
        log["commits"].append("commit")

    event.listen(engine, "before_cursor_execute", statement)
    event.listen(engine, "commit", commit)
    try:
        yield log
    finally:
        event.remove(engine, "before_cursor_execute", statement)
        event.remove(engine, "commit", commit)


def test_filing_a_named_case_is_one_transaction_of_ten_statements(
    client: TestClient, staff: Staff, engine: Engine
) -> None:
    file_case(client, staff.coordinator, text=ARREARS)  # the calendar is loaded once
    reporter = {"name": "张三", "phone": "13800000000"}
    with recorded(engine) as log:
        case = file_case(client, staff.coordinator, text=ARREARS, reporter=reporter)
    assert case["status"] == "routed"
    assert log == {
        "statements": [ROUTED[0], "INSERT reporters", *ROUTED[1:]],
        "commits": ["commit"],
    }


def test_filing_an_anonymous_case_writes_the_same_but_no_reporter(
    client: TestClient, staff: Staff, engine: Engine
) -> None:
    file_case(client, staff.coordinator, text=ARREARS)
    with recorded(engine) as log:
        case = file_case(client, staff.coordinator, text=ARREARS)
    assert case["pin"] is not None
    assert log == {"statements": ROUTED, "commits": ["commit"]}
