"""Search and filters at /console/cases over HTTP: the URL holds the filters, bad ones are said."""

from __future__ import annotations

import io
import re

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

import backend.console.pages.search as search_page
from backend.bootstrap import Container
from tests.api.helpers import file_case
from tests.conftest import Staff
from tests.fakes import FakeClock
from tests.staff_console.queue_helpers import Day, file_day, numbers_on, signed_in

PHONE = "13812345678"


@pytest.fixture
def day(client: TestClient, staff: Staff, clock: FakeClock) -> Day:
    return file_day(client, staff, clock)


def test_the_filters_round_trip_through_the_url(
    client: TestClient, container: Container, day: Day
) -> None:
    visitor = signed_in(client, container, "wang")
    query = (
        "status=routed&unit=czj&category=arrears&kind=complaint&channel=api"
        "&received_from=2026-11-27&received_to=2026-11-27&overdue=1&q=%E5%B7%A5%E7%A8%8B%E6%AC%BE"
    )

    page = visitor.get(f"/console/cases?{query}")

    assert page.status_code == 200, page.text
    assert numbers_on(page.text) == {day.czj_late}
    html = page.text
    assert '<option value="routed" selected>' in html
    assert '<option value="czj" selected>' in html
    assert '<option value="arrears" selected>' in html
    assert 'name="received_from" type="date" value="2026-11-27"' in html
    assert 'name="q" type="text" value="工程款"' in html
    assert 'name="overdue" type="checkbox" value="1" checked' in html
    sort_link = re.search(r'href="(/console/cases\?[^"]*sort=waiting)"', html)
    assert sort_link is not None
    resorted = visitor.get(sort_link.group(1).replace("&amp;", "&"))
    assert numbers_on(resorted.text) == {day.czj_late}
    assert 'name="sort" value="waiting"' in resorted.text


def test_the_list_downloads_as_a_spreadsheet_of_the_same_cases(
    client: TestClient, container: Container, day: Day
) -> None:
    visitor = signed_in(client, container, "wang")
    query = "unit=czj&received_from=2026-11-27&received_to=2026-11-27&overdue=1"
    page = visitor.get(f"/console/cases?{query}").text
    link = re.search(r'href="([^"]*)" data-export="cases"', page)
    assert link is not None
    workbook = visitor.get(link.group(1).replace("&amp;", "&"))

    assert workbook.status_code == 200
    assert workbook.headers["content-type"].startswith("application/vnd.openxmlformats")
    address = link.group(1).replace("&amp;", "&")
    assert {"department=czj", "from=2026-11-27", "to=2026-11-27", "overdue=true"} <= set(
        address.split("?", 1)[1].split("&")
    )
    sheet = load_workbook(io.BytesIO(workbook.content)).worksheets[0]
    listed = {str(cell) for row in sheet.iter_rows(values_only=True) for cell in row}
    assert numbers_on(page) == {day.czj_late} == listed & day.all()


def test_a_list_by_street_or_phone_offers_no_download_it_could_not_keep_to(
    client: TestClient, container: Container, day: Day
) -> None:
    visitor = signed_in(client, container, "wang")
    page = visitor.get("/console/cases?street=xyz").text
    assert 'data-export="cases"' not in page


def test_the_received_dates_are_tianjin_days_both_included(
    client: TestClient, container: Container, day: Day
) -> None:
    visitor = signed_in(client, container, "wang")

    december = visitor.get("/console/cases?received_from=2026-12-02")
    november = visitor.get("/console/cases?received_to=2026-11-27")

    assert numbers_on(december.text) == {day.czj_fresh}
    assert numbers_on(november.text) == day.all() - {day.czj_fresh}


def test_pages_follow_each_other_without_gaps_or_repeats_in_every_order(
    client: TestClient, container: Container, day: Day, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_page, "PAGE_SIZE", 2)
    visitor = signed_in(client, container, "wang")

    for order in ("received", "due", "waiting"):
        seen: list[str] = []
        path: str | None = f"/console/cases?kind=complaint&sort={order}"
        while path is not None:
            page = visitor.get(path)
            assert page.status_code == 200, page.text
            seen += re.findall(r'href="/console/cases/([A-Z]+-[0-9]{6}-[0-9]{4})"', page.text)
            following = re.search(r'href="([^"]+)" rel="next"', page.text)
            path = following.group(1).replace("&amp;", "&") if following else None
            assert path is None or "kind=complaint" in path
        assert sorted(seen) == sorted(day.all()), order


