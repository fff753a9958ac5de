"""The dashboard's download holds exactly the cases its figure counts (issue: triage leaked in)."""

from __future__ import annotations

import html
import re

import pytest
from fastapi.testclient import TestClient

from tests.api.helpers import ENFORCEMENT, file_case
from tests.conftest import Staff
from tests.exports.helpers import sheet_of, table
from tests.staff_console.helpers import ConsoleVisitor

NOVEMBER = "from=2026-11-01&to=2026-11-30"
TRIAGE_TEXT = "请问怎么注册账号呢？"  # fits no category: waits in triage, never routed


def _downloads(page: str) -> dict[str, str]:
    """Return each download's address by the figure it holds (its data-figure)."""
    links = re.findall(r'<a href="([^"]+)" data-export="[^"]+" data-figure="([^"]+)"', page)
    return {figure: html.unescape(address) for address, figure in links}


def _figure(page: str, figure: str) -> int:
    row = re.search(rf'<tr data-figure="{figure}">.*?</tr>', page, re.S)
    assert row is not None, figure
    count = re.search(r">(\d+)</a>", row.group(0))
    return int(count.group(1)) if count else 0


@pytest.mark.parametrize("department", ["", "czj"])
def test_every_download_holds_exactly_the_cases_its_figure_counts_with_triage_cases_present(
    client: TestClient, staff: Staff, coordinator: ConsoleVisitor, department: str
) -> None:
    file_case(client, staff.coordinator)
    file_case(client, staff.coordinator, text=ENFORCEMENT)
    triage = file_case(client, staff.coordinator, text=TRIAGE_TEXT)
    assert triage["status"] == "triage"
    unit = f"&department={department}" if department else ""

    page = coordinator.get(f"/console/dashboard?{NOVEMBER}{unit}").text
    downloads = _downloads(page)

    assert downloads, "the dashboard offers a download"
    for figure, address in downloads.items():
        sheet = coordinator.get(address)
        assert sheet.status_code == 200, sheet.text
        numbers = [row["案件编号"] for row in table(sheet_of(sheet.content))]
        assert triage["number"] not in numbers
        assert len(numbers) == _figure(page, figure), figure
