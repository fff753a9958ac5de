"""The console's assessment page (考核评价): ranking, no data, charts under the console's CSP."""

from __future__ import annotations

import re
from io import BytesIO

from fastapi.testclient import TestClient
from openpyxl import load_workbook

from tests.api.helpers import ENFORCEMENT, file_case
from tests.books_console.conftest import ConsoleVisitor
from tests.conftest import Staff
from tests.stats.helpers import resolved

PERIOD = "from=2026-11-01&to=2026-11-30"


def test_the_ranking_shows_scores_measures_and_no_data(
    client: TestClient, staff: Staff, coordinator: ConsoleVisitor
) -> None:
    resolved(client, staff.czj_clerk, file_case(client, staff.coordinator))
    file_case(client, staff.coordinator, text=ENFORCEMENT)

    page = coordinator.get(f"/console/assessment?{PERIOD}")

    assert page.status_code == 200, page.text
    html = page.text
    czj = re.search(r'<tr data-unit="区财政局">.*?</tr>', html, re.S)
    assert czj is not None
    assert re.search(r"<td data-rank>1</td>", czj.group(0))
    assert "<td data-score>100.0</td>" in czj.group(0)
    assert "1 / 1" in czj.group(0) and "100.0 %" in czj.group(0)
    sfj = re.search(r'<tr data-unit="区司法局">.*?</tr>', html, re.S)
    assert sfj is not None and "<td data-score>无数据</td>" in sfj.group(0)
    assert "0 / 0" in sfj.group(0) and "0.0 %" not in sfj.group(0)


def test_the_charts_are_inline_svg_without_script_or_style(
    client: TestClient, staff: Staff, coordinator: ConsoleVisitor
) -> None:
    resolved(client, staff.czj_clerk, file_case(client, staff.coordinator))

    html = coordinator.get(f"/console/assessment?{PERIOD}").text
    css = coordinator.get("/console/assessment/charts.css")

    assert html.count("<svg") == 2
    assert re.findall(r"<script(?![^>]*\bsrc=)", html) == []
    assert re.findall(r"\sstyle\s*=", html) == [] and "<style" not in html
    assert css.status_code == 200 and "#chart-assessment_scores" in css.text


def test_the_evaluators_spreadsheet_downloads_from_the_page(
    client: TestClient, staff: Staff, evaluator: ConsoleVisitor
) -> None:
    resolved(client, staff.czj_clerk, file_case(client, staff.coordinator))

    html = evaluator.get(f"/console/assessment?{PERIOD}").text
    link = re.search(r'href="(/console/assessment\.xlsx\?[^"]+)"', html)
    assert link is not None
    response = evaluator.get(link.group(1).replace("&amp;", "&"))

    assert response.status_code == 200
    assert load_workbook(BytesIO(response.content)).sheetnames == ["考核评价", "说明"]


def test_a_clerk_sees_the_own_units_row_only(
    client: TestClient, staff: Staff, clerk: ConsoleVisitor
) -> None:
    resolved(client, staff.sfj_clerk, file_case(client, staff.coordinator, text=ENFORCEMENT))

    html = clerk.get(f"/console/assessment?{PERIOD}").text

    assert 'data-unit="区财政局"' in html and 'data-unit="区司法局"' not in html


def test_a_unit_is_chosen_on_the_page_and_its_download_as_in_the_api(
    client: TestClient, staff: Staff, coordinator: ConsoleVisitor
) -> None:
    resolved(client, staff.czj_clerk, file_case(client, staff.coordinator))

    page = coordinator.get(f"/console/assessment?{PERIOD}&department=czj")
    html = page.text
    link = re.search(r'href="([^"]*assessment\.xlsx[^"]*)"', html)
    api = client.get(f"/api/v1/assessment?{PERIOD}&department=czj", headers=staff.coordinator)

    assert page.status_code == 200 and 'name="department"' in html
    assert '<option value="czj" selected>' in html
    assert re.findall(r'<tr data-unit="([^"]+)">', html) == ["区财政局"]
    assert [u["department"] for u in api.json()["data"]] == ["czj"]
    assert link is not None and "department=czj" in link.group(1)
    every = coordinator.get(f"/console/assessment?{PERIOD}&department=")  # the form's "all"
    assert every.status_code == 200 and len(re.findall(r"<tr data-unit=", every.text)) > 1
    download = coordinator.get(f"/console/assessment.xlsx?{PERIOD}&department=")
    assert download.status_code == 200


def test_another_unit_or_an_unknown_one_is_refused_not_ignored(
    clerk: ConsoleVisitor, coordinator: ConsoleVisitor
) -> None:
    another = clerk.get(f"/console/assessment?{PERIOD}&department=sfj")
    unknown = coordinator.get(f"/console/assessment?{PERIOD}&department=nope")
    download = clerk.get(f"/console/assessment.xlsx?{PERIOD}&department=sfj")

    assert another.status_code == 403 and "区司法局" in another.text
    assert unknown.status_code == 400 and "nope" in unknown.text
    assert download.status_code == 403
