"""Coordinators list staff and issue one-time bind codes."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.conftest import Staff


def test_a_coordinator_issues_a_bind_code_for_a_clerk(client: TestClient, staff: Staff) -> None:
    listed = client.get("/api/v1/staff", headers=staff.coordinator).json()
    clerk = next(s for s in listed if s["department"] == "czj")
    response = client.post(f"/api/v1/staff/{clerk['id']}/invites", headers=staff.coordinator)
    assert response.status_code == 201
    assert len(response.json()["code"]) == 9


def test_clerks_may_not_list_staff_or_issue_codes(client: TestClient, staff: Staff) -> None:
    assert client.get("/api/v1/staff", headers=staff.czj_clerk).status_code == 403
    assert client.post("/api/v1/staff/1/invites", headers=staff.czj_clerk).status_code == 403


def test_a_code_for_an_unknown_account_answers_404(client: TestClient, staff: Staff) -> None:
    assert client.post("/api/v1/staff/999/invites", headers=staff.coordinator).status_code == 404
