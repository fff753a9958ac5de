"""One complaint text prepared once for every matcher: units, pinyin, words, jieba tokens."""

from __future__ import annotations

import logging
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

import jieba

from backend.routing.english import stem
from backend.routing.normalize import normalize
from backend.routing.pinyin import HAN, char_syllable, split_pinyin

# Matching looks at the start of a text only, so a pasted novel costs as much as a letter.
MAX_CHARS = 3000

Token = tuple[str, int, int]  # a jieba word, its start and end in the text
_PIECE = re.compile(rf"{HAN.pattern}|[a-z]+|[0-9]+")
_LATIN_WORD = re.compile(r"[a-z]+")

jieba.setLogLevel(logging.WARNING)
# Everyday words that hold a keyword without its meaning: 没收到 (not received) is no 没收
# (confiscation), so jieba keeps them whole and the keyword inside counts as cut.
_WHOLE_WORDS = ("没收到",)
_taught: set[str] = set()
_wanted: set[str] = set(_WHOLE_WORDS)  # taught but not yet added to jieba's dictionary
_jieba_lock = threading.Lock()
_generation = 0  # moves whenever words are added to jieba's dictionary (a cut may change)
# The last texts cut whole, by dictionary generation: filing cuts a complaint for its search
# words (word_string) and the router then reads the same cut (Segmentation) instead of
# cutting the text again (issue 13, item 3).
_CUTS_KEPT = 16
_cuts: OrderedDict[tuple[str, int], tuple[Token, ...]] = OrderedDict()
_cuts_lock = threading.Lock()


class Unit(NamedTuple):
    """One matchable piece: a Chinese character, a typed pinyin syllable, a word or a number."""

    surface: str
    syllable: str
    start: int
    end: int
    han: bool
    word_start: bool
    word_end: bool


class Word(NamedTuple):
    """One Latin word of the text with its English stem."""

    stem: str
    start: int
    end: int


def units_of(text: str) -> list[Unit]:
    """Cut normalised text into units; pinyin typed as one word (yibao) becomes syllables."""
    units: list[Unit] = []
    for piece in _PIECE.finditer(text):
        word, start = piece.group(), piece.start()
        if HAN.match(word):
            units.append(Unit(word, char_syllable(word), start, start + 1, True, True, True))
            continue
        parts = split_pinyin(word) if word.isalpha() else None
        if not parts:
            units.append(Unit(word, word, start, piece.end(), False, True, True))
            continue
        for index, part in enumerate(parts):
            end = start + len(part)
            units.append(Unit(part, part, start, end, False, index == 0, index == len(parts) - 1))
            start = end
    return units


class Segmentation:
    """The jieba words of a text, cut only where asked, one space-free run at a time.

    jieba cuts each run between spaces on its own, so cutting the runs that a matcher asks
    about gives the same words as cutting the whole text: a text read for the first time
    pays for the runs that hold a match, not for all of them (issue 13: first sight).
    """

    def __init__(self, text: str, chinese: bool) -> None:
        self._text = text
        self._chinese = chinese  # without Chinese characters there is nothing to cut
        self._spans: list[tuple[int, int] | None] = [None] * len(text)

    def word_at(self, position: int) -> tuple[int, int] | None:
        """Return the [start, end) of the jieba word holding a character, None if no Chinese."""
        if not self._chinese:
            return None
        span = self._spans[position]
        if span is None:
            self._cut_run(position)
            span = self._spans[position]
        return span

    def _cut_run(self, position: int) -> None:
        text = self._text
        first = text.rfind(" ", 0, position) + 1
        stop = text.find(" ", position)
        stop = len(text) if stop < 0 else stop
        whole = cut_already(text)
        if whole is not None:  # cut by word_string: the same words, no second cut
            for word, start, end in whole:
                if " " not in word:  # the runs between spaces hold every other word
                    self._spans[start:end] = [(start, end)] * (end - start)
            return
        ready_jieba()
        for _, start, end in jieba.tokenize(text[first:stop], HMM=False):
            span = (first + start, first + end)
            self._spans[first + start : first + end] = [span] * (end - start)


