"""English texts that say how to type what the dialogs read: a date, a case number, a PIN."""

TYPED: dict[str, str] = {
    "date.invalid": (
        "I could not read that date. Type the day, such as 2026-11-03, 3 Nov, yesterday or "
        "last Wednesday."
    ),
    "date.invalid_optional": (
        "I could not read that date. Type the day, such as 2026-11-03, 3 Nov or last "
        "Wednesday, or a rough time such as mid last month, early March or end of 2024; "
        'tap "Skip" if you do not remember.'
    ),
    "date.exact_needed": (
        "That is a span of days ({first} to {last}). The exact day is needed here: please "
        "type it, such as {first}."
    ),
    "date.span": "{words} ({first} to {last})",
    "date.future": "The date cannot be in the future.",
    "date.too_old": (
        "The date cannot be before {earliest} (more than {years} years ago): please check "
        "the year."
    ),
    "status.malformed": (
        "I could not read a case number and a PIN. A case number looks like HQ-261127-0042 "
        "and a PIN has 6 digits; send: /status HQ-261127-0042 123456"
    ),
    "number.malformed": "That is not a case number. A case number looks like HQ-261127-0042.",
}
