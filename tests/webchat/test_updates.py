"""Messages the scheduler sends to a web chat (status updates, 回访) wait for the page."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from backend.bootstrap import Container
from backend.scheduler.jobs import send_job, sweep_job
from tests.conftest import Staff
from tests.fakes import FakeClock
from tests.webchat.helpers import WebChat, file_complaint


def act(web: TestClient, headers: dict[str, str], number: str, action: str, **body: Any) -> None:
    case = web.get(f"/api/v1/cases/{number}", headers=headers).json()
    payload = {"action": action, "version": case["version"], **body}
    response = web.post(f"/api/v1/cases/{number}/actions", json=payload, headers=headers)
    assert response.status_code == 200, response.text


def test_a_signed_case_is_told_to_the_reporters_web_chat(
    chat: WebChat, web: TestClient, staff: Staff, container: Container
) -> None:
    number, _ = file_complaint(chat)
    assert chat.updates() == {"messages": [], "last_id": 0}

    act(web, staff.czj_clerk, number, "sign")
    report = send_job(container)

    assert report.sent == 1
    updates = chat.updates()
    [message] = updates["messages"]
    assert number in message["text"] and "签收" in message["text"]
    assert message["buttons"] == []
    assert updates["last_id"] == message["id"]
    assert chat.updates(after=updates["last_id"]) == {
        "messages": [],
        "last_id": updates["last_id"],
    }


def test_updates_of_one_chat_are_not_shown_to_another(
    chat: WebChat, web: TestClient, staff: Staff, container: Container
) -> None:
    other = WebChat(web)
    other.start()
    number, _ = file_complaint(chat)
    act(web, staff.czj_clerk, number, "sign")
    send_job(container)

    assert len(chat.updates()["messages"]) == 1
    assert other.updates()["messages"] == []


def test_the_rating_question_arrives_and_its_buttons_answer_it(
    chat: WebChat, web: TestClient, staff: Staff, container: Container, clock: FakeClock
) -> None:
    number, _ = file_complaint(chat)
    act(web, staff.czj_clerk, number, "sign")
    act(web, staff.czj_clerk, number, "resolve", reply="工程款已于本周支付。")
    send_job(container)
    seen = chat.updates()["last_id"]

    clock.advance(days=3)  # Friday to Monday, the working day after resolution
    sweep_job(container)

    [question] = chat.updates(after=seen)["messages"]
    assert number in question["text"]
    chat.shown += [b for row in question["buttons"] for b in row]
    chat.tap("😊 满意")
    chat.tap("跳过")
    assert number in chat.text
    case = web.get(f"/api/v1/cases/{number}", headers=staff.coordinator).json()
    assert case["rating"] == "satisfied"
