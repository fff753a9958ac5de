"""Small helpers for API tests."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

ARREARS = "区里的项目做完了，工程款一直拖欠不付，已经拖了半年"  # owned by czj
ENFORCEMENT = "执法队没收了我的三轮车，没有任何手续，也没出示执法证"  # owned by sfj
PARKING_XYZ = "西于庄街道的小区停车位被人私自加了地锁，没人管"  # street-level, at xyz


def file_case(client: TestClient, headers: dict[str, str], **body: Any) -> dict[str, Any]:
    """File a case and return the created case, failing loudly if that was refused."""
    body.setdefault("text", ARREARS)
    response = client.post("/api/v1/cases", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def act(
    client: TestClient, headers: dict[str, str], case: dict[str, Any], action: str, **body: Any
) -> Any:
    """Take an action on a case at the version the caller last saw; return the response."""
    payload = {"action": action, "version": case["version"], **body}
    return client.post(f"/api/v1/cases/{case['number']}/actions", json=payload, headers=headers)
