"""Read what people type and tap: commands, case numbers, PINs, phone numbers, payloads.

Every place that reads a case number or a PIN typed by a person (`/status`, `/sign`, the
API's `{number}` and `q`, the redaction of numbers quoted in free text) reads it here, so
full-width forms, Chinese punctuation and labels are understood the same everywhere. Dates
are read in `dialogs.dates`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

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

# Bidi controls (embeddings, overrides, isolates, the Arabic letter mark) are as invisible, and
# so are the control characters (C0 but tab and line breaks, DEL, C1): "\x01\x07" says nothing.
# NUL is counted: it is not blank but unstorable, and every channel refuses it as such
# (backend.storable) after asking whether anything was typed.
_INVISIBLE = re.compile(
    "[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad\u061c"
    "\x01-\x08\x0e-\x1f\x7f-\x9f]"
)
_PHONE = re.compile(r"^(?:\+?86)?(1[3-9][0-9]{9}|0[0-9]{2,3}[0-9]{7,8})$")
_PHONE_LABELS = re.compile(r"联系电话|手机号码?|电话号码?|手机|电话|号码|tel|phone|mobile", re.I)
_PHONE_FILLER = re.compile(r"[\s\-()（）.:：,，、—–]")

PIN_DIGITS = 6
_PIN = re.compile(rf"[0-9]{{{PIN_DIGITS}}}")
# A case number as people write it, half- or full-width, within other text: HQ-261127-0042,
# hq2611270042, HQ 261127 0042, ＨＱ－２６１１２７－００４２, HQ—261127—0042 (an IME's dash).
_LETTER = "A-Za-z\uff21-\uff3a\uff41-\uff5a"
_DIGIT = "0-9\uff10-\uff19"
_GAP = "[\\s\\-_.·/\\\\~\u2010-\u2015\u2212\uff0d\uff0e\uff0f\uff3f\uff5e]*"
_NUMBER_IN_TEXT = re.compile(
    rf"(?<![{_LETTER}{_DIGIT}])([{_LETTER}]{{1,4}}){_GAP}([{_DIGIT}]{{6}}){_GAP}"
    rf"([{_DIGIT}]{{4,6}})(?![{_DIGIT}])"
)
# Words people put around a number or a PIN (案件编号：…，提取码：…), and the punctuation.
_LOOKUP_LABELS = re.compile(
    r"案件编号|案件号|案件|编号|案号|单号|提取码|查询码|验证码|密码|PIN码|PIN|CODE|CASE|NUMBER"
    r"|NO|查询|状态|进度|号|#"
)
_LOOKUP_FILLER = re.compile(
    r"[\s,，、;；:：。.!！?？|/\\\-_=()（）\[\]【】「」『』<>《》\"'“”‘’~]+"
)


@dataclass(frozen=True)
class CaseLookup:
    """A case number in its stored form, with the PIN (提取码) typed after it, if any."""

    number: str
    pin: str | None


def normalise(text: str) -> str:
    """Return text with full-width forms folded (／ to /, ２ to 2) and outer space removed.

    Marks a reader cannot see (`_INVISIBLE`), which a copy and paste brings along, are
    dropped, and a zero-width space is a space: "HQ-261127-0001\u200b494193" is a number and
    a PIN. NUL stays, for the storable rule to refuse.
    """
    seen = _INVISIBLE.sub("", text.replace("\u200b", " "))
    return unicodedata.normalize("NFKC", seen).strip()


# Explicit direction controls: embeddings and overrides (U+202A-U+202E), isolates
# (U+2066-U+2069). In a short answer shown inline they turn around what follows: a name
# ending in U+202E showed the phone number beside it backwards.
_DIRECTION_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def without_direction_controls(text: str) -> str:
    """Return a short answer (a name, a place, a post, a document number) without explicit
    direction controls and outer white space. The one rule for every channel: the dialogs'
    short answers and the backend's intake and records keep short fields through it."""
    return drop_direction_controls(text).strip()


def drop_direction_controls(text: str) -> str:
    """Return the text without explicit direction controls (embeddings, overrides, isolates:
    U+202A-202E, U+2066-2069), its white space untouched. Inside a long text too they only
    reorder what staff read: "电话\u202e13812345678" reads 87654321831 (reviewer, 2026-12-03)."""
    return _DIRECTION_CONTROLS.sub("", text) if _DIRECTION_CONTROLS.search(text) else text


def short_answer(text: str) -> str:
    """Return a short answer (a name, a post, an authority, a document number) as one line
    that a reader sees whole: no invisible mark or control character (`_INVISIBLE`: a
    trailing U+200F made one document number two, and an ESC reached a terminal as typed),
    each run of white space one space. Records keep their short fields through it, so a
    field is compared as it reads (reviewer, 2026-12-03)."""
    return " ".join(_INVISIBLE.sub("", text).split())


def has_letter(text: str) -> bool:
    """Tell whether a short answer holds a letter (any script): "。。。" names nobody."""
    return any(ch.isalpha() for ch in text)


def clip(text: str, limit: int = 300) -> str:
    """Shorten a long text, marking the cut with "…"."""
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


# Letters (any script: 汉字 are letters) a complaint needs besides its length: five emoji or
# "12345" say nothing anyone could act on.
MIN_LETTERS = 2