@pytest.mark.parametrize(
    "number",
    ["hq2611270002", "HQ 261127 0002", "ＨＱ２６１１２７－０００２", "案件编号：HQ-261127-0002"],
)
def test_a_number_typed_loosely_opens_the_case_page(
    client: TestClient, container: Container, day: Day, number: str
) -> None:
    visitor = signed_in(client, container, "wang")

    found = visitor.client.get("/console/cases", params={"number": number}, follow_redirects=False)

    assert (found.status_code, found.headers["location"]) == (
        303,
        "/console/cases/HQ-261127-0002",
    )


def test_a_clerk_looking_up_another_units_number_is_told_it_is_not_there(
    client: TestClient, container: Container, day: Day
) -> None:
    visitor = signed_in(client, container, "zhao")

    page = visitor.get(f"/console/cases?number={day.czj_late}")

    assert page.status_code == 400
    assert f"没有编号为 {day.czj_late} 的案件，或者您无权查看。" in page.text
    assert numbers_on(page.text) == set()


def test_a_clerk_never_sees_another_units_case_in_a_search(
    client: TestClient, container: Container, day: Day
) -> None:
    visitor = signed_in(client, container, "zhao")

    seen = set()
    for query in ("", "q=工程款", "status=routed", "overdue=1", "sort=due"):
        page = visitor.get(f"/console/cases?{query}")
        seen |= numbers_on(page.text)
    another = visitor.get("/console/cases?unit=czj")  # refused, as the API refuses it

    assert seen == {day.sfj_late}
    assert another.status_code == 403 and numbers_on(another.text) == set()
    assert 'name="unit"' not in visitor.get("/console/cases").text


def test_only_a_coordinator_searches_by_a_named_reporters_phone(
    client: TestClient, container: Container, staff: Staff
) -> None:
    named = file_case(client, staff.coordinator, reporter={"name": "张三", "phone": PHONE})
    file_case(client, staff.coordinator)  # anonymous, same unit
    coordinator = signed_in(client, container, "wang")
    clerk = signed_in(client, container, "li")

    found = coordinator.get("/console/cases?phone=138-1234-5678")
    refused = clerk.get(f"/console/cases?phone={PHONE}")

    assert numbers_on(found.text) == {named["number"]}
    assert 'name="phone"' in found.text
    assert refused.status_code == 400
    assert "只有协调员可以按举报人电话查找。" in refused.text
    assert numbers_on(refused.text) == set()
    assert 'name="phone"' not in clerk.get("/console/cases").text


