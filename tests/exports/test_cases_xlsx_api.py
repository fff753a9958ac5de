"""GET /api/v1/exports/cases.xlsx: the case list as a spreadsheet, read back cell by cell."""

from __future__ import annotations

from datetime import datetime

import pytest
from fastapi.testclient import TestClient
from sqlmodel import col, update

from backend.bootstrap import Container
from backend.cases.models import Case
from backend.db import session_scope
from backend.exports import cases_xlsx
from tests.api.helpers import ENFORCEMENT, file_case
from tests.conftest import Staff
from tests.deadlines.conftest import tianjin
from tests.exports.helpers import exported, headings, table
from tests.fakes import FakeClock

ZH_HEADINGS = [
    "案件编号",
    "类型",
    "状态",
    "类别",
    "诉求类型",
    "承办单位",
    "协办单位",
    "街道",
    "来源渠道",
    "受理时间（天津时间）",
    "最近更新（天津时间）",
    "发生日期",
    "投诉内容",
]
REPORTER_HEADINGS = ["举报人姓名", "举报人电话"]
NAMED = {"name": "张三", "phone": "13812345678"}


def test_a_coordinator_gets_one_row_per_case_with_chinese_headings_and_the_reporter(
    client: TestClient, staff: Staff
) -> None:
    arrears = file_case(client, staff.coordinator, reporter=NAMED, anonymous=False)
    enforcement = file_case(client, staff.coordinator, text=ENFORCEMENT)

    sheet = exported(client, staff.coordinator)

    assert headings(sheet) == ZH_HEADINGS + REPORTER_HEADINGS
    rows = {row["案件编号"]: row for row in table(sheet)}
    assert set(rows) == {arrears["number"], enforcement["number"]}
    named, anonymous = rows[arrears["number"]], rows[enforcement["number"]]
    assert (named["举报人姓名"], named["举报人电话"]) == ("张三", "13812345678")
    assert (anonymous["举报人姓名"], anonymous["举报人电话"]) == (None, None)
    assert named["投诉内容"] == arrears["text"]
    assert named["类型"] == "投诉举报"
    assert named["状态"] == "已派单"
    assert named["承办单位"] == "区财政局"
    assert named["来源渠道"] == "工作人员录入（接口）"


def test_dates_are_tianjin_wall_clock_times(
    client: TestClient, staff: Staff, clock: FakeClock
) -> None:
    clock.current = tianjin(2026, 12, 1, 7, 10)  # 23:10 on 30 November in UTC
    case = file_case(client, staff.coordinator, occurred_on="2026-11-20")

    sheet = exported(client, staff.coordinator)

    (row,) = table(sheet)
    assert row["受理时间（天津时间）"] == datetime(2026, 12, 1, 7, 10)
    assert row["最近更新（天津时间）"] == datetime(2026, 12, 1, 7, 10)
    assert row["发生日期"] == datetime(2026, 11, 20)
    assert sheet["J2"].number_format == cases_xlsx.DATETIME_FORMAT
    assert row["案件编号"] == case["number"]


def test_a_clerk_gets_the_own_units_rows_only_and_no_reporter_columns(
    client: TestClient, staff: Staff
) -> None:
    own = file_case(client, staff.coordinator, reporter=NAMED, anonymous=False)
    file_case(client, staff.coordinator, text=ENFORCEMENT)  # sfj's

    sheet = exported(client, staff.czj_clerk)

    assert headings(sheet) == ZH_HEADINGS
    assert [row["案件编号"] for row in table(sheet)] == [own["number"]]
    assert "张三" not in {cell.value for row in sheet.iter_rows() for cell in row}


def test_a_clerk_asking_for_another_units_cases_is_refused_not_given_an_empty_sheet(
    client: TestClient, staff: Staff
) -> None:
    file_case(client, staff.coordinator, text=ENFORCEMENT)  # sfj's

    response = client.get("/api/v1/exports/cases.xlsx?department=sfj", headers=staff.czj_clerk)

    assert (response.status_code, response.json()["code"]) == (403, "other_unit")


def test_english_headings_after_accept_language(client: TestClient, staff: Staff) -> None:
    file_case(client, staff.coordinator)

    sheet = exported(client, staff.coordinator, language="en")

    assert headings(sheet)[:3] == ["Case number", "Kind", "Status"]
    assert table(sheet)[0]["Status"] == "sent to the unit"


def test_the_header_is_frozen_filtered_and_the_columns_have_widths(
    client: TestClient, staff: Staff
) -> None:
    file_case(client, staff.coordinator)

    sheet = exported(client, staff.coordinator, language="en")

    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:O2"
    assert sheet.column_dimensions["A"].width == 18
    assert sheet.column_dimensions["M"].width == 60


