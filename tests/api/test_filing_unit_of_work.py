"""Filing's one dependency: the token checked in the write transaction, nothing kept on refusal.

`backend.api.deps.get_writing_unit` hands the endpoint a unit of work that it opens in its own
thread, checking the Bearer token by the transaction's first statement (issue 13, item 3);
these pin what the separate session and actor dependencies did.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func
from sqlmodel import select

from backend.api import deps
from backend.bootstrap import Container
from backend.cases.models import Case
from backend.db import session_scope
from backend.people.service import create_staff
from tests.api.helpers import ARREARS, file_case
from tests.conftest import Staff

T = TypeVar("T")


def _cases(container: Container) -> int:
    with session_scope(container.engine) as session:
        return session.exec(select(func.count()).select_from(Case)).one()


def test_a_deactivated_accounts_token_files_nothing(
    client: TestClient, staff: Staff, container: Container
) -> None:
    file_case(client, staff.czj_clerk)
    clerk = next(
        s
        for s in client.get("/api/v1/staff", headers=staff.coordinator).json()
        if s["department"] == "czj"
    )
    client.post(f"/api/v1/staff/{clerk['id']}/deactivate", headers=staff.coordinator)
    response = client.post("/api/v1/cases", json={"text": ARREARS}, headers=staff.czj_clerk)
    assert (response.status_code, response.headers["WWW-Authenticate"]) == (401, "Bearer")
    assert _cases(container) == 1


def test_a_filing_without_a_token_is_refused_before_the_body_is_validated(
    client: TestClient, container: Container
) -> None:
    response = client.post("/api/v1/cases", json={"txt": ARREARS})  # no text: not validated
    assert (response.status_code, response.headers["WWW-Authenticate"]) == (401, "Bearer")
    assert _cases(container) == 0


def test_an_unknown_token_is_refused_and_files_nothing(
    client: TestClient, container: Container
) -> None:
    headers = {"Authorization": "Bearer itk_unknown"}
    response = client.post("/api/v1/cases", json={"text": ARREARS}, headers=headers)
    assert response.status_code == 401
    assert _cases(container) == 0


def test_an_unknown_token_with_a_malformed_body_is_refused_for_the_token_first(
    client: TestClient, container: Container
) -> None:
    # The token is checked in the endpoint's thread, after FastAPI has read the body; a body
    # it refuses is answered for the token first, as every write endpoint answers.
    headers = {"Authorization": "Bearer itk_unknown"}
    response = client.post("/api/v1/cases", json={"txt": ARREARS}, headers=headers)
    assert (response.status_code, response.headers["WWW-Authenticate"]) == (401, "Bearer")
    assert _cases(container) == 0


def test_a_valid_token_with_a_malformed_body_hears_of_the_body(
    client: TestClient, staff: Staff
) -> None:
    response = client.post("/api/v1/cases", json={"txt": ARREARS}, headers=staff.czj_clerk)
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "text"


def test_an_evaluator_may_not_file_a_case(client: TestClient, container: Container) -> None:
    with session_scope(container.engine) as session:
        _, token = create_staff(
            session=session,
            name="评估 钱",
            role="evaluator",
            department="fgw",
            clock=container.clock,
        )
    headers = {"Authorization": f"Bearer {token}"}
    response = client.post("/api/v1/cases", json={"text": ARREARS}, headers=headers)
    assert response.status_code == 403
    assert _cases(container) == 0


def test_a_filing_refused_by_the_service_leaves_nothing_written(
    client: TestClient, staff: Staff, container: Container
) -> None:
    refused = {"text": ARREARS, "category": "no-such-category"}
    response = client.post("/api/v1/cases", json=refused, headers=staff.coordinator)
    assert response.status_code == 422
    assert _cases(container) == 0
    assert file_case(client, staff.coordinator)["status"] == "routed"  # the next one files


@pytest.fixture
def hops(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the functions the writing unit sends to the thread pool, in order."""
    sent: list[str] = []
    real = deps.run_in_threadpool

    async def counted(func: Callable[..., T], *args: Any) -> T:
        sent.append(func.__name__)
        return await real(func, *args)

    monkeypatch.setattr(deps, "run_in_threadpool", counted)
    return sent


def test_a_filing_commits_in_its_endpoints_thread_and_ends_without_another_hop(
    client: TestClient, staff: Staff, container: Container, hops: list[str]
) -> None:
    # Issue 13, item 3: each hop to the thread pool costs the server CPU (measured: two
    # extra hops on a no-op, 0.3 ms a request). The endpoint opens, files and commits in its
    # own thread (FastAPI's one hop); the dependency sends nothing more to the pool.
    number = file_case(client, staff.coordinator)["number"]
    assert hops == []
    with session_scope(container.engine) as session:  # committed, before the answer
        assert session.exec(select(Case).where(Case.number == number)).one()
    assert file_case(client, staff.coordinator)["status"] == "routed"  # the turn is back


def test_a_filing_refused_after_its_unit_opened_is_rolled_back_in_its_own_thread(
    client: TestClient, staff: Staff, container: Container, hops: list[str]
) -> None:
    refused = {"text": ARREARS, "category": "no-such-category"}
    assert client.post("/api/v1/cases", json=refused, headers=staff.coordinator).status_code == 422
    # Ended where it was opened: a refusal needs no second worker thread, which filings
    # queued for the same turn might all hold.
    assert hops == []
    assert _cases(container) == 0
