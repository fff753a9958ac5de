"""The Notifier and FileFetcher ports over the bot, for synchronous callers on other threads."""

from __future__ import annotations

from typing import Any, Protocol, TypeVar

from telegram.error import BadRequest, ChatMigrated, Forbidden, RetryAfter, TelegramError
from telegram.ext import ExtBot

from backend.ports import DeliveryFailed, DeliveryUnconfirmed, OutboundMessage, PartsSent
from bot.telegram.bridge import BotCall, BotNotRunning
from bot.telegram.delivery import maybe_delivered
from bot.telegram.inbound import CHANNEL
from bot.telegram.limiter import OUTBOX, retry_seconds
from bot.telegram.outbound import Markup, chat_id_of, inline_keyboard, split_text

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

    def send(self, message: OutboundMessage, progress: PartsSent | None = None) -> None:
        """Deliver the parts of a message not sent yet, its buttons with the last one.

        Each part delivered is told to `progress` at once, so a failure of a later part
        leaves the earlier ones sent. A part that may have arrived (Telegram timed out after
        the request went out) is sent again when the message says so (DeliveryFailed, the
        sender retries from that part); otherwise it counts as delivered, the rest goes on,
        and DeliveryUnconfirmed says so at the end.
        """
        if message.channel != CHANNEL:
            raise DeliveryFailed(f"not a Telegram chat: {message.channel!r}", permanent=True)
        chat_id = chat_id_of(message.chat_id)
        markup = inline_keyboard(message.buttons)
        parts = split_text(message.text)
        unsure: list[str] = []
        for index in range(message.parts_sent, len(parts)):
            last = index == len(parts) - 1
            try:
                self._send_part(chat_id, parts[index], markup if last else None)
            except TelegramError as error:
                if not maybe_delivered(error) or message.resend_when_unsure:
                    raise _failure(error) from error
                unsure.append(f"part {index + 1} of {len(parts)}: {type(error).__name__}")
            if progress is not None:
                progress(index + 1)
        if unsure:
            raise DeliveryUnconfirmed("not confirmed by Telegram: " + "; ".join(unsure))

    def _send_part(self, chat_id: int | str, text: str, markup: Markup | None) -> None:
        async def deliver(bot: ExtBot[Any]) -> None:
            await bot.send_message(chat_id, text, reply_markup=markup, rate_limit_args=OUTBOX)

        try:
            self.bridge.run(deliver, self.timeout)
        except BotNotRunning as error:
            raise DeliveryFailed(str(error)) from error


def _failure(error: TelegramError) -> DeliveryFailed:
    """Return the sender's view of a Bot API failure: retry when, or give up."""
    if isinstance(error, RetryAfter):
        return DeliveryFailed(str(error), retry_after=retry_seconds(error))
    if isinstance(error, Forbidden | BadRequest | ChatMigrated):
        # Blocked by the user, chat not found, chat moved: sending again will not help.
        return DeliveryFailed(f"{type(error).__name__}: {error}", permanent=True)
    return DeliveryFailed(f"{type(error).__name__}: {error}")


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
