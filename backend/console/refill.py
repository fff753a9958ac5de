"""Fill a rendered page's form with what the visitor posted, and mark the fields refused.

Used by `backend.console.over_long`: a field posted past its server-side limit re-shows the
page the form lives on with every typed value put back (a password excepted) and a message
beside each refused field. Works on the HTML the page's own template produced, so any form,
also one added later, is re-shown without code of its own.

The form is the one whose `action` is the address posted to; where several share it (the
case page's action forms), the one whose hidden fields (`action=sign`, ...) match the post.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from urllib.parse import urlsplit

from markupsafe import escape

NOT_REFILLED = frozenset({"hidden", "password", "submit", "button", "file", "image", "reset"})
CHOICES = frozenset({"checkbox", "radio"})
BARE = frozenset({"checked", "selected", "required", "disabled", "readonly", "multiple", "hidden"})


@dataclass
class Tag:
    """A start or end tag of the page, with its place (character offsets) in the text."""

    name: str
    attrs: list[tuple[str, str | None]]
    start: int
    end: int
    closing: bool = False
    close: Tag | None = None  # the matching end tag of a textarea, select, label or form
    children: list[Tag] = field(default_factory=list)  # a select's options

    def get(self, name: str) -> str | None:
        """Return an attribute's value ("" for a bare attribute), or None when absent."""
        for key, value in self.attrs:
            if key == name:
                return value or ""
        return None


class _Scanner(HTMLParser):
    """Collect the tags of a page with their offsets (the page's text is never changed)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.html = html
        self.lines = [0] + [m.end() for m in re.finditer("\n", html)]
        self.tags: list[Tag] = []

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.lines[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        self.tags.append(Tag(tag, attrs, start, start + len(self.get_starttag_text() or "")))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        start = self._offset()
        self.tags.append(Tag(tag, [], start, self.html.index(">", start) + 1, closing=True))


@dataclass(frozen=True)
class Refused:
    """A field refused by the server: its name and the message's words for its label."""

    name: str
    words: Callable[[str], str]  # the message, given the field's label on the page


ErrorHtml = Callable[[str, str], str]  # (element id, message) -> the message's HTML


def refill(
    html: str,
    *,
    action: str,
    posted: Sequence[tuple[str, str]],
    refused: Sequence[Refused],
    error_html: ErrorHtml,
) -> str | None:
    """Return the page with the posted form filled in and marked; None if it has no such form."""
    tags = _scan(html)
    form = _choose_form(tags, action, posted)
    if form is None or form.close is None:
        return None
    inside = [t for t in tags if form.start < t.start < form.close.start and not t.closing]
    labels = _labels(html, inside)
    values: dict[str, list[str]] = {}
    for key, value in posted:
        values.setdefault(key, []).append(value)
    edits: list[tuple[int, int, str]] = []
    wrong = {r.name: r for r in refused}
    placed: set[str] = set()
    for tag in inside:
        name = tag.get("name")
        if name is None or tag.name not in ("input", "textarea", "select"):
            continue
        changes = _attribute_changes(tag, values.get(name))
        edits += _content_edits(tag, values.get(name))
        reason = wrong.get(name)
        if reason is not None and name not in placed:
            placed.add(name)
            ident = f"error-{name}"
            described = " ".join(filter(None, [tag.get("aria-describedby"), ident]))
            changes |= {"aria-invalid": "true", "aria-describedby": described}
            after = tag.close.end if tag.close is not None else tag.end
            words = reason.words(labels.get(tag.get("id") or "", name))
            edits.append((after, after, error_html(ident, words)))
        if changes:
            edits.append((tag.start, tag.end, _rebuild(tag, changes)))
    for key, reason in wrong.items():  # a field the form does not show (a hidden one)
        if key not in placed:
            edits.append((form.end, form.end, error_html(f"error-{key}", reason.words(key))))
    return _apply(html, edits)


