"""Hostile input to the web chat: too deep, too large, unstorable; the dialog stays where it was.

Runs on SQLite and, when asked, on PostgreSQL, where a NUL used to fail every confirmation.
"""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from backend.api.bodies import MAX_BODY_BYTES, MAX_JSON_DEPTH
from backend.bootstrap import Container
from backend.cases.models import Case
from backend.conversations.models import Conversation
from backend.db import session_scope
from backend.people.models import Reporter
from tests.webchat.helpers import ARREARS, ENFORCEMENT, PARKING, WebChat, receipt

NUL = "\u0000"
UNSTORABLE = "无法保存的字符"


def step_of(container: Container, chat: WebChat) -> tuple[str | None, str | None]:
    """Return the flow and step the chat's saved dialog is at."""
    with session_scope(container.engine) as session:
        row = session.exec(select(Conversation).where(Conversation.channel == "web")).all()
        states = [r.state for r in row if r.state]
    [state] = states
    return state["flow"], state["step"]


def post_raw(chat: WebChat, body: bytes) -> Any:
    headers = {**chat.headers, "Content-Type": "application/json"}
    return chat.client.post("/chat/api/messages", content=body, headers=headers)


def test_a_hundred_thousand_brackets_to_the_unauthenticated_session_are_refused_400(
    web: TestClient,
) -> None:
    response = web.post(
        "/chat/api/session", content=b"[" * 100_000, headers={"Content-Type": "application/json"}
    )

    assert response.status_code == 400
    assert response.json()["code"] == "json_too_deep"
    assert str(MAX_JSON_DEPTH) in response.json()["detail"]


def test_a_deep_message_is_refused_400(chat: WebChat) -> None:
    response = post_raw(chat, b'{"client_id": "m1", "kind": "text", "text": ' + b"[" * 5000)

    assert (response.status_code, response.json()["code"]) == (400, "json_too_deep")


def test_a_session_body_over_the_limit_is_refused_413(web: TestClient) -> None:
    response = web.post("/chat/api/session", content=b" " * (MAX_BODY_BYTES + 1))

    assert (response.status_code, response.json()["code"]) == (413, "body_too_large")


def test_an_unknown_kind_is_not_shown_back(chat: WebChat) -> None:
    response = post_raw(chat, b'{"client_id": "m1", "kind": "\\ud800\\u0000"}')

    assert (response.status_code, response.json()["code"]) == (422, "unknown_kind")
    assert "\\u0000" not in response.text


def test_a_nul_in_a_complaint_is_refused_at_its_step_and_the_complaint_still_files(
    chat: WebChat, container: Container, web: TestClient
) -> None:
    chat.command("report")
    before = step_of(container, chat)

    chat.say(ARREARS + NUL)

    assert UNSTORABLE in chat.text and "请描述发生了什么" in chat.text
    assert step_of(container, chat) == before
    chat.say(ARREARS)
    chat.tap("✅ 对")
    chat.tap("今天")
    chat.tap("跳过")
    chat.tap("🕶 匿名")
    chat.tap("✅ 确认提交")
    number, _ = receipt(chat.text)
    with session_scope(container.engine) as session:
        case = session.exec(select(Case).where(Case.number == number)).one()
    assert case.text == ARREARS


def test_a_lone_surrogate_in_a_message_is_refused_at_its_step(
    chat: WebChat, container: Container
) -> None:
    chat.command("report")
    before = step_of(container, chat)

    response = post_raw(chat, b'{"client_id": "s1", "kind": "text", "text": "abc\\ud800def"}')

    assert response.status_code == 200, response.text
    assert UNSTORABLE in response.json()["replies"][0]["text"]
    assert step_of(container, chat) == before


def at_the_street(chat: WebChat) -> None:
    chat.command("report")
    chat.say(PARKING)
    chat.tap("停车")


def at_the_phone(chat: WebChat) -> None:
    chat.command("report")
    chat.say(ENFORCEMENT)
    chat.tap("✅ 对")
    chat.tap("昨天")
    chat.tap("跳过")
    chat.tap("👤 实名")


def at_the_name(chat: WebChat) -> None:
    at_the_phone(chat)
    chat.say("138 1234 5678")


@pytest.mark.parametrize(
    ("reach", "event"),
    [
        (at_the_street, {"kind": "text", "text": "西于庄" + NUL}),
        (at_the_phone, {"kind": "text", "text": "138" + NUL + "12345678"}),
        (at_the_phone, {"kind": "contact", "phone": "13812345678", "name": "张" + NUL}),
        (at_the_name, {"kind": "text", "text": "张" + NUL}),
        (at_the_name, {"kind": "command", "command": "status", "args": ["HQ" + NUL]}),
        (at_the_name, {"kind": "button", "payload": "x" + NUL}),
    ],
    ids=["street", "phone", "contact name", "name", "command argument", "button"],
)
def test_a_nul_at_any_step_is_refused_and_the_dialog_stays(
    chat: WebChat, container: Container, reach: Any, event: dict[str, Any]
) -> None:
    reach(chat)
    before = step_of(container, chat)

    chat.send(event)

    assert UNSTORABLE in chat.text
    assert step_of(container, chat) == before
    with session_scope(container.engine) as session:
        assert session.exec(select(Reporter)).all() == []
