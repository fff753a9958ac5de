"""Render the engine's `Outbound` replies as Telegram messages: one message, one markup."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)
from telegram.constants import MessageLimit
from telegram.ext import ExtBot

from dialogs.model import Outbound

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
    return int(chat_id) if chat_id.lstrip("-").isdigit() else chat_id


async def send_text(
    bot: ExtBot[Any],
    chat_id: int | str,
    text: str,
    markup: Markup | None,
    pace: str | None = None,
) -> None:
    """Send a text (in pieces when long); the keyboard goes with the last piece."""
    *first, last = split_text(text)
    for piece in first:
        await bot.send_message(chat_id, piece, rate_limit_args=pace)
    await bot.send_message(chat_id, last, reply_markup=markup, rate_limit_args=pace)


async def send_replies(bot: ExtBot[Any], chat_id: int | str, replies: Sequence[Outbound]) -> None:
    """Send the replies of one turn in order, each as one message."""
    for reply in replies:
        await send_text(bot, chat_id, reply.text, markup_of(reply))
