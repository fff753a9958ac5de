"""Every bad request gets a 4xx with a readable JSON message in the user's language."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from backend.bootstrap import Container
from backend.conversations.service import ConversationService
from bot.webchat.files import MAX_UPLOAD_BYTES
from bot.webchat.tokens import TokenSigner
from tests.fakes import FakeClock
from tests.webchat.helpers import WebChat


def refused(response: Any, status: int, code: str) -> str:
    """Assert a refusal's status, code and shape; return its message."""
    assert response.status_code == status, response.text
    body = response.json()
    assert body["code"] == code
    assert set(body) == {"detail", "code"}
    assert "Traceback" not in body["detail"]
    detail: str = body["detail"]
    return detail


def test_a_message_without_a_token_is_refused_401(web: TestClient) -> None:
    response = web.post("/chat/api/messages", json={"client_id": "m1", "kind": "text"})

    assert "会话令牌" in refused(response, 401, "token_missing")


def test_a_forged_token_is_refused_403(web: TestClient, chat: WebChat, clock: FakeClock) -> None:
    assert chat.token is not None
    prefix, chat_id, issued, signature = chat.token.split(".")
    other_chat = "A" * len(chat_id)
    for token in (
        f"{prefix}.{other_chat}.{issued}.{signature}",  # another chat with this one's signature
        TokenSigner("another-secret", clock=clock, days=30).sign(chat_id),  # another key
        "w1.short.sig",
        "not-a-token",
    ):
        response = web.post(
            "/chat/api/messages",
            json={"client_id": "m1", "kind": "text", "text": "你好，我想投诉"},
            headers={"Authorization": f"Bearer {token}"},
        )
        refused(response, 403, "token_invalid")


def test_refusals_speak_english_when_asked(web: TestClient) -> None:
    response = web.get("/chat/api/updates", headers={"Accept-Language": "en-US,en;q=0.9"})

    assert refused(response, 401, "token_missing").startswith("The session token is missing")


def test_malformed_json_is_refused_422(chat: WebChat) -> None:
    for body in (b"{not json", b"[1, 2]", b"\xff\xfe", b""):
        response = chat.client.post(
            "/chat/api/messages",
            content=body,
            headers={**chat.headers, "Content-Type": "application/json"},
        )
        assert "JSON" in refused(response, 422, "bad_json")


@pytest.mark.parametrize(
    ("event", "code", "field"),
    [
        ({"kind": "text", "text": "hi"}, "field_missing", "client_id"),
        ({"client_id": "has space", "kind": "text", "text": "hi"}, "field_invalid", "client_id"),
        ({"client_id": "x" * 65, "kind": "text", "text": "hi"}, "field_invalid", "client_id"),
        ({"client_id": "m1"}, "field_missing", "kind"),
        ({"client_id": "m1", "kind": "text"}, "field_missing", "text"),
        ({"client_id": "m1", "kind": "text", "text": 5}, "field_invalid", "text"),
        ({"client_id": "m1", "kind": "command"}, "field_missing", "command"),
        ({"client_id": "m1", "kind": "command", "command": "rm -rf"}, "field_invalid", "command"),
        (
            {"client_id": "m1", "kind": "command", "command": "status", "args": "HQ"},
            "field_invalid",
            "args",
        ),
        ({"client_id": "m1", "kind": "button"}, "field_missing", "payload"),
        ({"client_id": "m1", "kind": "button", "payload": "x" * 500}, "field_invalid", "payload"),
        ({"client_id": "m1", "kind": "location", "latitude": 39.1}, "field_missing", "longitude"),
        (
            {"client_id": "m1", "kind": "location", "latitude": 91, "longitude": 117.2},
            "field_invalid",
            "latitude",
        ),
        (
            {"client_id": "m1", "kind": "location", "latitude": True, "longitude": 117.2},
            "field_invalid",
            "latitude",
        ),
        ({"client_id": "m1", "kind": "contact"}, "field_missing", "phone"),
    ],
)
def test_a_malformed_event_is_refused_422_naming_the_field(
    chat: WebChat, event: dict[str, Any], code: str, field: str
) -> None:
    response = chat.client.post("/chat/api/messages", json=event, headers=chat.headers)

    assert field in refused(response, 422, code)


def test_a_command_argument_over_its_length_is_named_as_too_long_not_as_too_many(
    chat: WebChat,
) -> None:
    event = {"kind": "command", "command": "email", "args": ["x" * 300 + "@example.com"]}

    detail = refused(chat.post(event), 422, "field_invalid")

    assert "最多 10 个" in detail and "每个不超过 200 字" in detail


def test_an_unknown_kind_is_refused_422_listing_the_known_ones(chat: WebChat) -> None:
    for kind in ("photo", "sticker", 7):
        response = chat.post({"kind": kind})
        detail = refused(response, 422, "unknown_kind")
        assert "text, command, button, location, contact" in detail


