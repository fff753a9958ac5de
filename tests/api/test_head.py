"""HEAD works wherever GET does (README: GET/HEAD/OPTIONS), headers alike and no body."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.conftest import Staff


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/health",
        "/api/v1/cases",
        "/api/v1/categories",
        "/console/sign-in",
        "/public/records",
        "/open311/v2/services.json",
    ],
)
def test_head_on_a_get_route_answers_as_get_without_a_body(
    client: TestClient, staff: Staff, path: str
) -> None:
    got = client.get(path, headers=staff.coordinator)
    head = client.head(path, headers=staff.coordinator)
    assert got.status_code == 200
    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.headers["content-length"] == got.headers["content-length"]
