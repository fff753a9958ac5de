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


def test_email_in_the_console_is_kept_and_a_malformed_one_refused(
    settings: Settings, container: Container, tmp_path: Path
) -> None:
    terminal = Terminal(settings, cwd=tmp_path)
    try:
        terminal.read_turn()
        assert "这不是有效的电子邮箱地址" in terminal.type("/email sun@@mail.test")
        assert _emails(container) == []
        assert "确认邮件" in terminal.type("/email sun@mail.test")
        assert _emails(container) == ["sun@mail.test"]
    finally:
        terminal.kill()
