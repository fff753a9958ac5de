"""Helpers for the measure tests: file cases at a Tianjin time, rate them, follow figure links."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from backend.actors import SYSTEM
from backend.bootstrap import Container
from backend.cases.intake import Draft, submit
from backend.cases.queries import get_case
from backend.cases.rating import rate_case
from backend.db import session_scope
from tests.api.helpers import act, file_case


def filed(client: TestClient, headers: dict[str, str], **body: Any) -> dict[str, Any]:
    """File a case through the API and return it."""
    return file_case(client, headers, **body)


def acted(
    client: TestClient, headers: dict[str, str], case: dict[str, Any], action: str, **body: Any
) -> dict[str, Any]:
    """Take an action that must succeed and return the case as it is after it."""
    response = act(client, headers, case, action, **body)
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


def sent_back(
    client: TestClient, clerk: dict[str, str], coordinator: dict[str, str], case: dict[str, Any]
) -> dict[str, Any]:
    """Have the unit return a case (退单) and the coordinator send it back to the same unit."""
    department = case["department"]
    case = acted(client, clerk, case, "return", reason="不是我们的")
    return acted(client, coordinator, case, "reassign", department=department)


def resolved(client: TestClient, clerk: dict[str, str], case: dict[str, Any]) -> dict[str, Any]:
    """Sign for and resolve a case."""
    case = acted(client, clerk, case, "sign")
    return acted(client, clerk, case, "resolve", reply="已处理完毕")


def rate(container: Container, number: str, rating: str) -> None:
    """Record the reporter's rating (回访) at the clock's time."""
    with session_scope(container.engine) as session:
        case = get_case(session=session, number=number, actor=SYSTEM)
        rate_case(session=session, case=case, rating=rating, comment=None, env=container.case_env)


def filed_from(container: Container, text: str, channel: str) -> str:
    """File a complaint through a chat channel (as the dialogs do) and return its number."""
    with session_scope(container.engine) as session:
        receipt = submit(
            session=session,
            draft=Draft(text=text, channel=channel, chat_id=f"{channel}-chat"),
            actor=SYSTEM,
            env=container.case_env,
        )
        return receipt.case.number


def listed(client: TestClient, headers: dict[str, str], link: str | None) -> set[str]:
    """Return the numbers of the cases a figure's link lists (every page)."""
    assert link is not None and link.startswith("/api/v1/cases?"), link
    response = client.get(f"{link}&limit=500", headers=headers)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["next_cursor"] is None
    return {row["number"] for row in body["data"]}


def stats(client: TestClient, headers: dict[str, str], query: str) -> dict[str, Any]:
    """Return the answer of GET /api/v1/stats?query, which must succeed."""
    response = client.get(f"/api/v1/stats?{query}", headers=headers)
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


def unit(answer: dict[str, Any], department: str) -> dict[str, Any]:
    """Return one unit's row of a stats answer."""
    rows = {row["department"]: row for row in answer["data"]}
    return rows[department]


ARREARS_TEXT = "区里的项目做完了，工程款一直拖欠不付，已经拖了半年"  # owned by czj
