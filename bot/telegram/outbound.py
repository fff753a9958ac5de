"""Render the engine's `Outbound` replies as Telegram messages: one message, one markup."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    Message,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)
from telegram.constants import MessageLimit
from telegram.error import BadRequest, NetworkError
from telegram.ext import ExtBot

from bot.telegram.delivery import maybe_delivered
from dialogs.model import Outbound

log = logging.getLogger(__name__)
MUST_ARRIVE_RESENDS = 2  # a receipt is tried this many more times on a network failure
Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove
ButtonRows = Sequence[Sequence[tuple[str, str]]]


def markup_of(reply: Outbound) -> Markup | None:
    """Return the keyboard of a reply: inline buttons, a share request or a removal."""
    if reply.buttons:
        return inline_keyboard([[(b.label, b.payload) for b in row] for row in reply.buttons])
    if reply.request is not None:
        kind = reply.request.kind
        button = KeyboardButton(
            reply.request.label,
            request_location=True if kind == "location" else None,
            request_contact=True if kind == "contact" else None,
        )
        return ReplyKeyboardMarkup([[button]], resize_keyboard=True, one_time_keyboard=True)
    if reply.remove_keyboard:
        return ReplyKeyboardRemove()
    return None


def inline_keyboard(rows: ButtonRows) -> InlineKeyboardMarkup | None:
    """Return rows of (label, payload) as an inline keyboard, or None when there are none."""
    keyboard = [
        [InlineKeyboardButton(label, callback_data=data) for label, data in row]
        for row in rows
        if row
    ]
    return InlineKeyboardMarkup(keyboard) if keyboard else None


def split_text(text: str, limit: int = MessageLimit.MAX_TEXT_LENGTH) -> list[str]:
    """Cut a text into pieces Telegram accepts, at line breaks where possible."""
    pieces: list[str] = []
    while len(text) > limit:
        cut = text.rfind("\n", 0, limit)
        cut = cut if cut > 0 else limit
        pieces.append(text[:cut])
        text = text[cut:].lstrip("\n")
    return [*pieces, text]


def chat_id_of(chat_id: str) -> int | str:
    """Return a stored chat id as Telegram takes it (a number, or an @username)."""
    digits = chat_id.lstrip("-")
    return int(chat_id) if digits.isascii() and digits.isdigit() else chat_id


async def send_reply(bot: ExtBot[Any], chat_id: int | str, reply: Outbound) -> Message | None:
    """Send one reply, its keyboard with the last part; return the last part's message.

    A part that may have arrived (Telegram timed out after the request went out) is not sent
    again unless the reply must arrive (a receipt with its one-time PIN): the user would see
    it twice, or an apology for a message that did arrive. Returns None when the last part
    is such a part.
    """
    *first, last = split_text(reply.text)
    for piece in first:
        await _send_piece(bot, chat_id, piece, None, reply.resend_when_unsure)
    return await _send_piece(bot, chat_id, last, markup_of(reply), reply.resend_when_unsure)


async def _send_piece(
    bot: ExtBot[Any], chat_id: int | str, text: str, markup: Markup | None, must_arrive: bool
) -> Message | None:
    attempt = 0
    while True:
        try:
            return await bot.send_message(chat_id, text, reply_markup=markup)
        except NetworkError as error:
            if isinstance(error, BadRequest):
                raise
            if not must_arrive:
                if not maybe_delivered(error):
                    raise
                log.warning("telegram chat %s: a reply may not have arrived: %s", chat_id, error)
                return None
            attempt += 1
            if attempt > MUST_ARRIVE_RESENDS:
                raise
            log.warning("telegram chat %s: a receipt sent again after %r", chat_id, error)
