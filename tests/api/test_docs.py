"""The API's documentation works offline: Swagger UI and ReDoc come from this app."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

OTHER_ORIGIN = re.compile(r"(?:https?:)?//(?!testserver\b)[a-z0-9.-]+\.[a-z]{2,}", re.IGNORECASE)


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
def test_the_documentation_pages_reference_no_other_origin(client: TestClient, path: str) -> None:
    response = client.get(path)

    assert response.status_code == 200
    assert OTHER_ORIGIN.findall(response.text) == []
    assets = re.findall(r'(?:src|href)="([^"]+)"', response.text)
    assert assets and all(asset.startswith("/docs/assets/") for asset in assets)


def test_the_documentation_assets_are_served_by_this_app(client: TestClient) -> None:
    html = client.get("/docs").text

    for asset in re.findall(r'(?:src|href)="([^"]+)"', html):
        response = client.get(asset)
        assert response.status_code == 200, asset
        assert len(response.content) > 1000


def test_swagger_ui_asks_no_validator_on_another_site(client: TestClient) -> None:
    assert "validatorUrl" in client.get("/docs").text
    assert '"validatorUrl": null' in client.get("/docs").text
