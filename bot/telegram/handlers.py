"""The bot's handlers: an update becomes an `Inbound`, one service call, the replies go out."""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import Executor
from typing import Any

from telegram import CallbackQuery, Update, User
from telegram.error import TelegramError
from telegram.ext import CallbackContext, ExtBot

from backend.conversations.service import ConversationService
from backend.errors import UploadRefused
from bot.telegram.failures import FailedUpdates
from bot.telegram.inbound import CHANNEL, to_inbound
from bot.telegram.running import RunningAnswers
from dialogs.model import ChatRef, Inbound, Outbound

log = logging.getLogger(__name__)
Context = CallbackContext[ExtBot[Any], Any, Any, Any]


class DialogHandlers:
    """Run every chat's dialog through the conversation service, off the event loop."""

    def __init__(self, conversations: ConversationService, executor: Executor) -> None:
        self.conversations = conversations
        # The service blocks (database, and file downloads that wait for this very loop), so it
        # runs on threads of its own rather than the loop's default executor, which the loop
        # itself needs (name lookups) to finish those downloads.
        self.executor = executor
        self.running = RunningAnswers()  # one answer per album, edited as its photos come
        self.failed = FailedUpdates()  # intake_updates_failed_total on /metrics

    async def on_update(self, update: Update, context: Context) -> None:
        """Answer one update; a tap's spinner is stopped beside the turn, not before it."""
        query = update.callback_query
        spinner = asyncio.create_task(_stop_spinner(query)) if query is not None else None
        try:
            await self._answer(update, context)
        finally:
            if spinner is not None:  # within the update: the chat's next one comes after it
                await spinner

    async def _answer(self, update: Update, context: Context) -> None:
        inbound = to_inbound(update, _me(context.bot))
        if inbound is None:
            return
        loop = asyncio.get_running_loop()
        try:
            replies = await loop.run_in_executor(self.executor, self.conversations.handle, inbound)
        except UploadRefused as refused:  # over the day's upload quota: said in the chat
            # once for a whole album: every photo of it would be refused alike
            quota = f"quota:{inbound.album}" if inbound.album else ""
            replies = [Outbound(refused.message(), replaces=quota)]
        await self.running.send_replies(context.bot, int(inbound.chat.chat_id), replies)

    async def on_error(self, update: object, context: Context) -> None:
        """Log a failed update with its id, count it, apologise in its chat (state was kept).

        The webhook answers 200 all the same (bot.telegram.failures says why).
        """
        update_id = update.update_id if isinstance(update, Update) else None
        self.failed.add()
        log.error("telegram update %s failed", update_id, exc_info=context.error)
        if not isinstance(update, Update) or update.effective_chat is None:
            return
        chat = update.effective_chat
        user = update.effective_user
        inbound = to_inbound(update, _me(context.bot)) or Inbound(
            kind="unsupported",
            chat=ChatRef(CHANNEL, str(chat.id)),
            event_id=str(update.update_id),
            language_hint=user.language_code if user else None,
        )
        try:
            await context.bot.send_message(chat.id, self.conversations.error_text(inbound))
        except TelegramError as error:
            log.warning("could not apologise in telegram chat %s: %s", chat.id, error)


def _me(bot: ExtBot[Any]) -> User | None:
    """Return the bot's own user (from getMe at start), or None before it is known."""
    try:
        return bot.bot
    except RuntimeError:
        return None


async def _stop_spinner(query: CallbackQuery) -> None:
    """Answer the tap at once; a repeated or expired query only logs."""
    try:
        await query.answer()
    except TelegramError as error:
        log.info("callback query %s not answered: %s", query.id, error)
