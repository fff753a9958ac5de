"""Helpers for the export tests: fetch the spreadsheet and read it back with openpyxl."""

from __future__ import annotations

from io import BytesIO
from typing import Any

from fastapi.testclient import TestClient
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from backend.exports.cases_xlsx import XLSX_TYPE


def sheet_of(content: bytes) -> Worksheet:
    """Return the first sheet of an XLSX file."""
    sheet = load_workbook(BytesIO(content)).active
    assert isinstance(sheet, Worksheet)
    return sheet


def exported(
    client: TestClient, headers: dict[str, str], query: str = "", language: str = "zh"
) -> Worksheet:
    """Return the sheet of GET /api/v1/exports/cases.xlsx?query, which must succeed."""
    response = client.get(
        f"/api/v1/exports/cases.xlsx?{query}",
        headers={**headers, "Accept-Language": language},
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == XLSX_TYPE
    assert response.headers["content-disposition"].startswith("attachment;")
    return sheet_of(response.content)


def table(sheet: Worksheet) -> list[dict[str, Any]]:
    """Return the rows under the heading row as dicts keyed by heading."""
    rows = list(sheet.iter_rows(values_only=True))
    heads = [str(h) for h in rows[0]]
    return [dict(zip(heads, row, strict=True)) for row in rows[1:]]


def headings(sheet: Worksheet) -> list[str]:
    """Return the heading row."""
    return [str(cell.value) for cell in sheet[1]]
