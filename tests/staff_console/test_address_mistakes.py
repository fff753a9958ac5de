"""A console page's address with a bad parameter says which one and what is wrong with it.

Reviewer, 2026-12-01: `/console/dashboard?from=2026-02-30` (the ledger, the assessment, the
exports alike) answered a bare "请求内容有误。" naming nothing, where the search page names
every bad filter.
"""

from __future__ import annotations

from html import unescape

import pytest
from fastapi.testclient import TestClient

from backend.bootstrap import Container
from tests.staff_console.queue_helpers import signed_in


@pytest.mark.parametrize(
    ("address", "words"),
    [
        ("/console/dashboard?from=2026-02-30", "开始日期"),
        ("/console/ledger?to=tomorrow", "结束日期"),
        ("/console/assessment?from=1800-01-01", "开始日期"),
    ],
)
def test_a_bad_period_in_the_address_is_named_with_what_is_wrong(
    client: TestClient, container: Container, address: str, words: str
) -> None:
    visitor = signed_in(client, container, "wang")

    answer = visitor.get(address)

    assert answer.status_code == 400
    shown = unescape(answer.text)
    assert words in shown and "YYYY-MM-DD" in shown or "1900" in shown, shown[-1500:]


def test_an_unknown_status_in_an_export_address_lists_the_statuses_by_name(
    client: TestClient, container: Container
) -> None:
    visitor = signed_in(client, container, "wang")

    chinese = unescape(visitor.get("/console/exports/cases.xlsx?status=bogus").text)
    visitor.post("/console/language", {"language": "en", "next": "/console/"})
    english = unescape(visitor.get("/console/exports/cases.xlsx?status=bogus").text)

    assert "'received', 'triage'" not in chinese and "'received', 'triage'" not in english
    assert "已受理（received）" in chinese and "已派单（routed）" in chinese, chinese[-1500:]
    assert "sent to the unit (routed)" in english, english[-1500:]
