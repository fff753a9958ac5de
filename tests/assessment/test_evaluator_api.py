"""The evaluator (第三方评估): reads every case anonymised, never a reporter, changes nothing."""

from __future__ import annotations

import io
import re

from fastapi.testclient import TestClient
from openpyxl import load_workbook

from backend.bootstrap import Container
from tests.api.helpers import act, file_case
from tests.books_console.conftest import signed_in
from tests.conftest import Staff
from tests.exports.helpers import exported, headings, table
from tests.record_fixtures import PutRecord, put_record
from tests.records.helpers import filed, stepped

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
CONTACTED = "区里的项目做完了，工程款一直拖欠不付，电话13812345678，邮箱li@example.cn"
NAMED = {"reporter": {"name": "张三", "phone": "13912345678"}, "anonymous": False}
MASKED = "区里的项目做完了，工程款一直拖欠不付，电话***，邮箱***"


def write_routes(client: TestClient) -> list[tuple[str, str]]:
    """Return (method, path) of every staff API route that changes something (its schema's)."""
    paths = client.get("/openapi.json").json()["paths"]
    return [
        (method.upper(), path)
        for path, operations in paths.items()
        for method in operations
        if path.startswith("/api/v1/") and method.upper() in WRITE_METHODS
    ]


def test_every_write_endpoint_refuses_an_evaluator(
    client: TestClient, staff: Staff, evaluator: dict[str, str]
) -> None:
    case = file_case(client, staff.coordinator)
    values = {"number": case["number"], "day": "2026-12-01", "year": "2026"}
    routes = write_routes(client)
    assert ("POST", "/api/v1/cases") in routes and len(routes) >= 8

    for method, path in routes:
        url = re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), "1"), path)
        response = client.request(
            method, url, json={}, headers={**evaluator, "Accept-Language": "zh"}
        )
        assert (method, path, response.status_code) == (method, path, 403), response.text
        assert response.json()["code"] == "forbidden"

    after = client.get(f"/api/v1/cases/{case['number']}", headers=staff.coordinator).json()
    assert (after["version"], after["events"]) == (case["version"], case["events"])


def test_a_case_action_with_a_valid_body_is_refused_too(
    client: TestClient, staff: Staff, evaluator: dict[str, str]
) -> None:
    case = file_case(client, staff.coordinator)

    response = act(client, evaluator, case, "close")

    assert (response.status_code, response.json()["code"]) == (403, "forbidden")


def test_an_evaluator_reads_any_case_with_contact_details_masked_and_no_reporter(
    client: TestClient, staff: Staff, evaluator: dict[str, str]
) -> None:
    case = file_case(client, staff.coordinator, text=CONTACTED, **NAMED)

    read = client.get(f"/api/v1/cases/{case['number']}", headers=evaluator).json()
    listed = client.get("/api/v1/cases", headers=evaluator).json()["data"]

    assert (read["text"], read["reporter"], read["allowed_actions"]) == (MASKED, None, [])
    assert [row["text"] for row in listed] == [MASKED]
    for body in (str(read), str(listed)):
        assert "13812345678" not in body and "张三" not in body and "13912345678" not in body


def test_an_evaluator_opens_no_evidence_file(
    client: TestClient, staff: Staff, evaluator: dict[str, str]
) -> None:
    case = file_case(client, staff.coordinator)

    response = client.get(f"/api/v1/cases/{case['number']}/attachments/1", headers=evaluator)

    assert response.status_code == 403


def test_the_complaint_ledger_of_an_evaluator_has_no_reporter_and_masked_text(
    client: TestClient, staff: Staff, evaluator: dict[str, str]
) -> None:
    file_case(client, staff.coordinator, text=CONTACTED, **NAMED)

    sheet = exported(client, evaluator)

    assert "举报人姓名" not in headings(sheet)
    assert [row["投诉内容"] for row in table(sheet)] == [MASKED]


def test_an_evaluator_reads_the_measures_of_the_district(
    client: TestClient, evaluator: dict[str, str]
) -> None:
    response = client.get("/api/v1/stats", headers=evaluator)

    assert response.status_code == 200 and response.json()["district"] is not None


