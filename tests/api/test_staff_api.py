"""Coordinators list staff and issue one-time bind codes."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from backend.bootstrap import Container
from backend.db import session_scope
from backend.errors import InvalidTransition
from backend.people.deactivation import deactivate_staff
from backend.people.models import StaffAccount
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


def _staff_id(client: TestClient, staff: Staff, department: str) -> int:
    listed = client.get("/api/v1/staff", headers=staff.coordinator).json()
    return int(next(s["id"] for s in listed if s["department"] == department))


def test_a_deactivated_accounts_token_is_refused_at_once(client: TestClient, staff: Staff) -> None:
    assert client.get("/api/v1/cases", headers=staff.czj_clerk).status_code == 200
    clerk_id = _staff_id(client, staff, "czj")
    response = client.post(f"/api/v1/staff/{clerk_id}/deactivate", headers=staff.coordinator)
    assert (response.status_code, response.json()["active"]) == (200, False)
    assert client.get("/api/v1/cases", headers=staff.czj_clerk).status_code == 401
    listed = client.get("/api/v1/staff", headers=staff.coordinator).json()
    assert [s["active"] for s in listed if s["id"] == clerk_id] == [False]
    invite = client.post(f"/api/v1/staff/{clerk_id}/invites", headers=staff.coordinator)
    assert invite.status_code == 404  # no new chat can be bound to it either


def test_only_coordinators_deactivate_and_only_accounts_that_exist(
    client: TestClient, staff: Staff
) -> None:
    sfj_id = _staff_id(client, staff, "sfj")
    assert (
        client.post(f"/api/v1/staff/{sfj_id}/deactivate", headers=staff.czj_clerk).status_code
        == 403
    )
    assert (
        client.post("/api/v1/staff/999/deactivate", headers=staff.coordinator).status_code == 404
    )
    for bad in ("0", "878326802703905062912", "x"):
        response = client.post(f"/api/v1/staff/{bad}/deactivate", headers=staff.coordinator)
        assert response.status_code == 422, bad
    assert client.get("/api/v1/cases", headers=staff.sfj_clerk).status_code == 200


def test_a_coordinator_cannot_deactivate_the_own_account_or_the_last_coordinator(
    client: TestClient, staff: Staff
) -> None:
    me = client.get("/api/v1/staff", headers=staff.coordinator).json()
    coordinator = next(s for s in me if s["role"] == "coordinator")

    own = client.post(f"/api/v1/staff/{coordinator['id']}/deactivate", headers=staff.coordinator)

    assert own.status_code == 409
    assert own.json()["code"] == "cannot_deactivate_self"
    assert client.get("/api/v1/staff", headers=staff.coordinator).status_code == 200


def test_the_last_active_coordinator_cannot_be_deactivated_from_the_command_line_either(
    container: Container, staff: Staff
) -> None:
    with session_scope(container.engine) as session:
        coordinator = session.exec(
            select(StaffAccount).where(StaffAccount.role == "coordinator")
        ).one()
        with pytest.raises(InvalidTransition):
            deactivate_staff(session=session, staff_id=coordinator.id or 0, clock=container.clock)


def test_a_refused_deactivation_is_explained_in_the_callers_language(
    client: TestClient, staff: Staff
) -> None:
    me = client.get("/api/v1/staff", headers=staff.coordinator).json()
    coordinator = next(s for s in me if s["role"] == "coordinator")
    path = f"/api/v1/staff/{coordinator['id']}/deactivate"

    chinese = client.post(path, headers={**staff.coordinator, "Accept-Language": "zh"})
    english = client.post(path, headers={**staff.coordinator, "Accept-Language": "en"})

    assert (chinese.status_code, chinese.json()) == (
        409,
        {"detail": "不能停用自己的账号。", "code": "cannot_deactivate_self"},
    )
    assert english.json()["detail"] == "You cannot deactivate your own account."
