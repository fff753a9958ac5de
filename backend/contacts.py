"""Contact details people type into free text: e-mail addresses, phone, ID-card and bank card
numbers, in ASCII or full-width characters (１３８…, ｌｉ＠…: a Chinese keyboard's other mode).

Found in one place for every use: the log filter scrubs them (backend.observability), and
text published to anyone (Open311's `GET requests`) shows them masked, because a complaint
about the government often names its writer or an official in its own words.
"""

from __future__ import annotations

import re

# ASCII classes on purpose: in Python's regexes \w also matches Chinese characters, and
# "电话13712345678" or "邮箱li@example.cn" must be found with the word written before them.
# What people put between the groups of a number they write to be read out: a space, a
# hyphen, a dot, or a Chinese keyboard's dash (—— is U+2014 twice; ‐ ‒ – ― and − too).
_DASHES = "\u2010-\u2015\u2212"
_SEP = rf"[\s.{_DASHES}-]"
_LANDLINE_SEP = rf"[\s{_DASHES}-]"  # no dot: "1.0123 4567" is a number, not a line
CONTACT_PATTERNS: tuple[re.Pattern[str], ...] = (
    # e-mail addresses, matched from the local part's first character only: a match tried
    # at every character of a long run with no @ (a 60,000-character address) took seconds
    re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"),
    # resident ID cards (居民身份证): 17 digits and a digit or X, whole or in the groups of
    # its parts (place 6, birth date 8 or 4 and 4, sequence and check 4)
    re.compile(
        rf"(?<![0-9A-Za-z])\d{{6}}{_SEP}?\d{{4}}{_SEP}?\d{{4}}{_SEP}?\d{{3}}[\dXx](?![0-9A-Za-z])"
    ),
    # the 15-digit ID cards issued before 1999, and bank card numbers (16 to 19 digits)
    re.compile(r"(?<![0-9A-Za-z])\d{15,19}(?![0-9A-Za-z])"),
    # bank card numbers written in groups of four: 6222 0212 3456 7890 (123)
    re.compile(
        rf"(?<![0-9A-Za-z])\d{{4}}(?:{_SEP}\d{{4}}){{3}}(?:{_SEP}?\d{{1,3}})?(?![0-9A-Za-z])"
    ),
    # mainland mobile numbers, with or without +86 and separators: 138 0013 8000
    re.compile(rf"(?<![0-9A-Za-z])(?:\+?86{_SEP}?)?1[3-9]\d{_SEP}?\d{{4}}{_SEP}?\d{{4}}(?!\d)"),
    # landlines with an area code: 022-2345 6789, (022) 23456789
    re.compile(
        rf"(?<![0-9A-Za-z])\(?0\d{{2,3}}\)?{_LANDLINE_SEP}?\d{{3,4}}{_LANDLINE_SEP}?\d{{4}}(?!\d)"
    ),
)
MASK = "***"


# Full-width digits, letters and the signs of an address or number (＠ ． ＋ － ＿ ％) and
# the ideographic space, one character for one: the patterns read the folded text, and the
# spans they find are the original's. Full-width brackets stay: 单位（022-2345 6789） keeps
# its （ as written.
_FOLDED = {
    code: code - 0xFEE0
    for code in (
        *range(0xFF10, 0xFF1A),
        *range(0xFF21, 0xFF3B),
        *range(0xFF41, 0xFF5B),
        0xFF20, 0xFF0E, 0xFF0B, 0xFF0D, 0xFF3F, 0xFF05,
    )
} | {0x3000: 0x20}  # fmt: skip


def mask_contacts(text: str, mask: str = MASK) -> str:
    """Return the text with every e-mail address, ID-card, bank card and phone number replaced
    by `mask`, whether typed in ASCII or full-width characters."""
    folded = text.translate(_FOLDED)
    spans = sorted(m.span() for pattern in CONTACT_PATTERNS for m in pattern.finditer(folded))
    if not spans:
        return text
    merged: list[list[int]] = []
    for start, end in spans:  # overlapping finds (an ID card is also 18 digits) are one
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    kept, at = [], 0
    for start, end in merged:
        kept += [text[at:start], mask]
        at = end
    kept.append(text[at:])
    return "".join(kept)
