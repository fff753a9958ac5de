"""Web-chat tokens are signed with a real secret: no default to forge them with."""

from __future__ import annotations

import stat
from collections.abc import Callable

from fastapi.testclient import TestClient

from backend.bootstrap import Container
from backend.secret_key import SECRET_FILE
from bot.webchat.tokens import TokenSigner
from tests.fakes import FakeClock
from tests.webchat.helpers import WebChat


def test_a_token_forged_with_the_old_default_secret_is_refused_403(
    web: TestClient, chat: WebChat, clock: FakeClock
) -> None:
    assert chat.token is not None
    victim = chat.token.split(".")[1]
    for chat_id in (victim, "A" * 24):
        # as tokens.py signs, with the old default
        forged = TokenSigner("change-me", clock=clock, days=30).sign(chat_id)
        headers = {"Authorization": f"Bearer {forged}"}

        assert web.get("/chat/api/session", headers=headers).status_code == 403
        sent = web.post(
            "/chat/api/messages",
            json={"client_id": "m1", "kind": "command", "command": "mycases"},
            headers=headers,
        )
        assert (sent.status_code, sent.json()["code"]) == (403, "token_invalid")


def test_the_generated_secret_is_private_and_survives_a_rebuild_of_the_container(
    chat: WebChat, container: Container, second_process: Callable[[], TestClient]
) -> None:
    kept = container.settings.data_dir / SECRET_FILE
    assert container.settings.secret_key is None
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert container.secret_key.get_secret_value() == kept.read_text().strip()

    rebuilt = WebChat(second_process(), token=chat.token)  # a new container, the same folder
    session = rebuilt.client.get("/chat/api/session", headers=rebuilt.headers)

    assert session.status_code == 200, session.text
    assert session.json()["chat_id"] == chat.token.split(".")[1]  # type: ignore[union-attr]