def _scan(html: str) -> list[Tag]:
    scanner = _Scanner(html)
    scanner.feed(html)
    scanner.close()
    tags = scanner.tags
    open_tags: dict[str, list[Tag]] = {}
    for tag in tags:
        if tag.name not in ("form", "textarea", "select", "label", "option"):
            continue
        if not tag.closing:
            if tag.name == "option" and open_tags.get("select"):
                open_tags["select"][-1].children.append(tag)
            open_tags.setdefault(tag.name, []).append(tag)
        elif open_tags.get(tag.name):
            open_tags[tag.name].pop().close = tag
    return tags


def _choose_form(tags: list[Tag], action: str, posted: Sequence[tuple[str, str]]) -> Tag | None:
    """Return the form posting to `action` whose hidden fields best match the post."""
    pairs = set(posted)
    names = {name for name, _ in posted}
    best: tuple[int, Tag] | None = None
    forms = [t for t in tags if t.name == "form" and not t.closing and t.close is not None]
    for form in forms:
        if urlsplit(unescape(form.get("action") or "")).path != action:
            continue
        assert form.close is not None
        hidden = [
            (t.get("name") or "", t.get("value") or "")
            for t in tags
            if form.start < t.start < form.close.start
            and t.name == "input"
            and t.get("type") == "hidden"
            and t.get("name") not in (None, "csrf_token")
            and t.get("data-fresh") is None  # made anew with each page (a filing's key)
        ]
        if any(pair not in pairs and pair[0] in names for pair in hidden):
            continue  # posted with another value: another form to the same address
        score = sum(pair in pairs for pair in hidden)
        if best is None or score > best[0]:
            best = (score, form)
    return best[1] if best else None


def _labels(html: str, tags: list[Tag]) -> dict[str, str]:
    """Return each labelled field's label text by the field's id."""
    found = {}
    for tag in tags:
        target = tag.get("for")
        if tag.name == "label" and target and tag.close is not None:
            text = re.sub(r"<[^>]*>", "", html[tag.end : tag.close.start])
            found[target] = " ".join(unescape(text).split())
    return found


def _attribute_changes(tag: Tag, values: list[str] | None) -> dict[str, str | None]:
    """Return the attributes that put the posted value into an input (or tick its box)."""
    kind = (tag.get("type") or "text").lower()
    if tag.name != "input":
        return {}
    if kind in CHOICES:
        checked = values is not None and (tag.get("value") or "on") in values
        return {"checked": "" if checked else None}
    if values is None or kind in NOT_REFILLED:
        return {}
    return {"value": values[-1]}


def _content_edits(tag: Tag, values: list[str] | None) -> list[tuple[int, int, str]]:
    """Return the edits that put the posted value into a text area or a select's options."""
    if values is None:
        return []
    if tag.name == "textarea" and tag.close is not None:
        # HTML drops one newline right after <textarea>: this one, never the value's own.
        return [(tag.end, tag.close.start, "\n" + str(escape(values[-1])))]
    if tag.name == "select":
        return [
            (o.start, o.end, _rebuild(o, {"selected": "" if o.get("value") in values else None}))
            for o in tag.children
        ]
    return []


def _rebuild(tag: Tag, changes: Mapping[str, str | None]) -> str:
    """Return a start tag with some attributes set (None: removed), the others kept."""
    attrs = [(k, v) for k, v in tag.attrs if k not in changes]
    attrs += [(k, v) for k, v in changes.items() if v is not None]
    words = [
        f" {k}" if v is None or (v == "" and k in BARE) else f' {k}="{escape(v)}"'
        for k, v in attrs
    ]
    return f"<{tag.name}{''.join(words)}>"


def _apply(html: str, edits: list[tuple[int, int, str]]) -> str:
    """Apply edits (start, end, replacement); two edits of one tag: the later one wins."""
    by_place: dict[tuple[int, int], str] = {}
    for start, end, text in edits:
        by_place[(start, end)] = text
    result = html
    for (start, end), text in sorted(by_place.items(), reverse=True):
        result = result[:start] + text + result[end:]
    return result
