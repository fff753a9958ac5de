"""The Notifier and FileFetcher ports over the bot, for synchronous callers on other threads."""

from __future__ import annotations

from typing import Any, Protocol, TypeVar

from telegram.error import BadRequest, ChatMigrated, Forbidden, RetryAfter, TelegramError
from telegram.ext import ExtBot

from backend.ports import DeliveryFailed, OutboundMessage
from bot.telegram.bridge import BotCall, BotNotRunning
from bot.telegram.inbound import CHANNEL
from bot.telegram.limiter import OUTBOX, retry_seconds
from bot.telegram.outbound import chat_id_of, inline_keyboard, send_text

T = TypeVar("T")
SEND_TIMEOUT = 60.0  # seconds, including waits for the rate limiter
FETCH_TIMEOUT = 120.0  # a document may be 20 MB


class Bridge(Protocol):
    """Something that runs a bot call on the bot's loop (see `bot.telegram.bridge`)."""

    def run(self, call: BotCall[T], timeout: float) -> T: ...


class TelegramNotifier:
    """Send outbox messages to Telegram chats; failures become `DeliveryFailed`."""

    def __init__(self, bridge: Bridge, timeout: float = SEND_TIMEOUT) -> None:
        self.bridge = bridge
        self.timeout = timeout

    def send(self, message: OutboundMessage) -> None:
        """Deliver one message, its buttons as an inline keyboard."""
        if message.channel != CHANNEL:
            raise DeliveryFailed(f"not a Telegram chat: {message.channel!r}", permanent=True)
        chat_id = chat_id_of(message.chat_id)
        markup = inline_keyboard(message.buttons)

        async def deliver(bot: ExtBot[Any]) -> None:
            await send_text(bot, chat_id, message.text, markup, pace=OUTBOX)

        try:
            self.bridge.run(deliver, self.timeout)
        except RetryAfter as error:
            raise DeliveryFailed(str(error), retry_after=retry_seconds(error)) from error
        except (Forbidden, BadRequest, ChatMigrated) as error:
            # Blocked by the user, chat not found, chat moved: sending again will not help.
            raise DeliveryFailed(f"{type(error).__name__}: {error}", permanent=True) from error
        except (TelegramError, BotNotRunning) as error:
            raise DeliveryFailed(f"{type(error).__name__}: {error}") from error


class TelegramFetcher:
    """Download a file a user sent, by its Telegram file id (evidence at submission)."""

    def __init__(self, bridge: Bridge, timeout: float = FETCH_TIMEOUT) -> None:
        self.bridge = bridge
        self.timeout = timeout

    def fetch(self, file_id: str) -> bytes:
        """Return the file's bytes."""

        async def download(bot: ExtBot[Any]) -> bytes:
            file = await bot.get_file(file_id)
            return bytes(await file.download_as_bytearray())

        return self.bridge.run(download, self.timeout)
