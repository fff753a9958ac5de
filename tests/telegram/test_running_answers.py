"""An album's running answer after Telegram's silence: edits go on, none is sent for nothing.

`bot.telegram.running.RunningAnswers` against a fake bot that records its calls (the whole
library against the fake Bot API is in tests/e2e/test_telegram_bursts.py).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from telegram.error import BadRequest, TimedOut

from bot.telegram.running import RunningAnswers
from dialogs.model import Outbound

CHAT = 42


@dataclass
class FakeMessage:
    message_id: int


@dataclass
class FakeBot:
    """Sends get ids 1, 2, ...; edits follow `edits`: an exception is raised, else done."""

    edits: list[BaseException | None] = field(default_factory=list)
    calls: list[tuple[str, str]] = field(default_factory=list)

    async def send_message(self, chat_id: int, text: str, **_: Any) -> FakeMessage:
        self.calls.append(("send", text))
        return FakeMessage(len(self.calls))

    async def edit_message_text(self, text: str, **_: Any) -> bool:
        self.calls.append(("edit", text))
        outcome = self.edits.pop(0) if self.edits else None
        if outcome is not None:
            raise outcome
        return True


def answer(text: str) -> list[Outbound]:
    return [Outbound(text, replaces="album:1")]


def run(bot: FakeBot, *texts: str) -> None:
    answers = RunningAnswers()

    async def turns() -> None:
        for text in texts:
            await answers.send_replies(bot, CHAT, answer(text))  # type: ignore[arg-type]

    asyncio.run(turns())


def test_an_unconfirmed_edit_is_followed_by_the_next_one_whatever_its_text() -> None:
    bot = FakeBot(edits=[TimedOut()])
    run(bot, "1 photo", "2 photos", "2 photos")
    # The timed-out edit may not have been made: the same text goes out once more.
    assert bot.calls == [("send", "1 photo"), ("edit", "2 photos"), ("edit", "2 photos")]


def test_a_text_telegram_calls_not_modified_is_taken_as_shown_and_not_edited_again() -> None:
    bot = FakeBot(edits=[TimedOut(), BadRequest("Message is not modified")])
    run(bot, "1 photo", "2 photos", "2 photos", "2 photos", "2 photos")
    assert bot.calls == [("send", "1 photo"), ("edit", "2 photos"), ("edit", "2 photos")]
