"""An Idempotency-Key on the record POSTs: a request sent again files nothing new.

The rule is the case filing's (backend.cases.idempotency): one key per caller, kept a day;
the same key with the same body answers the first answer, with another body is refused.
"""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from httpx import Response
from sqlmodel import func, select

from backend.bootstrap import Container
from backend.db import session_scope
from backend.records.models import DishonestyRecord, RecordObjection, RepairApplication
from tests.conftest import Staff
from tests.fakes import FakeClock
from tests.records.helpers import RECORD, filed, rectified_czj_record

WHO = {"objector_kind": "person", "objector_name": "李某"}


def _count(container: Container, table: Any) -> int:
    with session_scope(container.engine) as session:
        return int(session.exec(select(func.count()).select_from(table)).one())


def _file(client: TestClient, headers: dict[str, str], key: str, **body: Any) -> Response:
    return client.post(
        "/api/v1/records", json={**RECORD, **body}, headers={**headers, "Idempotency-Key": key}
    )


def _act(
    client: TestClient, headers: dict[str, str], record: dict[str, Any], key: str, **body: Any
) -> Response:
    payload = {"version": record["version"], **body}
    return client.post(
        f"/api/v1/records/{record['number']}/actions",
        json=payload,
        headers={**headers, "Idempotency-Key": key},
    )


def test_a_record_sent_again_with_its_key_answers_the_first_record_and_files_nothing_more(
    client: TestClient, staff: Staff, container: Container
) -> None:
    first = _file(client, staff.czj_clerk, "record-0001-abcdef")
    again = _file(client, staff.czj_clerk, "record-0001-abcdef")

    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json()["number"] == first.json()["number"]
    assert again.headers["idempotent-replayed"] == "true"
    assert "idempotent-replayed" not in first.headers
    assert len(again.json()["deadlines"]) == len(first.json()["deadlines"])
    assert _count(container, DishonestyRecord) == 1


def test_a_record_key_sent_with_another_body_is_refused_in_the_callers_language(
    client: TestClient, staff: Staff, container: Container
) -> None:
    first = _file(client, staff.czj_clerk, "record-0002-abcdef")
    zh = {**staff.czj_clerk, "Accept-Language": "zh"}
    other = _file(client, zh, "record-0002-abcdef", person_name="王某")
    en = _file(client, staff.czj_clerk, "record-0002-abcdef", severity="serious")

    assert first.status_code == 201
    assert (other.status_code, other.json()["code"], other.json()["field"]) == (
        422,
        "record_idempotency_key_reused",
        "Idempotency-Key",
    )
    assert "记录" in other.json()["detail"] and "投诉" not in other.json()["detail"]
    assert en.status_code == 422 and "record" in en.json()["detail"]
    assert _count(container, DishonestyRecord) == 1


def test_a_record_key_is_the_callers_own_and_kept_for_a_day(
    client: TestClient, staff: Staff, container: Container, clock: FakeClock
) -> None:
    mine = _file(client, staff.czj_clerk, "record-0003-abcdef")
    another_callers = _file(client, staff.coordinator, "record-0003-abcdef", person_name="张某")
    clock.advance(hours=25)
    a_day_later = _file(client, staff.czj_clerk, "record-0003-abcdef", person_name="赵某")

    numbers = {r.json()["number"] for r in (mine, another_callers, a_day_later)}
    assert len(numbers) == 3
    assert _count(container, DishonestyRecord) == 3


def test_a_malformed_record_key_is_refused_and_files_nothing(
    client: TestClient, staff: Staff, container: Container
) -> None:
    refused = _file(client, staff.czj_clerk, "short")

    assert (refused.status_code, refused.json()["code"]) == (422, "idempotency_key_invalid")
    assert _count(container, DishonestyRecord) == 0


def test_a_filing_key_used_again_for_an_action_is_another_request_and_refused(
    client: TestClient, staff: Staff, container: Container
) -> None:
    record = _file(client, staff.czj_clerk, "record-0004-abcdef").json()
    action = _act(client, staff.czj_clerk, record, "record-0004-abcdef", action="object")

    assert (action.status_code, action.json()["code"]) == (422, "record_idempotency_key_reused")
    assert _count(container, RecordObjection) == 0


def test_an_objection_sent_again_with_its_key_files_one_objection(
    client: TestClient, staff: Staff, container: Container
) -> None:
    record = filed(client, staff.czj_clerk)
    body = {"action": "object", "reason": "情况不实", **WHO}
    first = _act(client, staff.czj_clerk, record, "objection-0001-ab", **body)
    again = _act(client, staff.czj_clerk, record, "objection-0001-ab", **body)

    assert (first.status_code, again.status_code) == (200, 200)
    assert again.headers["idempotent-replayed"] == "true"
    assert "idempotent-replayed" not in first.headers
    assert (again.json()["number"], again.json()["version"]) == (
        first.json()["number"],
        first.json()["version"],
    )
    assert len(again.json()["objections"]) == 1
    assert _count(container, RecordObjection) == 1


def test_an_action_key_sent_with_another_body_is_refused_and_changes_nothing(
    client: TestClient, staff: Staff, container: Container
) -> None:
    record = filed(client, staff.czj_clerk)
    body = {"action": "object", "reason": "情况不实", **WHO}
    first = _act(client, staff.czj_clerk, record, "objection-0002-ab", **body)
    other = _act(client, staff.czj_clerk, record, "objection-0002-ab", **{**body, "reason": "另"})

    assert first.status_code == 200
    assert (other.status_code, other.json()["code"]) == (422, "record_idempotency_key_reused")
    assert _count(container, RecordObjection) == 1


def test_a_repair_application_sent_again_with_its_key_files_one_application(
    client: TestClient, staff: Staff, container: Container
) -> None:
    record = rectified_czj_record(client, staff.czj_clerk, staff.fgw_clerk)
    body = {"action": "apply_repair", "reason": "已整改", **WHO}
    first = _act(client, staff.czj_clerk, record, "repair-0001-abcd", **body)
    again = _act(client, staff.czj_clerk, record, "repair-0001-abcd", **body)

    assert (first.status_code, again.status_code) == (200, 200)
    assert again.headers["idempotent-replayed"] == "true"
    assert len(again.json()["repairs"]) == 1
    assert _count(container, RepairApplication) == 1