def has_words(text: str) -> bool:
    """Tell whether a text holds at least MIN_LETTERS letters (not only emoji, digits, marks)."""
    return sum(1 for ch in text if ch.isalpha()) >= MIN_LETTERS


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
    """Return a Chinese mobile or landline number as digits, or None when it is not one.

    Takes full-width digits, spaces, dashes, dots and brackets, and labels (手机：, Tel:).
    """
    unlabelled = _PHONE_LABELS.sub("", normalise(raw))
    match = _PHONE.match(_PHONE_FILLER.sub("", unlabelled))
    return match.group(1) if match else None


def parse_case_number(raw: str) -> str | None:
    """Return the stored form of one case number typed any way, or None.

    Reads ＨＱ２６１１２７－００４２, "案件编号：hq2611270042", HQ 261127 0042; None when the text
    is not exactly one number (a number with a PIN included).
    """
    lookup = parse_case_lookup(raw)
    return lookup.number if lookup is not None and lookup.pin is None else None


def parse_pin(raw: str) -> str | None:
    """Return a PIN (six digits) typed any way (４９４１９３, "提取码：494 193"), or None."""
    rest = _leftover(normalise(raw).upper())
    return rest if _PIN.fullmatch(rest) else None


def parse_case_lookup(raw: str) -> CaseLookup | None:
    """Return the case number and the PIN, if any, of a status request, or None.

    Reads "HQ-261127-0001，494193", "案件编号 HQ-261127-0001 提取码：494193", "494193
    hq2611270001" and full-width forms. None when there is no number, more than one, or
    anything besides the number, a six-digit PIN and their labels: a malformed request is
    told how to write it and never counts as a wrong PIN.
    """
    folded = normalise(raw).upper()
    found = list(_NUMBER_IN_TEXT.finditer(folded))
    if len(found) != 1:
        return None
    match = found[0]
    number = "-".join(normalise(part) for part in match.groups())
    before, after = _leftover(folded[: match.start()]), _leftover(folded[match.end() :])
    if before and after:
        return None
    rest = before or after
    if not rest:
        return CaseLookup(number, None)
    return CaseLookup(number, rest) if _PIN.fullmatch(rest) else None


def case_numbers_in(text: str) -> list[tuple[int, int, str]]:
    """Return (start, end, stored form) of every case number quoted in a free text."""
    return [
        (m.start(), m.end(), "-".join(normalise(part).upper() for part in m.groups()))
        for m in _NUMBER_IN_TEXT.finditer(text)
    ]


def make_payload(token: str, action: str, arg: str = "") -> str:
    """Return the callback data of a button, refusing what Telegram would refuse."""
    payload = PAYLOAD_SEPARATOR.join((token, action, arg))
    if len(payload.encode()) > MAX_PAYLOAD_BYTES:
        raise ValueError(f"button payload over {MAX_PAYLOAD_BYTES} bytes: {payload!r}")
    return payload


def _leftover(folded: str) -> str:
    """Return what is left of folded text without the labels and punctuation of a lookup."""
    return _LOOKUP_FILLER.sub("", _LOOKUP_LABELS.sub("", folded))


def split_payload(payload: str) -> tuple[str, str, str] | None:
    """Return (token, action, arg) of a button payload, or None when it is not ours."""
    parts = payload.split(PAYLOAD_SEPARATOR, 2)
    if len(parts) != 3 or not parts[0] or not parts[1]:
        return None
    return parts[0], parts[1], parts[2]


def _folded(text: str) -> str:
    """Return the letters and digits of a text, width and case folded (no emoji, no marks)."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())


# A label's trailing annotation in brackets, after NFKC folded （4 个） to (4 个): "完成（4 个）",
# "Done (4)". It tells how things stand; the button is named by the words before it.
_ANNOTATION = re.compile(r"\([^()]*\)\W*$")


def _label_words(label: str) -> tuple[str, str]:
    """Return a label folded whole, and folded without its trailing annotation in brackets."""
    wide = unicodedata.normalize("NFKC", label)
    core = _folded(_ANNOTATION.sub("", wide))
    return _folded(wide), core or _folded(wide)


def typed_choice(choices: Iterable[tuple[str, str]], text: str) -> str | None:
    """Return the payload of the one offered button a typed answer names, else None.

    The one rule for typed words everywhere (the engine for every question of buttons, the
    category step for category names). `choices` are (label, payload) pairs. A label equal to
    the text (emoji, punctuation, spaces, width and case aside: "对" is "✅ 对"), or equal once
    its trailing annotation in brackets is left out ("完成" is "完成（4 个）", "done" is
    "Done (4)"), wins; else a label that alone contains the text, the annotation left out
    ("不对" in "不对，换一个", "确认" in "✅ 确认提交", but "4" not in "完成（4 个）"). None when
    nothing or several buttons match: an ambiguous answer picks none.
    """
    wanted = _folded(text)
    if not wanted:
        return None
    offered = [(_label_words(label), payload) for label, payload in choices]
    equal = [p for (whole, core), p in offered if wanted in (whole, core)]
    within = [p for (_, core), p in offered if wanted in core]
    for found in (equal, within):
        if len(set(found)) == 1:
            return found[0]
        if found:
            return None
    return None
