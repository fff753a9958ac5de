"""Web-chat tokens carry their issue time: idle past the limit they end, in use they renew."""

from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from fastapi.testclient import TestClient

from backend.bootstrap import Container, build, prepare_database
from backend.settings import Settings
from bot.webchat.tokens import TokenSigner
from tests.fakes import FakeClock
from tests.webchat.conftest import build_app
from tests.webchat.helpers import WebChat

_IDS = itertools.count(1)
ENGLISH = {"Accept-Language": "en-US,en;q=0.9"}
LIMIT = Settings.model_fields["webchat_token_days"].default  # days, 90


def legacy_token(secret: str, chat_id: str) -> str:
    """Return a token as tokens.py signed it before tokens carried a time (w1)."""
    key = hmac.new(secret.encode(), b"intake webchat token v1", hashlib.sha256).digest()
    digest = hmac.new(key, chat_id.encode(), hashlib.sha256).digest()
    return f"w1.{chat_id}.{base64.urlsafe_b64encode(digest).rstrip(b'=').decode()}"


def bearer(token: str, **headers: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", **headers}


def message(web: TestClient, token: str, **headers: str) -> Any:
    body = {"client_id": f"t{next(_IDS)}", "kind": "command", "command": "help"}
    return web.post("/chat/api/messages", json=body, headers=bearer(token, **headers))


def refusal(response: Any) -> tuple[int, str, str]:
    body: dict[str, Any] = response.json()
    return response.status_code, body["code"], body["detail"]


def chat_id_of(token: str) -> str:
    return token.split(".")[1]


@contextmanager
def serving(settings: Settings, clock: FakeClock) -> Iterator[tuple[TestClient, Container]]:
    """Serve the web app with other settings on the test's database and clock."""
    container = build(settings, clock=clock)
    prepare_database(container)
    try:
        with TestClient(build_app(container)) as client:
            yield client, container
    finally:
        container.engine.dispose()


@pytest.fixture
def secret(container: Container) -> str:
    return container.secret_key.get_secret_value()


def test_a_token_idle_longer_than_the_limit_is_refused_401_in_chinese(
    web: TestClient, chat: WebChat, clock: FakeClock
) -> None:
    assert chat.token is not None
    clock.advance(days=LIMIT, seconds=1)

    status, code, detail = refusal(message(web, chat.token))

    assert (status, code) == (401, "token_expired")
    assert f"{LIMIT} 天" in detail and "新对话" in detail


def test_a_token_idle_longer_than_the_limit_is_refused_401_in_english(
    web: TestClient, chat: WebChat, clock: FakeClock
) -> None:
    assert chat.token is not None
    clock.advance(days=LIMIT + 1)

    for response in (
        message(web, chat.token, **ENGLISH),
        web.get("/chat/api/session", headers=bearer(chat.token, **ENGLISH)),
        web.get("/chat/api/updates", headers=bearer(chat.token, **ENGLISH)),
    ):
        status, code, detail = refusal(response)
        assert (status, code) == (401, "token_expired")
        assert f"{LIMIT} days" in detail and "start a new chat" in detail


def test_a_token_idle_exactly_the_limit_still_works(
    web: TestClient, chat: WebChat, clock: FakeClock
) -> None:
    assert chat.token is not None
    clock.advance(days=LIMIT)

    assert message(web, chat.token).status_code == 200


def test_the_limit_is_the_setting_webchat_token_days(settings: Settings, clock: FakeClock) -> None:
    with serving(settings.model_copy(update={"webchat_token_days": 7}), clock) as (web, _):
        token = WebChat(web).start()["token"]
        clock.advance(days=7, seconds=1)

        status, code, detail = refusal(message(web, token))

    assert (status, code) == (401, "token_expired")
    assert "7 天" in detail


def test_a_token_used_the_day_it_was_issued_is_not_renewed(
    web: TestClient, chat: WebChat, clock: FakeClock
) -> None:
    assert chat.token is not None
    clock.advance(hours=23)

    answered = message(web, chat.token)

    assert answered.status_code == 200
    assert "token" not in answered.json()


def test_a_turn_after_a_day_carries_a_renewed_token_that_outlives_the_old_one(
    web: TestClient, chat: WebChat, clock: FakeClock
) -> None:
    old = chat.token
    assert old is not None
    clock.advance(days=2)

    renewed = message(web, old).json()["token"]
    clock.advance(days=LIMIT - 1)  # past the limit for the old token, not the renewal

    assert renewed != old and renewed.startswith("w2.")
    assert chat_id_of(renewed) == chat_id_of(old)
    assert refusal(message(web, old))[:2] == (401, "token_expired")
    assert message(web, renewed).status_code == 200


@pytest.mark.parametrize("path", ["/chat/api/session", "/chat/api/updates"])
def test_resuming_and_reading_updates_renew_a_token_older_than_a_day(
    web: TestClient, chat: WebChat, clock: FakeClock, path: str
) -> None:
    assert chat.token is not None
    clock.advance(days=1, seconds=1)

    answer = web.get(path, headers=bearer(chat.token)).json()
    session = web.get("/chat/api/session", headers=bearer(answer["token"]))

    assert session.json()["chat_id"] == chat_id_of(chat.token)


def test_an_uploaded_file_answer_carries_a_renewed_token(chat: WebChat, clock: FakeClock) -> None:
    chat.command("report")
    clock.advance(days=3)

    response = chat.upload(b"%PDF-1.4 receipt", "receipt.pdf", "application/pdf")

    assert response.status_code == 200, response.text
    assert chat_id_of(response.json()["token"]) == chat_id_of(chat.token or "")


def test_an_old_format_token_is_accepted_and_answered_with_a_renewed_one(
    web: TestClient, chat: WebChat, secret: str, clock: FakeClock
) -> None:
    assert chat.token is not None
    old = legacy_token(secret, chat_id_of(chat.token))
    clock.advance(days=400)  # an old token carries no time: its age is unknown

    session = web.get("/chat/api/session", headers=bearer(old))
    turn = message(web, old)

    assert session.status_code == 200, session.text
    renewed = session.json()["token"]
    assert renewed.startswith("w2.") and chat_id_of(renewed) == chat_id_of(chat.token)
    assert turn.status_code == 200 and turn.json()["token"].startswith("w2.")
    assert message(web, renewed).status_code == 200


def test_old_format_tokens_are_refused_once_the_setting_ends_them(
    settings: Settings, clock: FakeClock
) -> None:
    ended = settings.model_copy(update={"webchat_legacy_tokens": False})
    with serving(ended, clock) as (web, container):
        chat = WebChat(web)
        chat.start()
        assert chat.token is not None
        secret = container.secret_key.get_secret_value()
        old = legacy_token(secret, chat_id_of(chat.token))

        status, code, detail = refusal(message(web, old, **ENGLISH))
        fresh = message(web, chat.token)

    assert (status, code) == (401, "token_expired")
    assert "start a new chat" in detail
    assert fresh.status_code == 200


def test_a_tampered_or_forged_issue_time_is_refused_403(
    web: TestClient, chat: WebChat, secret: str, clock: FakeClock
) -> None:
    assert chat.token is not None
    prefix, chat_id, issued, signature = chat.token.split(".")
    clock.advance(days=40)
    ahead = FakeClock(clock.now())
    ahead.advance(minutes=6)  # past the skew allowed between instances' clocks
    for token in (
        f"{prefix}.{chat_id}.{int(clock.now().timestamp())}.{signature}",  # made young again
        f"{prefix}.{chat_id}.{int(issued) + 1}.{signature}",
        f"{prefix}.{chat_id}.{signature}",  # the time dropped
        f"w1.{chat_id}.{signature}",  # passed off as an old-format token
        f"{prefix}.{chat_id}.{issued}x.{signature}",
        TokenSigner("another-secret", clock=clock, days=30).sign(chat_id),
        TokenSigner(secret, clock=ahead, days=30).sign(chat_id),  # dated ahead of the clock
    ):
        status, code, _ = refusal(message(web, token))
        assert (status, code) == (403, "token_invalid"), token


def test_a_token_carries_its_issue_time_in_whole_seconds(clock: FakeClock) -> None:
    signer = TokenSigner("s" * 40, clock=clock, days=30)
    chat_id, token = signer.new_chat()

    assert token == f"w2.{chat_id}.{int(clock.now().timestamp())}.{token.rsplit('.', 1)[1]}"
    assert signer.check(token).issued_at == clock.now()
