"""`intake chat` runs the records dialogs too: an objection refused, then a repair refused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from backend.settings import Settings
from tests.console.terminal import Terminal


@pytest.fixture
def terminal(settings: Settings, tmp_path: Path) -> Iterator[Terminal]:
    opened = Terminal(settings, cwd=tmp_path)
    opened.read_turn()
    yield opened
    opened.kill()


def test_the_console_chat_offers_the_records_dialogs_and_answers_bad_numbers(
    terminal: Terminal,
) -> None:
    assert "对失信记录提出异议" in terminal.output and "申请信用修复" in terminal.output
    assert "要提出异议的政务失信记录编号" in terminal.tap("对失信记录提出异议")
    assert "这不是一个记录编号" in terminal.type("编号忘了")
    assert "没有找到可以办理这项申请的记录" in terminal.type("HQ-261120-0404")
    terminal.type("/cancel")
    assert "申请信用修复的政务失信记录编号" in terminal.type("/repair")
    assert terminal.type("/quit").strip() == "再见。"
