"""The evaluator in the console: reads cases anonymised, offered no action, refused any."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.helpers import file_case
from tests.books_console.conftest import ConsoleVisitor
from tests.conftest import Staff
from tests.records.helpers import filed
from tests.staff_console.helpers import csrf_of

CONTACTED = "区里的项目做完了，工程款一直拖欠不付，电话13812345678"
NAMED = {"reporter": {"name": "张三", "phone": "13912345678"}, "anonymous": False}


def test_a_case_page_shows_masked_text_no_reporter_no_forms(
    client: TestClient, staff: Staff, evaluator: ConsoleVisitor
) -> None:
    case = file_case(client, staff.coordinator, text=CONTACTED, **NAMED)

    page = evaluator.get(f"/console/cases/{case['number']}")

    assert page.status_code == 200, page.text
    assert "电话***" in page.text
    for hidden in ("13812345678", "13912345678", "张三", "note-form", "/actions"):
        assert hidden not in page.text


def test_a_note_or_an_action_posted_anyway_is_refused(
    client: TestClient, staff: Staff, evaluator: ConsoleVisitor
) -> None:
    case = file_case(client, staff.coordinator)
    token = csrf_of(evaluator.get(f"/console/cases/{case['number']}").text)

    note = evaluator.post(f"/console/cases/{case['number']}/notes", {"text": "x"}, token=token)
    action = evaluator.post(
        f"/console/cases/{case['number']}/actions",
        {"action": "close", "version": str(case["version"])},
        token=token,
    )

    assert (note.status_code, action.status_code) == (403, 403)
    after = client.get(f"/api/v1/cases/{case['number']}", headers=staff.coordinator).json()
    assert after["version"] == case["version"]


def test_the_search_lists_every_units_cases_without_the_reporter(
    client: TestClient, staff: Staff, evaluator: ConsoleVisitor
) -> None:
    case = file_case(client, staff.coordinator, text=CONTACTED, **NAMED)

    html = evaluator.get("/console/cases").text

    assert case["number"] in html and "13812345678" not in html and "张三" not in html


def test_the_administration_is_not_the_evaluators(evaluator: ConsoleVisitor) -> None:
    assert evaluator.get("/console/admin/staff").status_code == 404


def test_the_evaluator_chooses_a_unit_on_the_dashboard_and_in_the_search(
    client: TestClient, staff: Staff, evaluator: ConsoleVisitor
) -> None:
    case = file_case(client, staff.coordinator)  # czj's

    dashboard = evaluator.get("/console/dashboard?department=czj").text
    found = evaluator.get("/console/cases?unit=sfj").text

    assert 'name="department"' in dashboard and "区财政局" in dashboard
    assert 'name="unit"' in found and case["number"] not in found


def test_the_ledger_page_shows_the_evaluator_a_records_contacts_masked(
    client: TestClient, staff: Staff, evaluator: ConsoleVisitor
) -> None:
    record = filed(
        client,
        staff.czj_clerk,
        person_name="李某 13611112222",
        document_number="110101199003078515",
    )

    html = evaluator.get("/console/ledger?from=2026-11-01&to=2026-11-30").text

    assert record["number"] in html and "李某 ***" in html
    assert "13611112222" not in html and "110101199003078515" not in html
