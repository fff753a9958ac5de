"""GET /api/v1/exports/records.xlsx: the records ledger (台账), read back cell by cell."""

from __future__ import annotations

from datetime import date, datetime
from io import BytesIO

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from openpyxl.workbook import Workbook

from backend.bootstrap import Container
from backend.exports.cases_xlsx import XLSX_TYPE
from backend.exports.sheets import DATE_FORMAT
from tests.conftest import Staff
from tests.evaluator import evaluator_token
from tests.exports.helpers import headings, table
from tests.record_fixtures import Clock, PutRecord, put_record

ZH_HEADINGS = [
    "序号", "记录编号", "失信主体所在单位", "报送单位", "姓名", "职务", "认定类型", "认定机关",
    "文书编号", "信息产生日期", "报送日期", "报送期限", "是否按时报送", "逾期（工作日）",
    "严重程度", "整改期限", "整改情况", "异议情况", "信用修复情况", "公示起始日", "公示截止日",
    "公示状态", "备注",
]  # fmt: skip
SUMMARY_HEADINGS = [
    "单位", "记录数（涉及本单位）", "本单位报送：按时", "本单位报送：逾期", "本单位报送：未报送",
    "已整改", "异议成立", "已修复", "公示中",
]  # fmt: skip


def a_repaired_record(container: Container) -> str:
    """czj's own record: reported a working day late across the National Day holiday, then
    rectified, objected to in vain, repaired and taken down."""
    return put_record(
        container,
        PutRecord(
            {
                "person_name": "李某",
                "person_post": "副科长",
                "arisen_on": date(2026, 9, 28),
                "reported_on": date(2026, 10, 12),
                "report_days_late": 1,
                "severity": "general",
                "rectification_state": "accepted",
                "objection_state": "dismissed",
                "repair_state": "repaired",
                "repaired_on": date(2026, 11, 25),
                "leniency": "reduced",
                "leniency_reason": "已主动退还款项",
                "publicity_state": "taken_down",
                "publicity_months": 6,
                "publicity_from": date(2026, 10, 13),
                "publicity_until": date(2027, 4, 12),
            },
            clocks=[
                Clock("report", "czj", date(2026, 10, 10), met_on=date(2026, 10, 12)),
                Clock("rectify", "czj", date(2026, 11, 20), met_on=date(2026, 11, 18)),
            ],
        ),
    )


def a_draft_filed_about_sfj(container: Container) -> str:
    """czj registered a draft about a person serving in sfj; its report clock is overdue."""
    return put_record(
        container,
        PutRecord(
            {
                "department_code": "sfj",
                "arisen_on": date(2026, 11, 2),
                "state": "draft",
                "document_number": None,
                "severity": None,
            },
            clocks=[Clock("report", "czj", date(2026, 11, 11))],
        ),
    )


def sfj_on_time(container: Container) -> str:
    return put_record(
        container,
        PutRecord(
            {
                "department_code": "sfj",
                "filed_by_department": "sfj",
                "arisen_on": date(2026, 11, 16),
                "reported_on": date(2026, 11, 18),
                "report_days_late": 0,
                "severity": "serious",
                "finding_type": "judgment",
            },
            clocks=[Clock("report", "sfj", date(2026, 11, 25), met_on=date(2026, 11, 18))],
        ),
    )


