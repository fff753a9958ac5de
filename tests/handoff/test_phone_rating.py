"""电话回访: a coordinator records the reporter's rating taken by phone, with the effects of
a rating given in the chat."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from backend.cases.actions import take_action
from backend.cases.queries import get_case
from backend.cases.workflow import Action, Command
from backend.db import session_scope
from tests.api.helpers import act, file_case
from tests.conftest import Staff
from tests.deadlines.conftest import World, tianjin


def resolved(client: TestClient, staff: Staff) -> dict[str, Any]:
    case = file_case(client, staff.coordinator)
    case = act(client, staff.czj_clerk, case, "sign").json()
    resolved_case: dict[str, Any] = act(
        client, staff.czj_clerk, case, "resolve", reply="已于本周支付全部工程款"
    ).json()
    return resolved_case


def test_a_satisfied_rating_by_phone_closes_the_case_and_meets_the_follow_up(
    client: TestClient, staff: Staff
) -> None:
    case = resolved(client, staff)
    seen = client.get(f"/api/v1/cases/{case['number']}", headers=staff.coordinator).json()
    assert "rate_by_phone" in seen["allowed_actions"]
    answer = act(
        client, staff.coordinator, case, "rate_by_phone", rating="satisfied", reason="钱收到了"
    )
    assert answer.status_code == 200, answer.text
    case = answer.json()
    assert (case["status"], case["rating"], case["rating_comment"]) == (
        "closed",
        "satisfied",
        "钱收到了",
    )
    follow_up = [d for d in case["deadlines"] if d["kind"] == "follow_up"]
    assert [d["state"] for d in follow_up] == ["met"]
    rate = [e for e in case["events"] if e["action"] == "rate"][0]
    assert (rate["actor"], rate["details"]) == (
        "协调员 王",
        {"rating": "satisfied", "channel": "phone"},
    )


def test_a_dissatisfied_rating_by_phone_reopens_the_case_for_the_same_unit(
    client: TestClient, staff: Staff
) -> None:
    case = resolved(client, staff)
    case = act(
        client, staff.coordinator, case, "rate_by_phone", rating="dissatisfied", reason="没收到"
    ).json()
    assert (case["status"], case["department"], case["rating"]) == (
        "in_progress",
        "czj",
        "dissatisfied",
    )


def test_a_rating_by_phone_needs_a_rating(client: TestClient, staff: Staff) -> None:
    case = resolved(client, staff)
    answer = act(client, staff.coordinator, case, "rate_by_phone")
    assert (answer.status_code, answer.json()["code"]) == (422, "rating_required")
    assert "满意" in act(client, zh(staff.coordinator), case, "rate_by_phone").json()["detail"]


def test_only_a_coordinator_records_a_rating_and_only_of_a_resolved_case(
    client: TestClient, staff: Staff
) -> None:
    case = resolved(client, staff)
    as_clerk = act(client, staff.czj_clerk, case, "rate_by_phone", rating="satisfied")
    assert (as_clerk.status_code, as_clerk.json()["code"]) == (403, "forbidden")
    fresh = file_case(client, staff.coordinator)
    early = act(client, staff.coordinator, fresh, "rate_by_phone", rating="satisfied")
    assert (early.status_code, early.json()["code"]) == (409, "invalid_transition")
    unknown = act(client, staff.coordinator, case, "rate_by_phone", rating="great")
    assert unknown.status_code == 422


def zh(headers: dict[str, str]) -> dict[str, str]:
    return {**headers, "Accept-Language": "zh"}


def test_a_rating_by_phone_withdraws_the_question_waiting_in_the_chat(world: World) -> None:
    number = world.file(channel="telegram", chat_id="reporter-chat").case.number
    world.act(number, Action.sign)
    world.act(number, Action.resolve, reply="已付清")
    world.clock.current = tianjin(2026, 11, 27, 16)  # before the question goes out
    with session_scope(world.container.engine) as session:
        case = get_case(session=session, number=number, actor=world.coordinator)
        command = Command(Action.rate_by_phone, version=case.version, rating="satisfied")
        take_action(
            session=session,
            case=case,
            command=command,
            actor=world.coordinator,
            env=world.container.case_env,
        )
    world.clock.current = tianjin(2026, 11, 30, 9)  # the morning the question was due
    world.tick()
    assert [t for t in world.texts("reporter-chat") if "请评价" in t] == []
    with session_scope(world.container.engine) as session:
        case = get_case(session=session, number=number, actor=world.coordinator)
        assert (case.status, case.rating) == ("closed", "satisfied")