def test_an_evaluator_reads_the_records_and_may_file_none(
    client: TestClient, staff: Staff, evaluator: dict[str, str], container: Container
) -> None:
    number = put_record(container, PutRecord({}))

    listed = client.get("/api/v1/records", headers=evaluator)
    read = client.get(f"/api/v1/records/{number}", headers=evaluator)

    assert (listed.status_code, read.status_code) == (200, 200), listed.text
    assert number in listed.text


def test_an_evaluator_reads_a_records_texts_with_contact_details_masked(
    client: TestClient, staff: Staff, evaluator: dict[str, str], container: Container
) -> None:
    record = filed(client, staff.czj_clerk, summary=CONTACTED)
    who = {"objector_kind": "person", "objector_name": "李某"}
    record = stepped(
        client, staff.czj_clerk, record, "object", reason="请致电13812345678核实", **who
    )
    decision = "邮箱li@example.cn已回复"
    stepped(client, staff.coordinator, record, "decide_objection", upheld=False, reason=decision)
    visitor = signed_in(client, container, "chen2", role="evaluator", name="评估机构 陈")

    read = client.get(f"/api/v1/records/{record['number']}", headers=evaluator).json()
    page = visitor.get(f"/console/records/{record['number']}")

    assert read["summary"] == MASKED
    assert read["objections"][0]["reasons"] == "请致电***核实"
    assert read["objections"][0]["decision_reason"] == "邮箱***已回复"
    reasons = {e["reason"] for e in read["events"] if e["reason"]}
    assert reasons == {"请致电***核实", "邮箱***已回复"}
    assert page.status_code == 200 and MASKED in page.text
    for contact in ("13812345678", "li@example.cn"):
        assert contact not in str(read) and contact not in page.text
    coordinator = client.get(f"/api/v1/records/{record['number']}", headers=staff.coordinator)
    assert coordinator.json()["summary"] == CONTACTED  # the lead office reads what was written


def test_an_evaluator_reads_a_records_person_post_and_document_masked_in_the_api_and_xlsx(
    client: TestClient, staff: Staff, evaluator: dict[str, str]
) -> None:
    # Reviewer, 2026-12-02: every text but these three was masked for the evaluator.
    record = filed(
        client,
        staff.czj_clerk,
        person_name="张三 13912345678",
        person_post="科员 手机13812345679",
        document_number="120105198001011234",
    )
    read = client.get(f"/api/v1/records/{record['number']}", headers=evaluator).json()
    assert (read["person_name"], read["person_post"], read["document_number"]) == (
        "张三 ***",
        "科员 手机***",
        "***",
    )
    listed = client.get("/api/v1/records", headers=evaluator).json()["data"]
    download = client.get("/api/v1/exports/records.xlsx", headers=evaluator)
    assert download.status_code == 200, download.text
    workbook = load_workbook(io.BytesIO(download.content), read_only=True)
    cells = str([list(sheet.iter_rows(values_only=True)) for sheet in workbook.worksheets])
    assert "张三 ***" in cells
    for contact in ("13912345678", "13812345679", "120105198001011234"):
        assert contact not in str(listed) and contact not in cells


def test_an_evaluator_may_not_search_by_a_contact_detail_it_never_reads(
    client: TestClient, staff: Staff, evaluator: dict[str, str], container: Container
) -> None:
    case = file_case(client, staff.coordinator, text=CONTACTED, **NAMED)

    for q in ("13812345678", "138 1234 5678", "li@example.cn", "110101199003078515"):
        refused = client.get("/api/v1/cases", params={"q": q}, headers=evaluator)
        assert (refused.status_code, refused.json()["code"]) == (422, "evaluator_contact_search")
    english = client.get(
        "/api/v1/cases",
        params={"q": "13812345678"},
        headers={**evaluator, "Accept-Language": "en"},
    )
    assert "contact details" in english.json()["detail"]
    words = client.get("/api/v1/cases", params={"q": "工程款"}, headers=evaluator)
    assert words.status_code == 200 and len(words.json()["data"]) == 1
    console = signed_in(client, container, "chen", role="evaluator", name="评估机构 陈")
    page = console.get("/console/cases?q=13812345678")
    assert page.status_code == 400 and "评估人员不能按联系方式搜索" in page.text
    assert case["number"] not in page.text
