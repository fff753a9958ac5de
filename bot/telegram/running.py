"""Running answers: one Telegram message per album, edited as the album's photos come in.

The dialog names such an answer (`Outbound.replaces`); the first one is sent, the later ones
edit it. What was sent is remembered in this process only (a bounded map): the photos of an
album arrive together, one after the other in the same chat, so they meet the same process;
when they do not (a restart, or two webhook instances), the answer is sent again as a new
message, never lost. Telegram's silence is read as in `bot.telegram.delivery`: a first answer
that may have arrived has no message id to edit, so the next photo's answer is sent anew; an
edit that may have been made is neither apologised for nor trusted (the next edit goes out).
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from telegram import InlineKeyboardMarkup
from telegram.error import BadRequest, NetworkError
from telegram.ext import ExtBot

from bot.telegram.delivery import maybe_delivered
from bot.telegram.outbound import markup_of, send_reply
from dialogs.model import Outbound

log = logging.getLogger(__name__)
REMEMBERED = 1000  # running answers kept (the newest)
UNSURE = "\0"  # the text of an answer whose last edit Telegram did not confirm (no real text)


@dataclass(frozen=True)
class Sent:
    """A running answer as it stands in the chat."""

    message_id: int
    text: str
    markup: InlineKeyboardMarkup | None


class RunningAnswers:
    """The running answers sent lately, by (chat, name)."""

    def __init__(self, remembered: int = REMEMBERED) -> None:
        self.remembered = remembered
        self._sent: OrderedDict[tuple[str, str], Sent] = OrderedDict()

    async def send_replies(
        self, bot: ExtBot[Any], chat_id: int | str, replies: Sequence[Outbound]
    ) -> None:
        """Send the replies of one turn in order; a running answer edits the one it names."""
        for reply in replies:
            if reply.replaces:
                await self.send(bot, chat_id, reply)
            else:
                await send_reply(bot, chat_id, reply)

    async def send(self, bot: ExtBot[Any], chat_id: int | str, reply: Outbound) -> None:
        """Edit the running answer `reply` names, or send it when there is none yet."""
        key = (str(chat_id), reply.replaces)
        before = self._sent.get(key)
        markup = markup_of(reply)
        inline = markup if isinstance(markup, InlineKeyboardMarkup) else None
        if before is not None:
            if before.text == reply.text and before.markup == inline:
                return  # nothing new to show (a refusal repeated for every photo)
            try:
                await bot.edit_message_text(
                    reply.text, chat_id=chat_id, message_id=before.message_id, reply_markup=inline
                )
            except BadRequest as error:
                if "not modified" in str(error).lower():
                    self._remember(key, Sent(before.message_id, reply.text, inline))
                    return
                log.info("telegram chat %s: running answer not edited (%s)", chat_id, error)
            except NetworkError as error:
                if not maybe_delivered(error):
                    raise
                # The edit may have been made: the next one is sent whatever its text (an
                # unchanged text only meets "not modified"), and no apology for a count.
                log.warning(
                    "telegram chat %s: a running answer's edit unconfirmed: %s", chat_id, error
                )
                self._remember(key, Sent(before.message_id, UNSURE, inline))
                return
            else:
                self._remember(key, Sent(before.message_id, reply.text, inline))
                return
        message = await send_reply(bot, chat_id, reply)
        if message is not None:
            self._remember(key, Sent(message.message_id, reply.text, inline))

    def _remember(self, key: tuple[str, str], sent: Sent) -> None:
        self._sent[key] = sent
        self._sent.move_to_end(key)
        while len(self._sent) > self.remembered:
            self._sent.popitem(last=False)
