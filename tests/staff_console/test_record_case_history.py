"""The case page of a dishonesty record tells its history in words, never in codes.

Reviewer, 2026-12-01: a record's case page (opened for its files and internal notes) showed
`record_report · … · draft → reported`, `days_late 9`, `rectification_state ordered`,
`objector_kind person`, `outcome corrected`: the record page's own labels were not used.
"""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from backend.bootstrap import Container
from tests.conftest import Staff
from tests.records.helpers import filed, stepped
from tests.staff_console.queue_helpers import signed_in

CODES = [
    "record_report",
    "order_rectification",
    "decide_objection",
    "rectification_state",
    "objection_state",
    "objector_kind",
    "publicity_state",
    "days_late",
    "outcome",
    "ordered",
    "pending",
    "upheld",
    "corrected",
    "published",
]


def _history(page: str) -> str:
    section = page[page.index('class="history"') :]
    return re.sub(r'data-[a-z]+="[^"]*"|class="[^"]*"|<[^>]+>', " ", section)


@pytest.mark.parametrize(("language", "words"), [("zh", "责令"), ("en", "rectification")])
def test_a_records_case_page_names_each_step_and_detail_in_the_visitors_language(
    client: TestClient, container: Container, staff: Staff, language: str, words: str
) -> None:
    record = filed(client, staff.fgw_clerk, department="sfj")
    record = stepped(client, staff.coordinator, record, "order_rectification", days=10)
    record = stepped(client, staff.coordinator, record, "publish")
    who = {"objector_kind": "person", "objector_name": "李某"}
    record = stepped(client, staff.sfj_clerk, record, "object", reason="处分已撤销", **who)
    stepped(
        client,
        staff.coordinator,
        record,
        "decide_objection",
        upheld=True,
        outcome="corrected",
        reason="更正",
        summary="承诺的企业补贴已部分兑现，余款未按期兑现，受到党内警告处分",
    )
    visitor = signed_in(client, container, "wang")
    visitor.get("/console/")  # the signed-in session's form token
    visitor.post("/console/language", {"language": language, "next": "/console/"})

    history = _history(visitor.get(f"/console/cases/{record['number']}").text)

    assert words in history
    # In English "pending" or "upheld" is the label itself; a code with "_" never is.
    codes = [code for code in CODES if language == "zh" or "_" in code]
    assert [code for code in codes if re.search(rf"\b{code}\b", history)] == []
