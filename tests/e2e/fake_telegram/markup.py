"""Reject text and keyboards the real Bot API rejects, so such bugs show up in tests.

Markup is checked, not rendered: the fake stores text exactly as the bot sent it.
The MarkdownV2 check is conservative (it only flags characters that are never valid
unescaped), so it never rejects what Telegram accepts.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

from .errors import bad_request

MAX_TEXT = 4096
MAX_CAPTION = 1024
HTML_TAGS = frozenset(
    {"a", "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler"}
    | {"tg-emoji", "code", "pre", "blockquote"}
)
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?>")
V2_ALWAYS_ESCAPED = frozenset(".-=+#{}")
BUTTON_ACTIONS = frozenset(
    {"url", "callback_data", "web_app", "login_url", "switch_inline_query", "pay"}
    | {"switch_inline_query_current_chat", "switch_inline_query_chosen_chat"}
    | {"copy_text", "callback_game"}
)


def _entity_error(reason: str) -> Exception:
    return bad_request(f"can't parse entities: {reason}")


class _TagChecker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in HTML_TAGS:
            raise _entity_error(f'Unsupported start tag "{tag}"')
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            raise _entity_error(f'Unexpected end tag "{tag}"')
        self.open.pop()


def check_html(text: str) -> None:
    """Raise 400 for unknown or unbalanced tags, e.g. an unescaped ``<`` in user text."""
    for match in re.finditer("<", text):
        if not _TAG.match(text, match.start()):
            offset = len(text[: match.start()].encode())
            raise _entity_error(f"Unsupported start tag at byte offset {offset}")
    checker = _TagChecker()
    checker.feed(text)
    checker.close()
    if checker.open:
        raise _entity_error(f'Can\'t find end tag corresponding to start tag "{checker.open[-1]}"')


def check_markdown(text: str) -> None:
    """Raise 400 for an unclosed legacy Markdown entity, e.g. a lone ``_`` in a username."""
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char in "*_`":
            closing = "```" if text.startswith("```", i) else char
            end = text.find(closing, i + len(closing))
            if end == -1:
                offset = len(text[:i].encode())
                raise _entity_error(
                    f"Can't find end of the entity starting at byte offset {offset}"
                )
            i = end + len(closing)
            continue
        i += 1


def _needs_escape(text: str, i: int) -> bool:
    """True when ``text[i]`` can only appear escaped at that position in MarkdownV2."""
    char, before, after = text[i], text[i - 1 : i], text[i + 1 : i + 2]
    if char in V2_ALWAYS_ESCAPED or char in "()":
        return True
    if char == "!":
        return after != "["  # ![emoji](tg://emoji?id=...)
    if char == ">":
        return i > 0 and before != "\n" and not f"\n{text[:i]}".endswith("\n**")  # blockquote
    if char == "|":
        return "|" not in (before, after)  # ||spoiler||
    return False


def check_markdown_v2(text: str) -> None:
    """Raise 400 for a reserved character (``.``, ``-``, ``!``...) that is not escaped."""
    i, in_url = 0, False
    while i < len(text):
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == "`":
            closing = "```" if text.startswith("```", i) else "`"
            end = text.find(closing, i + len(closing))
            i = len(text) if end == -1 else end + len(closing)
            continue
        if in_url:
            in_url = char != ")"
        elif char == "]" and text.startswith("(", i + 1):
            in_url, i = True, i + 1
        elif _needs_escape(text, i):
            raise _entity_error(
                f"Character '{char}' is reserved and must be escaped with the preceding '\\'"
            )
        i += 1


def check_text(text: Any, parse_mode: Any, *, caption: bool = False) -> None:
    """Validate a message text or caption against its length limit and parse_mode."""
    if not isinstance(text, str):
        raise bad_request("message text is empty")
    if caption and len(text) > MAX_CAPTION:
        raise bad_request("message caption is too long")
    if not caption and not text.strip():
        raise bad_request("message text is empty")
    if not caption and len(text) > MAX_TEXT:
        raise bad_request("message is too long")
    mode = str(parse_mode or "").lower()
    if mode == "html":
        check_html(text)
    elif mode == "markdownv2":
        check_markdown_v2(text)
    elif mode == "markdown":
        check_markdown(text)


def check_reply_markup(markup: Any) -> None:
    """Validate an inline keyboard: every button has an action, callback_data is 1-64 bytes."""
    if markup is None:
        return
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    rows = markup.get("inline_keyboard")
    if rows is None:
        return
    for row in rows:
        for button in row:
            if not BUTTON_ACTIONS & button.keys():
                raise bad_request("text buttons are unallowed in the inline keyboard")
            data = button.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode()) <= 64:
                raise bad_request("BUTTON_DATA_INVALID")
