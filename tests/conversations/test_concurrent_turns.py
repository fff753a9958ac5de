"""Events of one chat arriving at once are taken one at a time (the chat's row lock), so
what a turn checks (the daily complaint limit, the dialog's step) still holds when it acts."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

from sqlmodel import func, select

from backend.bootstrap import Container
from backend.cases.models import Case
from backend.conversations.service import ConversationService
from backend.db import session_scope
from dialogs.model import ChatRef
from tests.conftest import open_engine
from tests.conversations.driver import Chat, file_complaint

TEXTS = [f"区里第{n}个项目做完了，工程款一直拖欠不付，已经拖了{n + 2}个月" for n in range(5)]


def count_cases(container: Container) -> int:
    with session_scope(container.engine) as session:
        return int(session.exec(select(func.count()).select_from(Case)).one())


def test_the_last_complaint_of_the_day_confirmed_twice_at_once_is_filed_once(
    service: ConversationService, container: Container
) -> None:
    chat = ChatRef("web", "busy-reporter")
    for text in TEXTS[:4]:
        file_complaint(Chat(service, chat=chat), text)
    reporter = Chat(service, chat=chat)
    steps = file_complaint_up_to_confirm(reporter, TEXTS[4])
    confirm = reporter.button("✅ 确认提交").payload
    engines = [open_engine(container.settings.database_url) for _ in range(2)]
    services = [ConversationService(replace(container, engine=e)) for e in engines]
    barrier = threading.Barrier(2)

    def tap(index: int) -> str:
        instance = Chat(services[index], chat=chat)
        barrier.wait(timeout=60)
        instance.send("button", payload=confirm)
        return instance.text

    try:
        with ThreadPoolExecutor(max_workers=2) as pool:
            list(pool.map(tap, range(2)))
    finally:
        for engine in engines:
            engine.dispose()
    filed = count_cases(container)
    reporter.command("report")
    assert (steps, filed) == (True, 5)
    assert "已达当日上限" in reporter.text


def file_complaint_up_to_confirm(chat: Chat, text: str) -> bool:
    """Go through an anonymous complaint up to its summary; True when confirm is offered."""
    chat.command("report")
    chat.say(text)
    chat.tap("✅ 对")
    if any(b.label == "仍然提交新的投诉" for r in chat.replies for row in r.buttons for b in row):
        chat.tap("仍然提交新的投诉")
    chat.tap("今天")
    chat.tap("跳过")
    chat.tap("🕶 匿名")
    return any(b.label == "✅ 确认提交" for r in chat.replies for row in r.buttons for b in row)
