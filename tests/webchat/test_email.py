"""`/email` in the web chat: the address goes on the chat's reporter rows, old and new."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import col, select

from backend.bootstrap import Container
from backend.cases.models import Case
from backend.db import session_scope
from backend.people.models import Reporter
from backend.settings import Settings, load_settings
from tests.webchat.helpers import ENFORCEMENT, WebChat, file_complaint

NUL = "\u0000"
CLOSED_PORT = 9  # discard: nothing listens, so a message the scheduler tries fails at once


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    """A deployment that sends email (its SMTP server is not reached in these tests)."""
    smtp = {"smtp_host": "127.0.0.1", "smtp_port": CLOSED_PORT, "smtp_security": "none"}
    return load_settings(
        env="test",
        database_url=database_url,
        data_dir=tmp_path / "var",
        smtp_from="intake@hongqiao.test",
        **smtp,
    )


def _emails(container: Container) -> dict[str | None, str | None]:
    """The email of each reporter row of the web chat, by the number of its case (None: none)."""
    with session_scope(container.engine) as session:
        rows = session.exec(
            select(Reporter, Case.number)
            .join(Case, col(Case.reporter_id) == Reporter.id, isouter=True)
            .where(Reporter.channel == "web")
        ).all()
        return {number: reporter.email for reporter, number in rows}


def test_email_reaches_the_cases_filed_before_and_after(
    chat: WebChat, container: Container
) -> None:
    first, _ = file_complaint(chat)
    assert "发送 /email 邮箱地址" in chat.text  # the receipt's one line
    chat.command("email", "wang@example.cn")
    assert "确认邮件" in chat.text and "wang@example.cn" in chat.text
    second, _ = file_complaint(chat, ENFORCEMENT)
    assert "/email" not in chat.text  # an address is set
    assert _emails(container) == {first: "wang@example.cn", second: "wang@example.cn"}
    chat.command("email")
    assert "wang@example.cn" in chat.text
    chat.tap("✖ 删除此邮箱")
    assert "已删除" in chat.text
    assert _emails(container) == {first: None, second: None}


def test_an_address_given_before_any_case_is_kept_for_the_first(
    chat: WebChat, container: Container
) -> None:
    chat.command("email", "li@example.cn")
    number, _ = file_complaint(chat)
    assert _emails(container)[number] == "li@example.cn"


def test_a_malformed_address_or_a_nul_is_refused_and_nothing_is_kept(
    chat: WebChat, container: Container
) -> None:
    file_complaint(chat)
    chat.command("email", "wang-at-example.cn")
    assert "这不是有效的电子邮箱地址" in chat.text
    response = chat.post({"kind": "command", "command": "email", "args": ["a@b.cn" + NUL]})
    assert response.status_code == 200 and "无法保存的字符" in response.text
    assert set(_emails(container).values()) == {None}


def test_where_no_email_is_sent_the_web_chat_neither_offers_nor_keeps_an_address(
    web: TestClient, container: Container
) -> None:
    container.settings.smtp_host = None  # as `make run` starts: INTAKE_SMTP_HOST unset
    chat = WebChat(web)
    chat.start()
    file_complaint(chat)
    assert "/email" not in chat.text
    chat.command("email", "wang@example.cn")
    assert "本服务目前不发送电子邮件" in chat.text
    assert set(_emails(container).values()) == {None}