@dataclass(frozen=True)
class TextView:
    """A complaint after normalisation, cut every way the matchers need."""

    text: str
    units: tuple[Unit, ...]
    surfaces: tuple[str, ...]
    syllables: tuple[str, ...]
    words: tuple[Word, ...]
    segmentation: Segmentation

    def straddles(self, start: int, end: int) -> bool:
        """Return whether [start, end) cuts into jieba words (学校 in 大学校园)."""
        # The head or tail of a longer word is a compound (执法 in 执法人员, 罚款 in 乱罚款).
        first = self.segmentation.word_at(start)
        last = self.segmentation.word_at(end - 1)
        if first is None or last is None:
            return False
        (first_start, first_end), (last_start, last_end) = first, last
        cuts_head = first_start < start and first_end < end
        cuts_tail = last_end > end and last_start > start
        inside = first_start < start and last_end > end
        return cuts_head or cuts_tail or inside

    def stands_alone(self, start: int, end: int) -> bool:
        """Return whether [start, end) is one whole jieba word (偷 in 被偷了, not in 偷偷)."""
        word = self.segmentation.word_at(start)
        return word is None or word == (start, end)


def teach_jieba(words: Iterable[str], *, now: bool = True) -> None:
    """Have jieba keep these Chinese words whole (失信被执行人).

    With `now`, jieba's dictionary is loaded (once; a second or two) and the words added at
    once; otherwise that happens at jieba's first use here, or in `ready_jieba`.
    """
    with _jieba_lock:
        _wanted.update(
            word
            for word in words
            if word not in _taught and len(word) >= 2 and all(HAN.match(char) for char in word)
        )
    if now:
        ready_jieba()


def ready_jieba() -> None:
    """Load jieba's dictionary and add the words taught so far; cheap once done (thread-safe)."""
    if not _wanted and jieba.dt.initialized:
        return
    global _generation
    with _jieba_lock:
        jieba.initialize()
        for word in sorted(_wanted):
            jieba.add_word(word)
        _taught.update(_wanted)
        if _wanted:
            _generation += 1
        _wanted.clear()


def is_word(chars: str) -> bool:
    """Return whether jieba's dictionary (with the words taught to it) knows these characters."""
    ready_jieba()
    return bool(jieba.dt.FREQ.get(chars))


def word_string(raw: str, max_chars: int = MAX_CHARS) -> str:
    """Return the normalised text as jieba words joined by spaces, for rapidfuzz token scorers."""
    text = normalize(raw[:max_chars])
    return " ".join(word for word, _, _ in whole_cut(text) if word.strip())


def whole_cut(text: str) -> tuple[Token, ...]:
    """Return jieba's words of a normalised text with their spans, kept for the next reader."""
    ready_jieba()
    key = (text, _generation)
    with _cuts_lock:
        kept = _cuts.get(key)
    if kept is not None:
        return kept
    tokens = tuple(jieba.tokenize(text, HMM=False))
    with _cuts_lock:
        _cuts[key] = tokens
        while len(_cuts) > _CUTS_KEPT:
            _cuts.popitem(last=False)
    return tokens


def cut_already(text: str) -> tuple[Token, ...] | None:
    """Return the words of a normalised text if `whole_cut` cut it lately, else None."""
    with _cuts_lock:
        return _cuts.get((text, _generation))


def latin_words(text: str) -> tuple[Word, ...]:
    """Return the Latin words of normalised text with their English stems."""
    return tuple(Word(stem(m.group()), m.start(), m.end()) for m in _LATIN_WORD.finditer(text))


def view_of(raw: str) -> TextView:
    """Prepare a complaint for matching; look at its first MAX_CHARS characters only."""
    text = normalize(raw[:MAX_CHARS])
    units = tuple(units_of(text))
    words = latin_words(text)
    return TextView(
        text=text,
        units=units,
        surfaces=tuple(unit.surface for unit in units),
        syllables=tuple(unit.syllable for unit in units),
        words=words,
        segmentation=Segmentation(text, any(unit.han for unit in units)),
    )
