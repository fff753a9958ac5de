"""`/email` in `intake chat`: the console's reporter gives an address for updates by email."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import select

from backend.bootstrap import Container
from backend.db import session_scope
from backend.people.models import Reporter
from backend.settings import Settings
from tests.console.terminal import Terminal


def _emails(container: Container) -> list[str | None]:
    with session_scope(container.engine) as session:
        rows = session.exec(select(Reporter).where(Reporter.channel == "console"))
        return [row.email for row in rows]


# A deployment that sends email; nothing listens on port 9 (no message is sent here).
SMTP = {
    "INTAKE_SMTP_HOST": "127.0.0.1",
    "INTAKE_SMTP_PORT": "9",
    "INTAKE_SMTP_SECURITY": "none",
    "INTAKE_SMTP_FROM": "intake@hongqiao.test",
}


def test_email_in_the_console_is_kept_and_a_malformed_one_refused(
    settings: Settings, container: Container, tmp_path: Path
) -> None:
    terminal = Terminal(settings, cwd=tmp_path, env_extra=SMTP)
    try:
        terminal.read_turn()
        assert "这不是有效的电子邮箱地址" in terminal.type("/email sun@@mail.test")
        assert _emails(container) == []
        assert "确认邮件" in terminal.type("/email sun@mail.test")
        assert _emails(container) == ["sun@mail.test"]
    finally:
        terminal.kill()


def test_without_an_smtp_server_the_console_says_no_email_is_sent(
    settings: Settings, container: Container, tmp_path: Path
) -> None:
    terminal = Terminal(settings, cwd=tmp_path, env_extra={"INTAKE_SMTP_HOST": ""})
    try:
        terminal.read_turn()
        assert "本服务目前不发送电子邮件" in terminal.type("/email sun@mail.test")
        assert _emails(container) == []
    finally:
        terminal.kill()
