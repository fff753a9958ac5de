"""Complaints whose category a coordinator confirmed, kept as evidence for similar texts."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from backend.routing.normalize import normalize
from backend.routing.text import MAX_CHARS


class Example(NamedTuple):
    """A complaint text and the category it belongs to (from a coordinator's correction)."""

    text: str
    category: str


@dataclass(frozen=True)
class ExampleBank:
    """The newest distinct examples, normalised once, in the order rapidfuzz searches them."""

    texts: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.texts)

    def examples(self) -> list[Example]:
        """Return the kept examples, oldest first."""
        return [Example(t, c) for t, c in zip(self.texts, self.categories, strict=True)]


def bank_of(examples: Iterable[Example], *, known: Collection[str], limit: int) -> ExampleBank:
    """Keep the newest `limit` examples (given oldest first) of known categories, one per text."""
    newest: dict[str, str] = {}
    for example in examples:
        text = normalize(example.text[:MAX_CHARS])
        if text and example.category in known:
            newest.pop(text, None)  # a later correction of the same text wins
            newest[text] = example.category
    kept = list(newest.items())[-limit:] if limit else []
    return ExampleBank(tuple(t for t, _ in kept), tuple(c for _, c in kept))
