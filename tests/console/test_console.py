"""`intake chat` in a real subprocess over the test database: a whole complaint, bad input."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlmodel import select

from backend.bootstrap import Container
from backend.cases.models import Attachment, Case
from backend.db import session_scope
from backend.people.models import Reporter
from backend.settings import Settings
from bot.main import LOADING
from tests.console.terminal import Terminal

ARREARS = "区里的项目做完了，工程款一直拖欠不付，已经拖了半年"  # owned by czj
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 8

Start = Callable[..., Terminal]


@pytest.fixture
def start(settings: Settings, tmp_path: Path) -> Iterator[Start]:
    opened: list[Terminal] = []

    def run(*args: str) -> Terminal:
        terminal = Terminal(settings, *args, cwd=tmp_path)
        opened.append(terminal)
        terminal.read_turn()
        return terminal

    yield run
    for terminal in opened:
        terminal.kill()


def filed_case(container: Container, text: str) -> tuple[Case, Reporter, list[Attachment]]:
    number = re.search(r"HQ-\d{6}-\d{4}", text)
    assert number is not None, text
    with session_scope(container.engine) as session:
        case = session.exec(select(Case).where(Case.number == number.group(0))).one()
        reporter = session.get(Reporter, case.reporter_id)
        assert reporter is not None
        files = session.exec(select(Attachment).where(Attachment.case_id == case.id)).all()
        return case, reporter, list(files)


def test_a_whole_named_complaint_with_a_photo_is_filed_with_its_department(
    start: Start, container: Container, tmp_path: Path
) -> None:
    photo = tmp_path / "现场.jpg"
    photo.write_bytes(JPEG)
    terminal = start("--chat-id", "console-test-1")
    assert "[1] 📝 我要投诉" in terminal.output

    terminal.tap("我要投诉")
    assert "拖欠企业账款" in terminal.type(ARREARS)
    terminal.tap("✅ 对")
    terminal.tap("今天")
    assert "已收到附件（1/5）" in terminal.type(f"file {photo}")
    terminal.tap("完成")
    assert "分享我的手机号：直接输入电话号码" in terminal.tap("实名")
    terminal.type("13812345678")
    terminal.type("王女士")
    filed = terminal.tap("确认提交")
    assert "已受理" in filed

    case, reporter, files = filed_case(container, filed)
    assert (case.department_code, case.category_id, case.anonymous) == ("czj", "arrears", False)
    assert (reporter.channel, reporter.chat_id, reporter.phone) == (
        "console",
        "console-test-1",
        "13812345678",
    )
    assert [(f.filename, f.sha256) for f in files] == [
        ("现场.jpg", hashlib.sha256(JPEG).hexdigest())
    ]
    assert terminal.close() == 0, terminal.stderr()
    assert "再见" in terminal.output


def test_bad_input_gets_a_clear_line_and_the_dialog_stays(
    start: Start, container: Container, tmp_path: Path
) -> None:
    terminal = start()
    terminal.type("/report")
    terminal.type(ARREARS)
    terminal.tap("✅ 对")
    assert "[4] ⬅️ 返回" in terminal.output

    assert terminal.type("9").strip() == "没有第 9 个按钮，请输入 1 到 4。"
    assert "读不了这个文件" in terminal.type(f"file {tmp_path / 'missing.jpg'}")
    assert "不是普通文件" in terminal.type(f"file {tmp_path}")  # a folder
    assert "loc 39.165,117.159" in terminal.type("loc here")
    assert "不需要位置" in terminal.type("loc 39.165,117.159")  # the dialog's own answer
    assert "哪天发生" in terminal.output
    assert "没有这个命令" in terminal.type("/frobnicate")
    assert "作为证据" in terminal.tap("今天")  # still at the date step: on to the evidence

    assert terminal.type("/quit").strip() == "再见。"
    assert terminal.process.wait(timeout=30) == 0


def test_text_that_cannot_be_stored_is_refused_and_the_dialog_stays(
    start: Start, container: Container
) -> None:
    terminal = start()
    terminal.type("/report")

    assert "无法保存的字符" in terminal.type(ARREARS + "\u0000")
    assert "请描述发生了什么" in terminal.output
    assert "无法保存的字符" in terminal.type_bytes(ARREARS.encode() + b"\xff\xfe")
    assert "拖欠企业账款" in terminal.type(ARREARS)  # still at the description: on it goes
    assert "Traceback" not in terminal.stderr()
    assert terminal.close() == 0


def test_a_pasted_complaint_of_several_lines_is_one_message(
    start: Start, container: Container
) -> None:
    lines = ["区里的项目做完了，工程款一直拖欠不付", "已经拖了半年", "请求：尽快支付剩余工程款。"]
    terminal = start()
    terminal.type("/report")
    # What a terminal in bracketed-paste mode sends for a pasted text, then Enter.
    answer = terminal.type("\x1b[200~" + "\n".join(lines) + "\x1b[201~")
    assert "拖欠企业账款" in answer and "请点击" not in answer
    terminal.tap("✅ 对")
    terminal.tap("今天")
    terminal.tap("跳过")
    terminal.tap("匿名")
    case, _, _ = filed_case(container, terminal.tap("确认提交"))
    assert case.text == "\n".join(lines)
    assert terminal.close() == 0, terminal.stderr()


def test_a_console_chat_continues_by_its_id_and_may_switch_language(start: Start) -> None:
    first = start("--chat-id", "console-test-2")
    first.type("/report")
    first.type(ARREARS)
    first.close()

    again = start("--chat-id", "console-test-2", "--lang", "en")
    assert "Switched to English." in again.output
    again.tap("✅")
    assert "When did it happen?" in again.output
    again.close()


def test_a_new_console_chat_may_start_in_english(start: Start) -> None:
    terminal = start("--lang", "en")

    assert "Chat id:" in terminal.output and "[1] 📝 Report" in terminal.output
    terminal.close()


def test_a_file_is_taken_only_while_a_complaint_is_open_and_within_the_days_quota(
    start: Start, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INTAKE_UPLOAD_DAILY_FILES", "1")
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    first.write_bytes(b"%PDF-1.7 first")
    second.write_bytes(b"%PDF-1.7 second")
    terminal = start()

    assert "请先发送 /report" in terminal.type(f"file {first}")
    store = settings.data_dir / "attachments"
    assert not store.exists() or not any(p.is_file() for p in store.rglob("*"))

    terminal.type("/report")
    assert "已收到附件（1/5）" in terminal.type(f"file {first}")
    assert "达到每日上限" in terminal.type(f"file {second}")
    assert [p.name for p in store.rglob("*") if p.is_file()] == [
        hashlib.sha256(b"%PDF-1.7 first").hexdigest()
    ]
    terminal.close()


def test_a_file_the_data_folder_cannot_store_is_refused_in_the_chat_and_the_dialog_goes_on(
    start: Start, settings: Settings, tmp_path: Path
) -> None:
    evidence = tmp_path / "a.pdf"
    evidence.write_bytes(b"%PDF-1.7 evidence")
    store = settings.data_dir / "attachments"
    store.parent.mkdir(parents=True, exist_ok=True)
    store.write_bytes(b"")  # a file where the folder should be: every write fails (OSError)
    terminal = start()
    terminal.type("/report")

    assert "文件暂时无法保存" in terminal.type(f"file {evidence}")
    assert terminal.process.poll() is None

    store.unlink()
    assert "已收到附件（1/5）" in terminal.type(f"file {evidence}")
    terminal.close()


def test_intake_chat_says_at_once_that_it_is_starting(settings: Settings, tmp_path: Path) -> None:
    terminal = Terminal(settings, "--chat-id", "console-test-start", cwd=tmp_path)
    try:
        assert terminal.process.stdin is not None
        terminal.process.stdin.close()  # nothing typed: the chat greets, then ends at the EOF
        first_turn = terminal.read_turn()
        assert terminal.process.wait(timeout=60) == 0
    finally:
        terminal.kill()

    lines = first_turn.splitlines()
    assert lines[0] == LOADING  # before anything slow is loaded, before the dialog's prompt
    assert lines[1].startswith("会话编号：console-test-start")
    assert "[1] 📝 我要投诉" in first_turn


def test_a_device_or_a_pipe_is_refused_as_evidence_at_once_not_read(
    start: Start, tmp_path: Path
) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)  # opened for reading, it would wait for a writer for ever
    terminal = start()
    terminal.type("/report")

    assert "不是普通文件" in terminal.type("file /dev/zero")  # read, it never ends
    assert "不是普通文件" in terminal.type(f"file {pipe}")
    assert terminal.process.poll() is None


def test_with_files_from_only_files_in_that_folder_are_taken(start: Start, tmp_path: Path) -> None:
    folder = tmp_path / "evidence"
    folder.mkdir()
    inside, outside = folder / "a.pdf", tmp_path / "secret.pdf"
    inside.write_bytes(b"%PDF-1.7 inside")
    (folder / "b.pdf").write_bytes(b"%PDF-1.7 second")
    outside.write_bytes(b"%PDF-1.7 outside")
    (folder / "link.pdf").symlink_to(outside)
    terminal = start("--files-from", str(folder))
    terminal.type("/report")
    terminal.type(ARREARS)
    terminal.tap("✅ 对")
    terminal.tap("今天")

    assert f"只能发送 {folder} 里的文件" in terminal.type(f"file {outside}")
    assert f"只能发送 {folder} 里的文件" in terminal.type(f"file {folder}/../secret.pdf")
    assert f"只能发送 {folder} 里的文件" in terminal.type(f"file {folder / 'link.pdf'}")
    assert "已收到附件（1/5）" in terminal.type(f"file {inside}")
    assert "已收到附件（2/5）" in terminal.type("file b.pdf")  # a bare name: in the folder
