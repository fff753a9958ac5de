"""A record's history (办理记录) names each detail in words and keeps the system's own data out.

Reviewer, 2026-12-03: the history of a record filed in the console showed `channel console
kind dishonesty_record idempotency_key staff:2:6785a4ed… idempotency_request 66b2e9ec…`,
`days 5` and, for a dismissed objection, `处理 None`; its case page showed the two
idempotency values as well. The idempotency key and the request's fingerprint are what the
system keeps to answer a resent request; no reader is shown them, on a page or in the API.
"""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from backend.bootstrap import Container
from tests.conftest import Staff
from tests.records.helpers import stepped
from tests.staff_console.case_visits import clerk, coordinator, signed_in
from tests.staff_console.test_record_new import file

WHO = {"objector_kind": "person", "objector_name": "李某"}
SYSTEM_DATA = ("idempotency", "staff:")


def _details(page: str, section: str) -> list[tuple[str, str]]:
    """Return the (label, value) pairs of a history's details, as a reader sees them."""
    history = page[page.index(section) :]
    pairs = re.findall(r"<dt>(.*?)</dt><dd[^>]*>(.*?)</dd>", history, re.DOTALL)
    return [(html.unescape(k).strip(), html.unescape(v).strip()) for k, v in pairs]


def _console_record_with_a_dismissed_objection(
    client: TestClient, container: Container, staff: Staff
) -> dict[str, Any]:
    """File a record in the console, order its rectification in 5 days, dismiss an objection."""
    li = signed_in(client, clerk(container, "czj", "li"))
    status, location, _ = file(li)
    assert status == 303
    number = location.split("/")[-1].split("?")[0]
    record = client.get(f"/api/v1/records/{number}", headers=staff.coordinator).json()
    record = stepped(client, staff.coordinator, record, "order_rectification", days=5)
    record = stepped(client, staff.czj_clerk, record, "object", reason="处分已撤销", **WHO)
    return stepped(
        client, staff.coordinator, record, "decide_objection", upheld=False, reason="证据充分"
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("zh", {("渠道", "工作人员录入（工作台）"), ("类型", "政务失信记录"), ("天数", "5")}),
        (
            "en",
            {
                ("channel", "entered by staff (console)"),
                ("kind", "dishonesty record"),
                ("days", "5"),
            },
        ),
    ],
)
def test_a_records_history_names_its_details_in_words_with_no_idempotency_data_and_no_none(
    client: TestClient, container: Container, staff: Staff, language: str, expected: set[Any]
) -> None:
    """记录页与案件页的办理记录：细节以文字显示，不显示幂等键与请求指纹，也不显示 None。"""
    record = _console_record_with_a_dismissed_objection(client, container, staff)
    wang = signed_in(client, coordinator(container))
    wang.client.cookies.set("intake_lang", language)

    for path in (f"/console/records/{record['number']}", f"/console/cases/{record['number']}"):
        details = _details(wang.get(path).text, 'class="history"')

        assert [p for p in details if any(s in " ".join(p) for s in SYSTEM_DATA)] == [], path
        assert [p for p in details if "None" in p] == [], path
        assert expected <= set(details), path


def test_the_api_shows_no_idempotency_data_in_a_records_or_its_cases_event_details(
    client: TestClient, container: Container, staff: Staff
) -> None:
    """接口返回的事件细节不含幂等键与请求指纹（幂等机制本身照旧工作）。"""
    record = _console_record_with_a_dismissed_objection(client, container, staff)
    number = record["number"]

    for path in (f"/api/v1/records/{number}", f"/api/v1/cases/{number}"):
        events = client.get(path, headers=staff.coordinator).json()["events"]
        keys = {key for e in events for key in (e["details"] or {})}
        assert {k for k in keys if k.startswith("idempotency")} == set(), path
