"""Helpers for the record tests: a valid record body, filing and acting through the API."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

RECORD = {
    "person_name": "李某",
    "person_post": "科长",
    "department": "czj",
    "finding_type": "sanction",
    "authority": "区纪委监委",
    "document_number": "津红纪〔2026〕12号",
    "arisen_on": "2026-11-25",
    "severity": "general",
    "summary": "承诺的企业补贴长期未兑现，受到党内警告处分",
}


def file_record(client: TestClient, headers: dict[str, str], **body: Any) -> Any:
    """Post a record (the valid one, changed by `body`); return the response."""
    payload = {**RECORD, **body}
    for key in [k for k, v in payload.items() if v is None]:
        del payload[key]
    return client.post("/api/v1/records", json=payload, headers=headers)


def filed(client: TestClient, headers: dict[str, str], **body: Any) -> dict[str, Any]:
    """File a record and return it, failing loudly if it was refused."""
    response = file_record(client, headers, **body)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def step(
    client: TestClient, headers: dict[str, str], record: dict[str, Any], action: str, **body: Any
) -> Any:
    """Take an action on a record at the version the caller last saw; return the response."""
    payload = {"action": action, "version": record["version"], **body}
    return client.post(
        f"/api/v1/records/{record['number']}/actions", json=payload, headers=headers
    )


def stepped(
    client: TestClient, headers: dict[str, str], record: dict[str, Any], action: str, **body: Any
) -> dict[str, Any]:
    """Take an action and return the record after it, failing loudly if it was refused."""
    response = step(client, headers, record, action, **body)
    assert response.status_code == 200, response.text
    after: dict[str, Any] = response.json()
    return after


def clock_of(record: dict[str, Any], kind: str) -> dict[str, Any]:
    """Return the newest clock of a kind."""
    return [d for d in record["deadlines"] if d["kind"] == kind][-1]


def rectified_czj_record(
    client: TestClient, clerk: dict[str, str], lead_office: dict[str, str]
) -> dict[str, Any]:
    """File a record about czj (by its clerk), have it rectified and the lead office accept it."""
    record = filed(client, clerk)
    record = stepped(client, lead_office, record, "order_rectification")
    record = stepped(
        client, clerk, record, "submit_rectification", explanation="说明", report="报告"
    )
    return stepped(client, lead_office, record, "accept_rectification")