def test_nothing_a_clerk_sees_names_the_reporter(
    client: TestClient, container: Container, staff: Staff
) -> None:
    file_case(client, staff.coordinator, reporter={"name": "张三", "phone": PHONE})
    clerk = signed_in(client, container, "li")

    pages = [clerk.get("/console/cases").text, clerk.get("/console/?queue=new").text]

    assert all("张三" not in page and PHONE not in page for page in pages)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("status=lost", "“状态”的值不在可选范围内。"),
        ("unit=nowhere", "“承办单位”的值不在可选范围内。"),
        ("received_from=2026-13-01", "“受理日期从”不是日期，请写成 YYYY-MM-DD。"),
        ("received_to=yesterday", "“受理日期至”不是日期，请写成 YYYY-MM-DD。"),
        ("received_from=2026-12-05&received_to=2026-12-01", "日期范围的结束早于开始。"),
        ("cursor=garbage", "翻页链接无效，请从第一页重新开始。"),
        ("sort=due&cursor=w1.2", "翻页链接无效，请从第一页重新开始。"),
        ("sort=waiting&cursor=w999999999999999999.2", "翻页链接无效，请从第一页重新开始。"),
        ("sort=sideways", "没有这种排序方式。"),
        ("overdue=maybe", "“只看已超期”的值不在可选范围内。"),
        ("number=hello", "“案件编号”不是案件编号，案件编号形如 HQ-261127-0042。"),
        ("phone=12", "“举报人电话”不是电话号码。"),
        ("q=" + "长" * 201, "“正文中的文字”太长或含有无法保存的字符（最多 200 个字符）。"),
        ("q=%00", "“正文中的文字”太长或含有无法保存的字符（最多 200 个字符）。"),
    ],
)
def test_a_bad_filter_is_said_on_the_page_never_a_server_error(
    client: TestClient, container: Container, query: str, message: str
) -> None:
    visitor = signed_in(client, container, "wang")

    page = visitor.get(f"/console/cases?{query}")

    assert page.status_code == 400
    assert message in page.text
    assert 'role="alert"' in page.text and 'role="search"' in page.text


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("received_from=2026-02-30", "received_from", "“受理日期从”不是日期"),
        ("status=lost", "status", "“状态”的值不在可选范围内。"),
        ("phone=12", "phone", "“举报人电话”不是电话号码。"),  # beside its hint
    ],
)
def test_a_bad_filter_marks_its_field_and_points_it_at_the_message(
    client: TestClient, container: Container, query: str, field: str, message: str
) -> None:
    # Reviewer, 2026-12-02: the message stood at the top, the field itself said nothing to a
    # screen reader (the case forms' fields already do).
    visitor = signed_in(client, container, "wang")

    page = visitor.get(f"/console/cases?{query}")

    control = re.search(rf'<(?:input|select) id="filter-{field}"[^>]*>', page.text)
    assert control is not None, page.text
    assert 'aria-invalid="true"' in control.group(0)
    described = re.search(r'aria-describedby="([^"]+)"', control.group(0))
    assert described is not None
    said = [
        re.search(rf'id="{name}"[^>]*>(.*?)</', page.text, re.S)
        for name in described.group(1).split()
    ]
    assert any(m is not None and message in m.group(1) for m in said)
    others = re.findall(r'<(?:input|select) id="filter-(?!' + field + r'")[^>]*>', page.text)
    assert others and all("aria-invalid" not in other for other in others)


def test_a_bad_filter_is_said_in_the_visitors_language(
    client: TestClient, container: Container
) -> None:
    visitor = signed_in(client, container, "wang")
    visitor.get("/console/cases")
    visitor.post("/console/language", {"language": "en", "next": "/console/cases"})

    page = visitor.get("/console/cases?received_from=2026-12-05&received_to=2026-12-01")

    assert page.status_code == 400
    assert "The date range ends before it starts." in page.text
    assert '<label for="filter-received_from">Received from</label>' in page.text


@pytest.mark.parametrize(
    "figure",
    [
        "measure=received&department=czj&measure_from=2026-11-27&measure_to=2026-12-02",
        "measure=sign_due&department=czj&measure_from=2026-11-27&measure_to=2026-12-02",
        "measure=overdue_now",
    ],
)
def test_a_dashboard_figures_link_lists_the_cases_the_api_counts_behind_it(
    client: TestClient, container: Container, staff: Staff, day: Day, figure: str
) -> None:
    visitor = signed_in(client, container, "wang")
    behind = client.get(f"/api/v1/cases?{figure}&limit=100", headers=staff.coordinator)
    assert behind.status_code == 200, behind.text

    page = visitor.get(f"/console/cases?{figure}")

    assert page.status_code == 200, page.text
    assert numbers_on(page.text) == {case["number"] for case in behind.json()["data"]}
    assert numbers_on(page.text)  # the day has cases behind each of these figures
    assert 'type="hidden" name="measure"' in page.text  # a new filter keeps the figure


@pytest.mark.parametrize(
    "query",
    [
        "measure=nonsense",
        "measure=received",
        "measure=received&measure_from=2026-12-02&measure_to=2026-11-27",
    ],
)
def test_a_figure_that_cannot_be_read_is_said_on_the_page(
    client: TestClient, container: Container, query: str
) -> None:
    visitor = signed_in(client, container, "wang")

    page = visitor.get(f"/console/cases?{query}")

    assert page.status_code == 400
    assert 'role="alert"' in page.text
    assert "统计口径" in page.text
