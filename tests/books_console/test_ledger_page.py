"""The console's ledger page (台账): the records of a period, both ledgers' downloads."""

from __future__ import annotations

import re
from io import BytesIO

from fastapi.testclient import TestClient
from openpyxl import load_workbook

from backend.bootstrap import Container
from tests.books_console.conftest import ConsoleVisitor
from tests.exports.test_records_xlsx_api import (
    a_draft_filed_about_sfj,
    a_repaired_record,
    sfj_on_time,
)

PERIOD = "from=2026-09-01&to=2026-11-30"


def test_the_ledger_lists_the_records_with_their_states_and_links_both_ledgers(
    coordinator: ConsoleVisitor, container: Container
) -> None:
    number = a_repaired_record(container)
    a_draft_filed_about_sfj(container)

    page = coordinator.get(f"/console/ledger?{PERIOD}")

    assert page.status_code == 200, page.text
    html = page.text
    assert "<h1>台账</h1>" in html
    row = re.search(rf'<tr data-record="{number}">.*?</tr>', html, re.S)
    assert row is not None
    for words in (
        "区财政局",
        "李某 · 副科长",
        "行政处罚",
        "逾期 1 个工作日",
        "整改完成 (2026-11-20)",
    ):
        assert words in row.group(0)
    assert "未报送，已逾期" in html
    assert f'href="/console/ledger/records.xlsx?{PERIOD.replace("&", "&amp;")}"' in html
    # the complaint ledger (工单台账) holds complaints: records have their own (reviewer, 12-02)
    cases_xlsx = f"/console/exports/cases.xlsx?{PERIOD}&kind=complaint".replace("&", "&amp;")
    assert f'href="{cases_xlsx}"' in html
    assert re.findall(r"\sstyle\s*=", html) == [] and "<script>" not in html


def test_the_records_ledger_downloads_from_the_console_in_the_consoles_language(
    coordinator: ConsoleVisitor, container: Container
) -> None:
    a_repaired_record(container)
    sfj_on_time(container)

    response = coordinator.get(f"/console/ledger/records.xlsx?{PERIOD}")

    assert response.status_code == 200
    book = load_workbook(BytesIO(response.content))
    assert book.sheetnames == ["汇总", "区财政局", "区司法局"]
    complaints = coordinator.get(f"/console/exports/cases.xlsx?{PERIOD}&kind=complaint")
    assert complaints.status_code == 200
    sheet = load_workbook(BytesIO(complaints.content)).active
    assert sheet is not None and sheet.max_row == 1  # the records are not complaints
    everything = coordinator.get(f"/console/exports/cases.xlsx?{PERIOD}")
    assert load_workbook(BytesIO(everything.content)).active.max_row > 1  # type: ignore[union-attr]


def test_a_clerk_sees_the_own_units_records_only_chooses_no_unit_and_may_not_ask_another(
    clerk: ConsoleVisitor, container: Container
) -> None:
    own = a_repaired_record(container)
    other = sfj_on_time(container)

    html = clerk.get(f"/console/ledger?{PERIOD}").text
    another = clerk.get(f"/console/ledger?{PERIOD}&department=sfj")

    assert own in html and other not in html
    assert 'name="department"' not in html
    assert another.status_code == 403 and other not in another.text


def test_an_evaluator_has_the_ledger_and_assessment_in_the_navigation(
    evaluator: ConsoleVisitor, container: Container
) -> None:
    a_repaired_record(container)

    html = evaluator.get(f"/console/ledger?{PERIOD}").text

    assert 'href="/console/ledger"' in html and 'href="/console/assessment"' in html
    assert 'href="/console/admin/"' not in html
    assert "第三方评估" in html  # the role beside the name
    assert "李某" in html


def test_a_bad_period_gets_a_readable_page(coordinator: ConsoleVisitor) -> None:
    page = coordinator.get("/console/ledger?from=2026-12-01&to=2026-11-01")

    assert page.status_code == 400 and "开始日期晚于结束日期。" in page.text


def test_the_ledger_needs_a_sign_in(client: TestClient) -> None:
    response = client.get("/console/ledger", follow_redirects=False)

    assert response.status_code in (302, 303)