def ledger(
    client: TestClient, headers: dict[str, str], query: str = "", language: str = "zh"
) -> Workbook:
    response = client.get(
        f"/api/v1/exports/records.xlsx?{query}",
        headers={**headers, "Accept-Language": language},
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == XLSX_TYPE
    assert response.headers["content-disposition"].startswith("attachment;")
    return load_workbook(BytesIO(response.content))


def test_a_summary_sheet_then_one_sheet_per_unit_named(
    client: TestClient, staff: Staff, container: Container
) -> None:
    a_repaired_record(container)
    a_draft_filed_about_sfj(container)
    sfj_on_time(container)

    book = ledger(client, staff.coordinator)

    assert book.sheetnames == ["汇总", "区财政局", "区司法局"]
    summary = book["汇总"]
    assert headings(summary) == SUMMARY_HEADINGS
    assert [list(r) for r in summary.iter_rows(min_row=2, values_only=True)] == [
        ["区财政局", 1, 0, 1, 1, 1, 0, 1, 0],  # its draft about sfj: its report is due
        ["区司法局", 2, 1, 0, 0, 0, 0, 0, 0],
        ["合计", 3, 1, 1, 1, 1, 0, 1, 0],
    ]


def test_the_summary_counts_reporting_for_the_unit_that_files_as_the_assessment_does(
    client: TestClient, staff: Staff, container: Container
) -> None:
    # The lead office (fgw) files a record naming czj two working days late: the lateness is
    # fgw's (its 7 working days to report), the record is czj's.
    put_record(
        container,
        PutRecord(
            {
                "filed_by_department": "fgw",
                "arisen_on": date(2026, 11, 2),
                "reported_on": date(2026, 11, 13),
                "report_days_late": 2,
            },
            clocks=[Clock("report", "fgw", date(2026, 11, 11), met_on=date(2026, 11, 13))],
        ),
    )

    rows = list(ledger(client, staff.coordinator)["汇总"].iter_rows(min_row=2, values_only=True))
    assessment = client.get(
        "/api/v1/assessment?from=2026-11-01&to=2026-11-30", headers=staff.coordinator
    )

    assert [list(r[:5]) for r in rows] == [
        ["区财政局", 1, 0, 0, 0],
        ["区发展改革委", 0, 0, 1, 0],
        ["合计", 1, 0, 1, 0],
    ]
    assert assessment.status_code == 200, assessment.text
    reporting = {
        unit["department"]: unit["measures"]["report_on_time"]
        for unit in assessment.json()["data"]
    }
    assert (reporting["fgw"]["numerator"], reporting["fgw"]["denominator"]) == (0, 1)
    assert reporting["czj"]["denominator"] == 0


def test_each_record_is_one_row_checked_cell_by_cell(
    client: TestClient, staff: Staff, container: Container
) -> None:
    number = a_repaired_record(container)

    sheet = ledger(client, staff.coordinator)["区财政局"]

    assert headings(sheet) == ZH_HEADINGS
    (row,) = table(sheet)
    assert row == {
        "序号": 1,
        "记录编号": number,
        "失信主体所在单位": "区财政局",
        "报送单位": "区财政局",
        "姓名": "李某",
        "职务": "副科长",
        "认定类型": "行政处罚",
        "认定机关": "区市场监管局",
        "文书编号": "津红市监罚〔2026〕12号",
        "信息产生日期": datetime(2026, 9, 28),
        "报送日期": datetime(2026, 10, 12),
        "报送期限": datetime(2026, 10, 10),
        "是否按时报送": "逾期 1 个工作日",
        "逾期（工作日）": 1,
        "严重程度": "一般",
        "整改期限": datetime(2026, 11, 20),
        "整改情况": "整改完成",
        "异议情况": "异议不成立",
        "信用修复情况": "已修复",
        "公示起始日": datetime(2026, 10, 13),
        "公示截止日": datetime(2027, 4, 12),
        "公示状态": "已撤下",
        "备注": "自我纠错，减轻：已主动退还款项；2026-11-25 信用修复",
    }
    assert sheet["J2"].number_format == DATE_FORMAT


def test_a_draft_shows_its_overdue_report_and_no_document(
    client: TestClient, staff: Staff, container: Container
) -> None:
    a_draft_filed_about_sfj(container)  # today is 27 November: due on the 11th

    (row,) = table(ledger(client, staff.coordinator)["区司法局"])

    assert (row["报送单位"], row["文书编号"], row["报送日期"]) == ("区财政局", None, None)
    assert (row["是否按时报送"], row["逾期（工作日）"], row["整改期限"]) == (
        "未报送，已逾期",
        None,
        None,
    )
    assert row["备注"] == "草稿（材料未齐）"


def test_every_sheet_has_widths_a_frozen_header_and_filters(
    client: TestClient, staff: Staff, container: Container
) -> None:
    a_repaired_record(container)
    sfj_on_time(container)

    book = ledger(client, staff.coordinator)

    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref is not None and sheet.auto_filter.ref.startswith("A1:")
        assert sheet.column_dimensions["A"].width > 0 and sheet.column_dimensions["B"].width > 8
    assert book["区财政局"].auto_filter.ref == "A1:W2"


def test_a_clerk_gets_the_records_its_unit_is_named_in_or_filed(
    client: TestClient, staff: Staff, container: Container
) -> None:
    repaired = a_repaired_record(container)
    draft = a_draft_filed_about_sfj(container)
    on_time = sfj_on_time(container)

    czj = ledger(client, staff.czj_clerk)
    sfj = ledger(client, staff.sfj_clerk)
    xyz = ledger(client, staff.xyz_clerk)
    other = client.get("/api/v1/exports/records.xlsx?department=xyz", headers=staff.czj_clerk)

    def numbers(book: Workbook) -> set[str]:
        return {row["记录编号"] for sheet in book.worksheets[1:] for row in table(sheet)}

    assert (numbers(czj), numbers(sfj)) == ({repaired, draft}, {draft, on_time})
    assert xyz.sheetnames == ["汇总"]
    assert (other.status_code, other.json()["code"]) == (403, "other_unit")


def test_an_evaluator_gets_every_record(
    client: TestClient, staff: Staff, container: Container
) -> None:
    a_repaired_record(container)
    sfj_on_time(container)

    book = ledger(client, evaluator_token(container))

    assert book.sheetnames == ["汇总", "区财政局", "区司法局"]


def test_from_to_and_department_narrow_the_ledger(
    client: TestClient, staff: Staff, container: Container
) -> None:
    a_repaired_record(container)
    draft = a_draft_filed_about_sfj(container)
    on_time = sfj_on_time(container)

    november = ledger(client, staff.coordinator, "from=2026-11-01&to=2026-11-30")
    sfj = ledger(client, staff.coordinator, "department=sfj&from=2026-11-10")

    assert november.sheetnames == ["汇总", "区司法局"]
    assert [r["记录编号"] for r in table(november["区司法局"])] == [draft, on_time]
    assert [r["记录编号"] for r in table(sfj["区司法局"])] == [on_time]


@pytest.mark.parametrize("query", ["lang=en", ""])
def test_english_headings_on_request(
    client: TestClient, staff: Staff, container: Container, query: str
) -> None:
    a_repaired_record(container)

    book = ledger(client, staff.coordinator, query, language="en" if not query else "zh")

    assert book.sheetnames == ["Summary", "District Finance Bureau"]
    sheet = book.worksheets[1]
    assert headings(sheet)[:4] == ["No.", "Record number", "Unit named", "Filing unit"]
    assert table(sheet)[0]["Reported on time"] == "1 working day(s) late"


def test_chinese_is_the_default_without_accept_language(client: TestClient, staff: Staff) -> None:
    response = client.get("/api/v1/exports/records.xlsx", headers=staff.coordinator)

    book = load_workbook(BytesIO(response.content))
    assert book.sheetnames == ["汇总"] and headings(book["汇总"]) == SUMMARY_HEADINGS


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("from=2026-12-01&to=2026-11-01", "period_reversed"),
        ("department=nowhere", "unknown_department"),
        ("from=1.12.2026", "bad_date"),
        ("lang=fr", "literal_error"),
    ],
)
def test_bad_input_gets_a_clear_refusal(
    client: TestClient, staff: Staff, query: str, code: str
) -> None:
    response = client.get(
        f"/api/v1/exports/records.xlsx?{query}",
        headers={**staff.coordinator, "Accept-Language": "zh"},
    )

    assert response.status_code == 422
    assert response.json()["detail"]


