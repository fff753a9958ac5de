"""Refusals of the HTTP layer (a method, a body too large, JSON) come as the error list."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from backend.bootstrap import Container
from backend.cases.models import Case
from backend.db import session_scope
from tests.open311.helpers import BASE, EN, ZH, errors_of, new_key, request_form


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_method_an_address_does_not_take_is_405_as_the_error_list_with_allow(
    client: TestClient, fmt: str
) -> None:
    response = client.request("DELETE", f"{BASE}/requests.{fmt}", headers=EN)

    assert response.status_code == 405
    assert "POST" in response.headers["allow"]
    [error] = errors_of(response, fmt)
    assert error["code"] == 405
    assert "DELETE" in str(error["description"])


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_body_past_the_limit_is_413_as_the_error_list_in_the_callers_language(
    client: TestClient, container: Container, fmt: str
) -> None:
    form = request_form(new_key(container), description="拖欠" * 600_000)
    response = client.post(f"{BASE}/requests.{fmt}", data=form, headers=ZH)

    assert response.status_code == 413
    [error] = errors_of(response, fmt)
    assert error["code"] == 413
    assert "太大" in str(error["description"]) or "超过" in str(error["description"])
    with session_scope(container.engine) as session:
        assert session.exec(select(Case)).all() == []


def test_a_json_body_is_refused_as_a_form_would_be_expected_not_as_a_missing_key(
    client: TestClient, container: Container
) -> None:
    body = request_form(new_key(container))
    response = client.post(f"{BASE}/requests.json", json=body, headers=EN)

    assert response.status_code == 400
    [error] = errors_of(response, "json")
    assert "form-encoded" in str(error["description"])
    with session_scope(container.engine) as session:
        assert session.exec(select(Case)).all() == []
