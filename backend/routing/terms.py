"""The words of a taxonomy, weighted and indexed once for fast matching."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple, TypeVar

from backend.routing.english import stems
from backend.routing.normalize import normalize
from backend.routing.pinyin import char_syllable, word_syllables
from backend.routing.text import units_of
from backend.taxonomy.models import Taxonomy

# How much one Chinese term says on its own, by its length in characters: longer words are
# rarer and more specific (坑 < 罚款 < 工程款 < 失信被执行人). A Latin acronym counts as 3.
_CHINESE_WEIGHTS = (0.0, 0.3, 0.55, 0.65, 0.75)
# A category's own name (医保, 停车) is a strong hint even when it is short.
NAME_WEIGHT = 0.65
_ENGLISH_PHRASE_WEIGHT = 0.7
# Shorter terms are matched exactly or by sound: one character off in four is another word.
FUZZY_MIN_LENGTH = 5
# Initials stand for words of two to four characters (yb 医保, dbh 低保户); longer ones are
# spelled out by nobody, and one letter stands for anything.
_INITIALS_LENGTHS = range(2, 5)


class Term(NamedTuple):
    """A Chinese keyword or name: its units, its pinyin readings and its weight."""

    category: str
    text: str
    surfaces: tuple[str, ...]
    readings: tuple[tuple[str, ...], ...]
    weight: float


class EnglishTerm(NamedTuple):
    """An English keyword or name, as a sequence of word stems."""

    category: str
    stems: tuple[str, ...]
    weight: float


_T = TypeVar("_T", Term, EnglishTerm)
_Key = tuple[str, tuple[str, ...]]


@dataclass(frozen=True)
class TermIndex:
    """Every term of a taxonomy, indexed by its first unit, syllables or stem."""

    by_surface: dict[str, list[Term]]
    # by the first two syllables of a reading (every reading has two or more)
    by_syllables: dict[tuple[str, str], list[tuple[Term, tuple[str, ...]]]]
    by_stem: dict[str, list[EnglishTerm]]
    by_initials: dict[str, list[Term]]  # yb -> 医保: the first letters of each syllable
    fuzzy_terms: tuple[Term, ...]  # long enough for fuzzy matching, shortest first
    fuzzy_texts: tuple[str, ...]  # their texts, in the same order, ready for rapidfuzz
    fuzzy_lengths: tuple[int, ...]  # their lengths, in the same order, for bisect
    english_vocabulary: frozenset[str]
    english_words: tuple[str, ...]  # the same, as a sequence for rapidfuzz
    example_texts: tuple[str, ...]  # normalised example complaints
    example_categories: tuple[str, ...]  # the category of each example

    @property
    def chinese_words(self) -> set[str]:
        """Return the Chinese terms that jieba should keep whole."""
        return {term.text for terms in self.by_surface.values() for term in terms}


def chinese_term(category: str, phrase: str, floor: float = 0.0) -> Term | None:
    """Return a weighted term for a Chinese keyword or name, None if nothing is left of it."""
    text = normalize(phrase)
    units = units_of(text)
    if not units:
        return None
    length = sum(1 if unit.han else 3 for unit in units)
    weight = max(floor, _CHINESE_WEIGHTS[min(length, len(_CHINESE_WEIGHTS) - 1)])
    readings: tuple[tuple[str, ...], ...] = ()
    if len(units) >= 2 and all(unit.han for unit in units):
        # Index both the reading in context (银行: yin hang) and the character by character one
        # (yin xing), since the text side is read character by character for speed.
        by_char = tuple(char_syllable(unit.surface) for unit in units)
        readings = tuple(dict.fromkeys((word_syllables(text.replace(" ", "")), by_char)))
    return Term(category, text, tuple(unit.surface for unit in units), readings, weight)


def english_term(category: str, phrase: str) -> EnglishTerm | None:
    """Return a weighted term for an English keyword or name part."""
    words = stems(normalize(phrase))
    if not words:
        return None
    if len(words) > 1:
        return EnglishTerm(category, words, _ENGLISH_PHRASE_WEIGHT)
    letters = len(phrase.strip())
    return EnglishTerm(category, words, 0.6 if letters >= 8 else 0.55 if letters >= 5 else 0.45)


def build_index(taxonomy: Taxonomy) -> TermIndex:
    """Weigh and index every keyword, name and example of the taxonomy."""
    chinese: dict[tuple[str, tuple[str, ...]], Term] = {}
    english: dict[tuple[str, tuple[str, ...]], EnglishTerm] = {}
    examples: list[tuple[str, str]] = []
    for category in taxonomy.categories:
        named = category.id != taxonomy.triage_category  # 其他 / Other says nothing
        phrases = [(word, 0.0) for word in category.keywords]
        phrases += [(category.zh, NAME_WEIGHT)] if named else []
        for phrase, floor in phrases:
            term = chinese_term(category.id, phrase, floor)
            if term:
                _keep_heavier(chinese, (category.id, term.surfaces), term)
        names = re.split(r"[(),/]", category.en) if named else []
        for phrase in [*category.en_keywords, *names]:
            english_term_ = english_term(category.id, phrase)
            if english_term_:
                _keep_heavier(english, (category.id, english_term_.stems), english_term_)
        examples += [(normalize(e), category.id) for e in category.examples if normalize(e)]
    return _index(chinese.values(), english.values(), examples)


def _keep_heavier(found: dict[_Key, _T], key: _Key, term: _T) -> None:
    if key not in found or found[key].weight < term.weight:
        found[key] = term


def _index(
    chinese: Iterable[Term], english: Iterable[EnglishTerm], examples: list[tuple[str, str]]
) -> TermIndex:
    by_surface: defaultdict[str, list[Term]] = defaultdict(list)
    by_syllables: defaultdict[tuple[str, str], list[tuple[Term, tuple[str, ...]]]]
    by_syllables = defaultdict(list)
    fuzzy: list[Term] = []
    for term in chinese:
        by_surface[term.surfaces[0]].append(term)
        for reading in term.readings:
            by_syllables[reading[0], reading[1]].append((term, reading))
        if len(term.text) >= FUZZY_MIN_LENGTH and term.readings:
            fuzzy.append(term)
    fuzzy.sort(key=lambda term: len(term.text))
    by_stem: defaultdict[str, list[EnglishTerm]] = defaultdict(list)
    for english_term_ in english:
        by_stem[english_term_.stems[0]].append(english_term_)
    vocabulary = frozenset(word for terms in by_stem.values() for t in terms for word in t.stems)
    by_initials: defaultdict[str, list[Term]] = defaultdict(list)
    for term in sorted({t for terms in by_surface.values() for t in terms}):
        if len(term.surfaces) in _INITIALS_LENGTHS and term.readings:
            for initials in {"".join(s[0] for s in reading) for reading in term.readings}:
                if initials not in vocabulary:  # ppp is an English word here, not initials
                    by_initials[initials].append(term)
    return TermIndex(
        by_surface=dict(by_surface),
        by_syllables=dict(by_syllables),
        by_stem=dict(by_stem),
        by_initials=dict(by_initials),
        fuzzy_terms=tuple(fuzzy),
        fuzzy_texts=tuple(term.text for term in fuzzy),
        fuzzy_lengths=tuple(len(term.text) for term in fuzzy),
        english_vocabulary=vocabulary,
        english_words=tuple(sorted(vocabulary)),
        example_texts=tuple(text for text, _ in examples),
        example_categories=tuple(category for _, category in examples),
    )
