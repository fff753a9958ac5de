"""The ledger (台账) and assessment (考核评价) pages in the real Chromium."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from backend.bootstrap import Container
from tests.api.helpers import ENFORCEMENT, file_case
from tests.browser.browser import reading_problems, screenshot
from tests.browser.test_console_dashboard import sign_in
from tests.conftest import Staff
from tests.e2e.telegram_app import AppProcess
from tests.exports.helpers import table
from tests.exports.test_records_xlsx_api import (
    a_draft_filed_about_sfj,
    a_repaired_record,
    sfj_on_time,
)
from tests.records.helpers import filed
from tests.staff_accounts import staff_with_password
from tests.stats.helpers import resolved


@pytest.fixture
def records(client: TestClient, staff: Staff, container: Container) -> list[str]:
    """Three records of two units, two complaints, and a coordinator who signs in."""
    staff_with_password(container, login="wang")
    resolved(client, staff.czj_clerk, file_case(client, staff.coordinator))
    file_case(client, staff.coordinator, text=ENFORCEMENT)
    return [
        a_repaired_record(container),
        a_draft_filed_about_sfj(container),
        sfj_on_time(container),
    ]


def test_the_ledger_lists_the_records_and_downloads_the_workbook(
    page: Page, live_app: AppProcess, records: list[str]
) -> None:
    sign_in(page, live_app.url)
    page.get_by_role("link", name="台账").click()
    expect(page.get_by_role("heading", level=1, name="台账")).to_be_visible()
    page.get_by_label("开始日期").fill("2026-09-01")
    page.get_by_label("结束日期").fill("2026-11-30")
    page.get_by_role("button", name="查看").click()

    expect(page.locator("tr[data-record]")).to_have_count(3)
    late = page.locator(f'tr[data-record="{records[0]}"] td.ledger__late')
    expect(late).to_have_text("逾期 1 个工作日")
    assert reading_problems(page) == []
    screenshot(page, "console-ledger")

    with page.expect_download() as download:
        page.locator('a[data-export="records"]').click()
    book = load_workbook(BytesIO(Path(download.value.path()).read_bytes()))
    assert book.sheetnames == ["汇总", "区财政局", "区司法局"]
    numbers = [row["记录编号"] for sheet in book.worksheets[1:] for row in table(sheet)]
    assert sorted(numbers) == sorted(records)


def test_the_assessment_draws_its_charts_under_the_consoles_policy(
    page: Page, live_app: AppProcess, records: list[str]
) -> None:
    sign_in(page, live_app.url)
    page.get_by_role("link", name="考核评价").click()
    page.get_by_label("开始日期").fill("2026-10-01")
    page.get_by_label("结束日期").fill("2026-11-30")
    page.get_by_role("button", name="查看").click()

    expect(page.locator("figure.chart svg")).to_have_count(2)
    expect(page.locator('tr[data-unit="区司法局"] td[data-rank]')).to_have_text("1")
    expect(page.locator('tr[data-unit="区财政局"] td[data-rank]')).to_have_text("2")
    assert reading_problems(page) == []
    screenshot(page, "console-assessment")


LONG = {
    "person_name": "欧阳" * 8,
    "person_post": "区财政局国库支付中心副主任科员兼综合科负责人",
    "document_number": "津红纪〔2026〕第000012号（补充决定）附件一",
    "authority": "区纪委监委第三纪检监察室",
}
_WIDTHS = """() => {
  const table = document.querySelector("table.ledger");
  return {page: document.documentElement.scrollWidth, view: document.documentElement.clientWidth,
          table: table.scrollWidth, box: table.parentElement.clientWidth};
}"""
_HEADER_TOP = """() => {
  const table = document.querySelector("table.ledger");
  window.scrollTo(0, table.getBoundingClientRect().top + window.scrollY + 300);
  return [document.querySelector("table.ledger thead th").getBoundingClientRect().top,
          table.getBoundingClientRect().top];
}"""


def test_the_ledger_fits_a_1280_px_screen_with_the_key_columns_first_and_its_header_kept(
    page: Page, live_app: AppProcess, records: list[str], client: TestClient, staff: Staff
) -> None:
    for n in range(12):  # enough rows to scroll past the header, with long words in them
        filed(
            client, staff.czj_clerk, **{**LONG, "document_number": f"{LONG['document_number']}{n}"}
        )
    sign_in(page, live_app.url)
    page.goto(f"{live_app.url}/console/ledger?from=2026-09-01&to=2026-11-30")
    expect(page.locator("tr[data-record]")).to_have_count(15)

    widths = page.evaluate(_WIDTHS)
    assert widths["page"] <= widths["view"] == 1280, widths  # nothing scrolls sideways
    assert widths["table"] <= widths["box"], widths
    headings = page.locator("table.ledger thead th").all_inner_texts()
    assert headings[:5] == ["序号", "记录编号", "姓名及职务", "所在单位", "是否按时"]
    header_top, table_top = page.evaluate(_HEADER_TOP)
    assert table_top < 0 and abs(header_top) <= 1  # scrolled past: the header stays on top
    assert reading_problems(page) == []
    screenshot(page, "console-ledger-long")