def test_without_a_token_the_ledger_is_refused(client: TestClient) -> None:
    assert client.get("/api/v1/exports/records.xlsx").status_code == 401


def test_a_clerk_of_the_lead_office_gets_every_record(
    client: TestClient, staff: Staff, container: Container
) -> None:
    a_repaired_record(container)
    sfj_on_time(container)

    book = ledger(client, staff.fgw_clerk)

    assert book.sheetnames == ["汇总", "区财政局", "区司法局"]


def test_an_evaluators_ledger_masks_contact_details_in_its_texts(
    client: TestClient, staff: Staff, container: Container
) -> None:
    put_record(
        container,
        PutRecord(
            {
                "authority": "区纪委监委（电话022-2345 6789）",
                "leniency": "reduced",
                "leniency_reason": "当事人已退款，联系13812345678",
            }
        ),
    )

    evaluator = table(ledger(client, evaluator_token(container))["区财政局"])
    coordinator = table(ledger(client, staff.coordinator)["区财政局"])

    assert "13812345678" not in str(evaluator) and "2345 6789" not in str(evaluator)
    assert "当事人已退款，联系***" in str(evaluator) and "区纪委监委（电话***）" in str(evaluator)
    assert "13812345678" in str(coordinator)


def test_the_files_name_says_the_period_and_unit_asked_for(
    client: TestClient, staff: Staff
) -> None:
    def name(query: str) -> str:
        response = client.get(f"/api/v1/exports/records.xlsx?{query}", headers=staff.coordinator)
        return response.headers["content-disposition"].split("filename=")[1].strip('"')

    assert name("from=2026-11-01&to=2026-11-30") == "records-20261101-20261130.xlsx"
    assert name("department=sfj&from=2026-11-01") == "records-sfj-20261101-.xlsx"
    assert name("") == "records-all-20261127.xlsx"  # everything, as of today
