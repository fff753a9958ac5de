"""Read what people type and tap: commands, dates, phone numbers, button payloads."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta

PAYLOAD_SEPARATOR = "|"
MAX_PAYLOAD_BYTES = 64  # Telegram's limit on callback_data

# A whole message of one of these words works like the command.
_COMMAND_WORDS = {
    "取消": "cancel",
    "cancel": "cancel",
    "返回": "back",
    "上一步": "back",
    "back": "back",
    "跳过": "skip",
    "skip": "skip",
    "帮助": "help",
    "help": "help",
}

_INVISIBLE = re.compile("[\u200b-\u200f\u2060-\u2064\ufeff\u00ad]")
_PHONE = re.compile(r"^(?:\+?86)?(1[3-9]\d{9}|0\d{2,3}\d{7,8})$")
_YMD = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_MD_ZH = re.compile(r"^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$")
_DAY_MONTH = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?(?:\s+(\d{4}))?$")
_MONTH_DAY = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?(?:\s+(\d{4}))?$")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DAYS_AGO = {
    "今天": 0,
    "今日": 0,
    "today": 0,
    "昨天": 1,
    "昨日": 1,
    "yesterday": 1,
    "前天": 2,
}


def normalise(text: str) -> str:
    """Return text with full-width forms folded (／ to /, ２ to 2) and outer space removed."""
    return unicodedata.normalize("NFKC", text).strip()


def visible_length(text: str) -> int:
    """Return how many characters a reader sees, without outer space and invisible marks."""
    return len(_INVISIBLE.sub("", text).strip())


def as_command(text: str) -> tuple[str, tuple[str, ...]] | None:
    """Return (name, args) when a typed message is a command, else None."""
    folded = normalise(text)
    if folded.startswith("/") and len(folded) > 1 and not folded[1].isspace():
        head, *args = folded[1:].split()
        return head.split("@", 1)[0].lower(), tuple(args)
    word = _COMMAND_WORDS.get(folded.lower())
    return (word, ()) if word else None


def parse_phone(raw: str) -> str | None:
    """Return a Chinese mobile or landline number as digits, or None when it is not one."""
    compact = re.sub(r"[\s\-()（）]", "", normalise(raw))
    match = _PHONE.match(compact)
    return match.group(1) if match else None


def parse_date(raw: str, today: date) -> date | None:
    """Return the date a person typed, or None when it is not a date.

    Accepts 2026-11-03, 2026/11/3, 2026年11月3日, 20261103, 11月3日, 3 Nov, Nov 3 2026,
    今天, 昨天, 前天, today and yesterday. A date without a year that would lie ahead is
    taken from last year, since people report what already happened.
    """
    text = normalise(raw).lower()
    if text in _DAYS_AGO:
        return today - timedelta(days=_DAYS_AGO[text])
    for pattern in (_YMD, _COMPACT):
        match = pattern.match(text)
        if match:
            year, month, day = (int(part) for part in match.groups())
            return _safe_date(year, month, day)
    match = _MD_ZH.match(text)
    if match:
        return _without_year(int(match.group(1)), int(match.group(2)), today)
    match = _DAY_MONTH.match(text)
    if match:
        return _english(match.group(2), int(match.group(1)), match.group(3), today)
    match = _MONTH_DAY.match(text)
    if match:
        return _english(match.group(1), int(match.group(2)), match.group(3), today)
    return None


def make_payload(token: str, action: str, arg: str = "") -> str:
    """Return the callback data of a button, refusing what Telegram would refuse."""
    payload = PAYLOAD_SEPARATOR.join((token, action, arg))
    if len(payload.encode()) > MAX_PAYLOAD_BYTES:
        raise ValueError(f"button payload over {MAX_PAYLOAD_BYTES} bytes: {payload!r}")
    return payload


def split_payload(payload: str) -> tuple[str, str, str] | None:
    """Return (token, action, arg) of a button payload, or None when it is not ours."""
    parts = payload.split(PAYLOAD_SEPARATOR, 2)
    if len(parts) != 3 or not parts[0] or not parts[1]:
        return None
    return parts[0], parts[1], parts[2]


def _english(month_name: str, day: int, year: str | None, today: date) -> date | None:
    month = next((i for i, name in enumerate(_MONTHS, 1) if month_name.startswith(name)), None)
    if month is None:
        return None
    if year is not None:
        return _safe_date(int(year), month, day)
    return _without_year(month, day, today)


def _without_year(month: int, day: int, today: date) -> date | None:
    found = _safe_date(today.year, month, day)
    if found is not None and found > today:
        return _safe_date(today.year - 1, month, day)
    return found


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
