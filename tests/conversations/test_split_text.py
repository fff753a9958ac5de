"""A text its app cut into parts is read as one: joined within the window, never cut silently."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from backend.bootstrap import Container
from backend.conversations.models import Conversation
from backend.conversations.service import ConversationService
from backend.db import session_scope
from backend.settings import Settings
from dialogs.model import ChatRef
from tests.conversations.driver import Chat
from tests.fakes import FakeClock

# 4,815 characters, the citizen's actual request at the very end.
REQUEST = "请求：尽快支付剩余工程款三十万元。"
COMPLAINT = "区里的项目做完了，工程款一直拖欠不付，已经拖了半年。"
PASTE = (COMPLAINT * 200)[: 4815 - len(REQUEST)] + REQUEST
TELEGRAM = ChatRef("telegram", "777")


def paste(chat: Chat, text: str, at_seconds: float, clock: FakeClock) -> str:
    """Send a text as Telegram's app does: in parts of 4,096, each marked as maybe cut."""
    start = clock.now() + timedelta(seconds=at_seconds)
    parts = [text[i : i + 4096] for i in range(0, len(text), 4096)]
    for index, part in enumerate(parts):
        chat.say(part, split_part=len(part) == 4096, sent_at=start + timedelta(seconds=index))
    return chat.text


def stored_text(container: Container) -> str | None:
    """Return the description the dialog keeps for the chat."""
    statement = select(Conversation).where(Conversation.chat_id == TELEGRAM.chat_id)
    with session_scope(container.engine) as session:
        row = session.exec(statement).one()
        return (row.state or {}).get("data", {}).get("text")


def test_a_paste_cut_at_4096_is_joined_into_one_description(
    service: ConversationService, container: Container, clock: FakeClock, settings: Settings
) -> None:
    assert len(PASTE) == 4815 and settings.max_text_length >= 4815
    chat = Chat(service, TELEGRAM)
    chat.command("report")
    answer = paste(chat, PASTE, 0, clock)
    assert "已按顺序合并为一段（共 4815 字）" in answer
    assert stored_text(container) == PASTE and stored_text(container).endswith(REQUEST)


def test_a_joined_text_over_the_maximum_is_refused_saying_its_length(
    service: ConversationService, container: Container, clock: FakeClock, settings: Settings
) -> None:
    chat = Chat(service, TELEGRAM)
    chat.command("report")
    answer = paste(chat, PASTE * 2, 0, clock)  # 9,630 characters: three parts
    assert "分成了 3 条消息" in answer and "9630 字" in answer
    assert f"最多 {settings.max_text_length} 字" in answer
    assert "请描述发生了什么" in answer  # asked again; no part was kept as the description
    assert stored_text(container) is None


def test_a_text_sent_after_the_window_is_an_answer_of_its_own(
    service: ConversationService, container: Container, clock: FakeClock
) -> None:
    chat = Chat(service, TELEGRAM)
    chat.command("report")
    start = clock.now()
    chat.say(PASTE[:4096], split_part=True, sent_at=start)
    chat.say(PASTE[4096:], sent_at=start + timedelta(seconds=10))
    assert "合并" not in chat.text
    assert stored_text(container) == PASTE[:4096].strip()


def test_without_the_channels_time_the_window_is_measured_on_the_clock(
    service: ConversationService, container: Container, clock: FakeClock
) -> None:
    chat = Chat(service, TELEGRAM)
    chat.command("report")
    chat.say(PASTE[:4096], split_part=True)
    clock.advance(seconds=2)
    chat.say(PASTE[4096:])
    assert stored_text(container) == PASTE


def test_a_text_no_app_cut_is_never_joined(
    service: ConversationService, container: Container, clock: FakeClock
) -> None:
    chat = Chat(service, TELEGRAM)
    chat.command("report")
    chat.say(PASTE[:4000])  # a long text typed in one message: not marked as maybe cut
    chat.say("再补充一句")
    assert stored_text(container) == PASTE[:4000].strip()
