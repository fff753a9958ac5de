"""Filing through the API with an Idempotency-Key: a request sent again files nothing new."""

from __future__ import annotations

from fastapi.testclient import TestClient
from httpx import Response
from sqlmodel import func, select

from backend.bootstrap import Container
from backend.cases.models import Case
from backend.db import session_scope
from tests.api.helpers import ARREARS, ENFORCEMENT
from tests.conftest import Staff
from tests.fakes import FakeClock


def _cases(container: Container) -> int:
    with session_scope(container.engine) as session:
        return int(session.exec(select(func.count()).select_from(Case)).one())


def _file(client: TestClient, headers: dict[str, str], key: str, text: str = ARREARS) -> Response:
    return client.post(
        "/api/v1/cases", json={"text": text}, headers={**headers, "Idempotency-Key": key}
    )


def test_the_same_key_sent_again_answers_the_first_case_without_its_pin(
    client: TestClient, staff: Staff, container: Container
) -> None:
    first = _file(client, staff.coordinator, "retry-0001-abcdef")
    again = _file(client, staff.coordinator, "retry-0001-abcdef")

    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json()["number"] == first.json()["number"]
    assert first.json()["pin"] and again.json()["pin"] is None
    assert again.headers["idempotent-replayed"] == "true"
    assert "idempotent-replayed" not in first.headers
    assert _cases(container) == 1


def test_another_key_or_another_caller_files_a_new_case(
    client: TestClient, staff: Staff, container: Container
) -> None:
    one = _file(client, staff.coordinator, "key-number-one")
    two = _file(client, staff.coordinator, "key-number-two", ENFORCEMENT)
    other_caller = _file(client, staff.czj_clerk, "key-number-one")

    numbers = {r.json()["number"] for r in (one, two, other_caller)}
    assert len(numbers) == 3
    assert _cases(container) == 3


def test_a_key_is_kept_for_a_day(
    client: TestClient, staff: Staff, container: Container, clock: FakeClock
) -> None:
    first = _file(client, staff.coordinator, "kept-for-a-day")
    clock.advance(hours=25)
    later = _file(client, staff.coordinator, "kept-for-a-day")

    assert later.json()["number"] != first.json()["number"]


def test_a_key_too_short_is_refused_in_the_callers_language(
    client: TestClient, staff: Staff, container: Container
) -> None:
    response = client.post(
        "/api/v1/cases",
        json={"text": ARREARS},
        headers={**staff.coordinator, "Idempotency-Key": "short", "Accept-Language": "zh"},
    )

    assert response.status_code == 422
    assert response.json() == {
        "detail": "Idempotency-Key 须为 8 到 100 个可见 ASCII 字符（例如一个 UUID）。",
        "code": "idempotency_key_invalid",
        "field": "Idempotency-Key",
    }
    assert _cases(container) == 0


def test_a_key_sent_again_with_another_text_is_refused_and_files_nothing(
    client: TestClient, staff: Staff, container: Container
) -> None:
    first = _file(client, staff.coordinator, "retry-0002-abcdef")
    other = _file(
        client, staff.coordinator, "retry-0002-abcdef", text="小区停车位被人私自加了地锁，物业不管"
    )

    assert first.status_code == 201
    assert other.status_code == 422
    assert other.json()["code"] == "idempotency_key_reused"
    assert _cases(container) == 1


def test_a_clerk_resending_a_key_whose_case_another_unit_now_handles_gets_its_number_not_its_case(
    client: TestClient, staff: Staff
) -> None:
    first = _file(client, staff.czj_clerk, "phone-intake-0001", ENFORCEMENT)  # routed to sfj
    number = first.json()["number"]
    assert (first.status_code, first.json()["department"]) == (201, "sfj")
    sfj_case = client.get(f"/api/v1/cases/{number}", headers=staff.sfj_clerk).json()
    noted = client.post(
        f"/api/v1/cases/{number}/notes",
        json={"text": "司法局内部备注，勿外传"},
        headers=staff.sfj_clerk,
    )
    assert noted.status_code == 201, noted.text
    assert client.get(f"/api/v1/cases/{number}", headers=staff.czj_clerk).status_code == 404

    again = _file(client, staff.czj_clerk, "phone-intake-0001", ENFORCEMENT)
    english = client.post(
        "/api/v1/cases",
        json={"text": ENFORCEMENT},
        headers={
            **staff.czj_clerk,
            "Idempotency-Key": "phone-intake-0001",
            "Accept-Language": "en",
        },
    )

    assert (again.status_code, again.json()["code"]) == (409, "idempotency_key_case_elsewhere")
    assert number in again.json()["detail"] and "勿外传" not in again.text
    assert english.status_code == 409 and english.json()["detail"].startswith(
        f"This Idempotency-Key already filed case {number}"
    )
    assert sfj_case["version"] >= 1
    own = _file(client, staff.czj_clerk, "phone-intake-0002")  # routed to czj: still shown
    replayed = _file(client, staff.czj_clerk, "phone-intake-0002")
    assert (replayed.status_code, replayed.json()["number"]) == (201, own.json()["number"])