def test_empty_text_is_refused_422(chat: WebChat) -> None:
    for text in ("", "   \n\t"):
        assert "空" in refused(chat.post({"kind": "text", "text": text}), 422, "text_empty")


def test_text_over_the_dialogs_limit_is_answered_by_the_dialog(
    chat: WebChat, container: Container
) -> None:
    limit = container.settings.max_text_length
    chat.command("report")

    replies = chat.say("长" * (limit + 1))

    assert f"最多 {limit} 字" in replies[0]["text"]
    assert "请描述发生了什么" in replies[0]["text"]  # the same question again


def test_text_over_the_http_cap_is_refused_413(chat: WebChat, container: Container) -> None:
    cap = 2 * container.settings.max_text_length
    response = chat.post({"kind": "text", "text": "长" * (cap + 1)})

    assert str(cap) in refused(response, 413, "text_too_long")


def test_a_body_over_the_cap_is_refused_413_before_it_is_parsed(chat: WebChat) -> None:
    body = json.dumps({"client_id": "m1", "kind": "text", "text": "x" * 500_000})
    response = chat.client.post(
        "/chat/api/messages",
        content=body,
        headers={**chat.headers, "Content-Type": "application/json"},
    )

    refused(response, 413, "body_too_large")


def test_an_oversize_upload_is_refused_413(chat: WebChat) -> None:
    response = chat.upload(b"\0" * (MAX_UPLOAD_BYTES + 1), "big.bin", "application/octet-stream")

    assert "10 MB" in refused(response, 413, "file_too_large")


def test_an_oversize_upload_without_a_length_is_cut_off_413(chat: WebChat) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(30):  # 15 MB, in chunks: no Content-Length is sent
            yield b"\0" * (512 * 1024)

    chat.command("report")
    headers = {**chat.headers, "Content-Type": "video/mp4", "X-Client-Message-Id": "f1"}
    response = chat.client.post("/chat/api/files", content=chunks(), headers=headers)

    refused(response, 413, "file_too_large")


def test_an_empty_upload_is_refused_422(chat: WebChat) -> None:
    chat.command("report")
    refused(chat.upload(b"", "empty.txt", "text/plain"), 422, "file_empty")


def test_an_upload_without_a_message_id_is_refused_422(chat: WebChat) -> None:
    headers = {**chat.headers, "Content-Type": "image/jpeg"}
    response = chat.client.post("/chat/api/files", content=b"\xff\xd8\xff", headers=headers)

    assert "X-Client-Message-Id" in refused(response, 422, "field_missing")


def test_a_bad_updates_cursor_is_refused_422(chat: WebChat) -> None:
    for after in ("-1", "abc", "1e3", "²", "9" * 30):
        response = chat.client.get(f"/chat/api/updates?after={after}", headers=chat.headers)
        assert "after" in refused(response, 422, "field_invalid")


def test_a_bad_session_language_is_refused_422(web: TestClient) -> None:
    response = web.post("/chat/api/session", json={"language": "fr"})

    assert "language" in refused(response, 422, "field_invalid")


def test_an_unknown_address_is_404_and_a_wrong_method_405(web: TestClient) -> None:
    refused(web.get("/chat/api/nothing"), 404, "not_found")
    refused(web.post("/chat/whatever", json={}), 404, "not_found")
    response = web.get("/chat/api/messages")
    refused(response, 405, "method_not_allowed")
    assert response.headers["allow"] == "POST"


@pytest.mark.parametrize("path", ["/chat/anything", "/chat/report/"])
def test_a_mistyped_chat_address_in_a_browser_gets_a_page_that_leads_back_to_the_chat(
    web: TestClient, path: str
) -> None:
    # Reviewer, 2026-12-02: a browser got the API's JSON, 981 px wide on a phone.
    page = web.get(path, headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})

    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert '<meta name="viewport"' in page.text and 'href="/chat"' in page.text
    assert "没有这个页面" in page.text and "No such page" in page.text
    assert "default-src 'none'" in page.headers["content-security-policy"]
    # A program asking for JSON (or any address of the API) still gets JSON.
    refused(web.get(path), 404, "not_found")
    refused(web.get("/chat/api/nothing", headers={"Accept": "text/html"}), 404, "not_found")


def test_a_failure_inside_the_dialog_answers_500_with_the_apology(
    chat: WebChat, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: ConversationService, inbound: object) -> list[object]:
        raise RuntimeError("database went away")

    monkeypatch.setattr(ConversationService, "handle", broken)
    response = chat.post({"kind": "text", "text": "你好"})

    detail = refused(response, 500, "internal")
    assert "12345" in detail and "database" not in detail
