"""A Telegram user acting through ``FakeTelegram``: writes, taps buttons by label, waits."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tests.e2e.fake_telegram import PATIENCE, FakeTelegram

# A user waits for the bot's answer as long as the bot keeps working for someone: with fifty
# chats at once an answer queues behind the others' turns, however slow the machine. The wait
# fails only when the bot has called the Bot API for nobody for PATIENCE seconds (a hang),
# or after WAIT in all (a bot busy forever elsewhere).
WAIT = 600.0
Message = dict[str, Any]
Expected = str | tuple[str, ...]
ARREARS = "区里的项目做完了，工程款一直拖欠不付，已经拖了半年"
CASE_NUMBER = re.compile(r"HQ-\d{6}-\d{4}")


@dataclass
class TelegramUser:
    """One private chat (chat id = user id); every action waits for the bot's answer."""

    fake: FakeTelegram
    chat_id: int
    language_code: str = "zh-hans"
    seen: int = 0  # the newest bot message already read
    updates: list[dict[str, Any]] = field(default_factory=list)  # what this user sent

    def expect(self, part: Expected, timeout: float = WAIT) -> Message:
        """Wait for a bot message newer than the last one read that contains ``part`` (or one
        of several parts)."""
        parts = (part,) if isinstance(part, str) else part

        def match(message: Message) -> bool:
            text = text_of(message)
            return message["message_id"] > self.seen and any(p in text for p in parts)

        message = self.fake.wait_for_message(self.chat_id, match, timeout, stall=PATIENCE)
        self.seen = message["message_id"]
        return message

    def act(self, send: Callable[[], dict[str, Any]], expect: Expected) -> Message:
        """Do something as the user and wait for the answer that contains ``expect``."""
        self.updates.append(send())
        return self.expect(expect)

    def say(self, text: str, expect: Expected) -> Message:
        """Write a text (a command when it starts with a slash)."""
        return self.act(
            lambda: self.fake.send_text(self.chat_id, text, language_code=self.language_code),
            expect,
        )

    def tap(self, label: str, expect: Expected) -> Message:
        """Tap the newest button with this label."""
        message_id, data = self.button(label)
        return self.act(
            lambda: self.fake.tap(
                self.chat_id, data, message_id, language_code=self.language_code
            ),
            expect,
        )

    def photo(self, data: bytes, expect: Expected) -> Message:
        """Send a photo."""
        return self.act(lambda: self.fake.send_photo(self.chat_id, data), expect)

    def button(self, label: str) -> tuple[int, str]:
        """Return (message id, callback data) of the newest button with this label."""
        for message in reversed(self.fake.sent(self.chat_id)):
            rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
            for row in rows:
                for button in row:
                    if button["text"] == label:
                        return message["message_id"], button["callback_data"]
        raise AssertionError(f"no button {label!r} in chat {self.chat_id}")

    @property
    def last_update_id(self) -> int:
        """The update_id of the user's latest action."""
        return int(self.updates[-1]["update_id"])


def text_of(message: Message) -> str:
    """Return a message's text or caption."""
    return str(message.get("text") or message.get("caption") or "")


Step = Callable[[TelegramUser], Message]
WHEN = "事情是哪天发生的"


def confirm_category(user: TelegramUser) -> Message:
    """Confirm the proposed category; when similar cases are open, file a new one anyway."""
    answer = user.tap("✅ 对", expect=(WHEN, "和您反映的很像"))
    if WHEN in text_of(answer):
        return answer
    return user.tap("仍然提交新的投诉", expect=WHEN)


def complaint_steps(text: str = ARREARS, photo: bytes | None = None) -> list[Step]:
    """The user's side of a whole anonymous complaint with a confident route, step by step."""
    steps: list[Step] = [
        lambda u: u.say("/report", expect="请描述发生了什么"),
        lambda u: u.say(text, expect="对吗"),
        confirm_category,
        lambda u: u.tap("今天", expect="有照片或文件"),
    ]
    if photo is not None:
        steps += [
            lambda u: u.photo(photo, expect="已收到附件（1/"),
            lambda u: u.tap("完成（1 个）", expect="匿名还是实名"),
        ]
    else:
        steps.append(lambda u: u.tap("跳过 ➡️", expect="匿名还是实名"))
    steps += [
        lambda u: u.tap("🕶 匿名", expect="请核对投诉内容"),
        lambda u: u.tap("✅ 确认提交", expect="已受理"),
    ]
    return steps


def file_complaint(user: TelegramUser, text: str = ARREARS, photo: bytes | None = None) -> str:
    """Go through a whole complaint; return the case number the bot gave."""
    last: Message = {}
    for step in complaint_steps(text, photo):
        last = step(user)
    return case_number(last)


def case_number(message: Message) -> str:
    """Return the case number a message names."""
    found = CASE_NUMBER.search(text_of(message))
    assert found is not None, f"no case number in {text_of(message)!r}"
    return found.group()
