"""The assessment's record measures: reports on time, rectifications on time, objections upheld."""

from __future__ import annotations

from datetime import date
from io import BytesIO
from typing import Any

from fastapi.testclient import TestClient
from openpyxl import load_workbook

from backend.bootstrap import Container
from tests.conftest import Staff
from tests.exports.helpers import headings
from tests.record_fixtures import Clock, PutRecord, put_record

PERIOD = "from=2026-10-01&to=2026-11-30"


def measures(client: TestClient, headers: dict[str, str], unit: str) -> dict[str, Any]:
    body = client.get(f"/api/v1/assessment?{PERIOD}", headers=headers).json()
    (row,) = [r for r in body["data"] if r["department"] == unit]
    return dict(row)


def records(container: Container) -> None:
    """czj filed one record on time, one late, and owes a report now overdue; sfj rectified
    late; an objection against sfj was upheld and one dismissed."""
    put_record(
        container,
        PutRecord(
            {}, clocks=[Clock("report", "czj", date(2026, 11, 11), met_on=date(2026, 11, 5))]
        ),
    )
    put_record(
        container,
        PutRecord(
            {"arisen_on": date(2026, 9, 28)},
            clocks=[Clock("report", "czj", date(2026, 10, 10), met_on=date(2026, 10, 12))],
        ),
    )
    put_record(
        container,
        PutRecord({"state": "draft"}, clocks=[Clock("report", "czj", date(2026, 11, 20))]),
    )
    put_record(
        container,
        PutRecord(
            {"department_code": "sfj", "filed_by_department": "sfj"},
            clocks=[
                Clock("report", "sfj", date(2026, 11, 11), met_on=date(2026, 11, 3)),
                Clock("rectify", "sfj", date(2026, 11, 13), met_on=date(2026, 11, 16)),
            ],
            objections=[("upheld", date(2026, 11, 10)), ("dismissed", date(2026, 11, 12))],
        ),
    )
    put_record(  # not yet due: in no denominator
        container,
        PutRecord(
            {"department_code": "sfj", "filed_by_department": "sfj"},
            clocks=[Clock("report", "sfj", date(2026, 12, 4))],
        ),
    )


def test_reports_on_time_are_the_filing_units(
    client: TestClient, staff: Staff, container: Container
) -> None:
    records(container)  # today is 27 November

    czj = measures(client, staff.coordinator, "czj")["measures"]

    assert czj["report_on_time"] == {"numerator": 1, "denominator": 3, "rate": 1 / 3}
    assert czj["rectify_on_time"] == {"numerator": 0, "denominator": 0, "rate": None}


def test_rectification_and_objections_are_the_named_units(
    client: TestClient, staff: Staff, container: Container
) -> None:
    records(container)

    sfj = measures(client, staff.coordinator, "sfj")

    assert sfj["measures"]["report_on_time"] == {"numerator": 1, "denominator": 1, "rate": 1.0}
    assert sfj["measures"]["rectify_on_time"] == {"numerator": 0, "denominator": 1, "rate": 0.0}
    assert sfj["measures"]["objections_upheld"] == {
        "numerator": 1,
        "denominator": 2,
        "rate": 0.5,
    }
    # (15 × 1 + 15 × 0 + 10 × (1 − 0.5)) / (15 + 15 + 10)
    assert sfj["score"] == 50.0


def test_the_evaluators_spreadsheet_has_ranks_scores_and_every_ratio(
    client: TestClient, staff: Staff, container: Container
) -> None:
    records(container)

    response = client.get(f"/api/v1/exports/assessment.xlsx?{PERIOD}", headers=staff.coordinator)

    assert response.status_code == 200, response.text
    book = load_workbook(BytesIO(response.content))
    assert book.sheetnames == ["考核评价", "说明"]
    sheet = book["考核评价"]
    heads = headings(sheet)
    assert heads[:3] == ["排名", "单位", "综合得分"]
    assert heads[3:6] == ["按时签收率（达标数）", "按时签收率（应计数）", "按时签收率（比率）"]
    assert len(heads) == 3 + 3 * 6 and sheet.freeze_panes == "A2"
    rows = {row[1]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    sfj, czj = rows["区司法局"], rows["区财政局"]
    assert (sfj[0], sfj[2], czj[0], czj[2]) == (1, 50.0, 2, 33.33)
    report = heads.index("失信记录按时报送率（比率）")
    assert (czj[report - 2], czj[report - 1], czj[report]) == (1, 3, 1 / 3)
    assert sfj[3:6] == (0, 0, "无数据")
    assert rows["区商务局"][0] == "无数据"
    assert sheet.cell(row=2, column=report + 1).number_format == "0.0%"
