"""Contact details people type into free text: e-mail addresses, phone and ID-card numbers.

Found in one place for every use: the log filter scrubs them (backend.observability), and
text published to anyone (Open311's `GET requests`) shows them masked, because a complaint
about the government often names its writer or an official in its own words.
"""

from __future__ import annotations

import re

# ASCII classes on purpose: in Python's regexes \w also matches Chinese characters, and
# "电话13712345678" or "邮箱li@example.cn" must be found with the word written before them.
CONTACT_PATTERNS: tuple[re.Pattern[str], ...] = (
    # e-mail addresses, matched from the local part's first character only: a match tried
    # at every character of a long run with no @ (a 60,000-character address) took seconds
    re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"),
    # resident ID cards (居民身份证): 17 digits and a digit or X
    re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])"),
    # mainland mobile numbers, with or without +86 and separators: 138 0013 8000
    re.compile(r"(?<![0-9A-Za-z])(?:\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)"),
    # landlines with an area code: 022-2345 6789, (022) 23456789
    re.compile(r"(?<![0-9A-Za-z])\(?0\d{2,3}\)?[\s-]?\d{3,4}[\s-]?\d{4}(?!\d)"),
)
MASK = "***"


def mask_contacts(text: str, mask: str = MASK) -> str:
    """Return the text with every e-mail address, ID-card and phone number replaced by `mask`."""
    for pattern in CONTACT_PATTERNS:
        text = pattern.sub(mask, text)
    return text