def test_the_list_filters_and_the_received_period_narrow_the_rows(
    client: TestClient, staff: Staff, clock: FakeClock
) -> None:
    clock.current = tianjin(2026, 11, 30, 23, 50)
    november = file_case(client, staff.coordinator)
    clock.current = tianjin(2026, 12, 1, 0, 10)
    december = file_case(client, staff.coordinator)
    file_case(client, staff.coordinator, text=ENFORCEMENT)

    numbers = [
        row["案件编号"]
        for row in table(exported(client, staff.coordinator, "from=2026-12-01&to=2026-12-01"))
    ]
    czj_november = table(exported(client, staff.coordinator, "department=czj&to=2026-11-30"))

    assert november["number"] not in numbers and december["number"] in numbers
    assert len(numbers) == 2
    assert [row["案件编号"] for row in czj_november] == [november["number"]]


def test_text_that_looks_like_a_formula_stays_text(client: TestClient, staff: Staff) -> None:
    hostile = '=HYPERLINK("http://example.com","点击") 工程款一直拖欠不付，已经拖了半年'
    file_case(client, staff.coordinator, text=hostile)

    sheet = exported(client, staff.coordinator)

    assert sheet["M2"].data_type == "s"
    assert sheet["M2"].value == hostile


def test_no_token_is_refused_with_401(client: TestClient) -> None:
    response = client.get("/api/v1/exports/cases.xlsx")
    assert response.status_code == 401
    assert response.json()["code"] == "unauthorized"


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("from=2026-13-01", "bad_date"),
        ("from=2026-12-02&to=2026-12-01", "period_reversed"),
        ("measure_from=2026-12-01", "measure_period_without_measure"),
        ("measure=received", "measure_period_required"),
        ("status=lost", "bad_request"),
    ],
)
def test_a_bad_filter_is_refused_with_422_in_the_callers_language(
    client: TestClient, staff: Staff, query: str, code: str
) -> None:
    response = client.get(
        f"/api/v1/exports/cases.xlsx?{query}",
        headers={**staff.coordinator, "Accept-Language": "zh"},
    )
    assert response.status_code == 422, response.text
    body = response.json()
    assert body["code"] == code
    assert body["detail"] and body["detail"] != code


def test_more_cases_than_the_maximum_are_refused_with_a_clear_message(
    client: TestClient, staff: Staff, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cases_xlsx, "MAX_ROWS", 2)
    monkeypatch.setattr(cases_xlsx, "PAGE_ROWS", 1)  # the cap holds across pages too
    for _ in range(3):
        file_case(client, staff.coordinator)

    response = client.get(
        "/api/v1/exports/cases.xlsx", headers={**staff.coordinator, "Accept-Language": "en"}
    )

    assert response.status_code == 422
    assert response.json()["code"] == "export_too_large"
    assert "More than 2 cases" in response.json()["detail"]


def test_a_figures_link_exports_the_cases_behind_the_figure(
    client: TestClient, staff: Staff
) -> None:
    case = file_case(client, staff.coordinator)
    file_case(client, staff.coordinator, text=ENFORCEMENT)

    sheet = exported(
        client,
        staff.coordinator,
        "measure=received&department=czj&measure_from=2026-11-01&measure_to=2026-11-30",
    )

    assert [row["案件编号"] for row in table(sheet)] == [case["number"]]


def test_each_row_names_the_request_type_and_the_assisting_units(
    client: TestClient, staff: Staff
) -> None:
    from tests.api.helpers import act

    joint = file_case(client, staff.coordinator)
    assisted = act(client, staff.coordinator, joint, "assist", department="swj").json()
    act(client, staff.coordinator, assisted, "assist", department="sfj")
    alone = file_case(client, staff.coordinator, text=ENFORCEMENT, request_type="report")

    rows = {row["案件编号"]: row for row in table(exported(client, staff.coordinator))}
    english = {
        row["Case number"]: row
        for row in table(exported(client, staff.coordinator, language="en"))
    }

    assert (rows[joint["number"]]["诉求类型"], rows[joint["number"]]["协办单位"]) == (
        "投诉",
        "区商务局、区司法局",
    )
    assert (rows[alone["number"]]["诉求类型"], rows[alone["number"]]["协办单位"]) == ("举报", None)
    assert english[joint["number"]]["Request type"] == "complaint"
    assert english[joint["number"]]["Assisting units"] == (
        "District Commerce Bureau, District Justice Bureau"
    )


def test_a_text_kept_with_a_direction_control_is_exported_without_it(
    client: TestClient, container: Container, staff: Staff
) -> None:
    # Verifier, 2026-12-03: a text kept before intake dropped them still turned a phone
    # number around in the sheet (Excel obeys U+202E as a page does).
    case = file_case(client, staff.coordinator)
    with session_scope(container.engine) as session:
        session.execute(
            update(Case)
            .where(col(Case.number) == case["number"])
            .values(text="工程款拖欠半年，电话\u202e13812345678\u202c")
        )

    [row] = table(exported(client, staff.coordinator))

    assert row["投诉内容"] == "工程款拖欠半年，电话13812345678"
