"""The routing configuration, read-only, and the flash message that cannot be planted."""

from __future__ import annotations

from fastapi.testclient import TestClient

from backend.people.models import StaffAccount
from tests.staff_console.admin_helpers import signed_in


def test_the_routing_page_shows_categories_owners_keywords_units_and_streets(
    client: TestClient, coordinator: StaffAccount
) -> None:
    page = signed_in(client, "wang").get("/console/admin/routing").text

    arrears = page[page.index('<tr data-category="arrears">') :].split("</tr>")[0]
    assert "财政局 (czj)" in arrears and "工程款" in arrears and ">否</td>" in arrears
    parking = page[page.index('<tr data-category="parking">') :].split("</tr>")[0]
    assert "事发地所在街道" in parking and ">是</td>" in parking
    street = page[page.index('<tr data-street="xyz">') :].split("</tr>")[0]
    assert "西于庄街道" in street
    assert "牵头单位" in page and "hongqiao.yaml" in page
    assert "<form" not in page.split("<main")[1]  # read-only


def test_a_flash_cookie_from_elsewhere_is_not_shown(
    client: TestClient, coordinator: StaffAccount
) -> None:
    admin = signed_in(client, "wang")
    client.cookies.set("intake_flash", "eyJrIjogImFkbWluLnRpdGxlIn0.forged")

    page = admin.get("/console/admin/staff").text

    assert 'role="status"' not in page and "flash-secret" not in page
