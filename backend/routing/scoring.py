"""Score every category of a taxonomy against one complaint, 0..1."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from rapidfuzz import fuzz, process

from backend.routing.examples import ExampleBank
from backend.routing.terms import EnglishTerm, Term, TermIndex
from backend.routing.text import TextView, Unit, is_word

# Discounts on a term's weight by how sure the match is.
TYPED_PINYIN = 0.9  # yibao for 医保: the reporter typed pinyin on purpose
HOMOPHONE = 0.8  # 医宝 for 医保: same sound, other characters
# 政府菜购 for 政府采购: three or more syllables that sound alike are almost never chance, so
# the slip weighs nearly as much as the term (issue 12: it must not lose to a weaker word).
LONG_HOMOPHONE = 0.95
INITIALS = 0.6  # yb for 医保: short, so several words may share them
SPLIT = 0.9  # 中了标 for 中标, 借的钱 for 借钱: a particle inside a two-character word
STRADDLING = 0.5  # 学校 inside 大学校园: the match cuts across real words
FUZZY = 0.8  # 失信执行人 for 失信被执行人, procurment for procurement
FUZZY_CHINESE_CUTOFF = 80.0
FUZZY_ENGLISH_CUTOFF = 85.0
# Whole texts weigh by their similarity (rapidfuzz ratio, 0..100) times the field's weight.
EXAMPLE = 0.9  # an example complaint from the configuration
EXAMPLE_CUTOFF = 60.0
LEARNED = 0.9  # a past complaint a coordinator placed in its category
LEARNED_CUTOFF = 65.0  # corrected texts are many and unchecked, so only close ones count
LEARNED_NEAREST = 3
_PARTICLES = frozenset("了的过着")
_VOWELS = frozenset("aeiouv")  # initials are consonants only: yb, not a word like yao


class Hit(NamedTuple):
    """One piece of evidence for a category: which term, where in the text, how strong."""

    category: str
    key: Term | EnglishTerm | str
    start: int
    end: int
    weight: float


class Evidence(NamedTuple):
    """What the words of a text say: each category's score, and the text as the terms read."""

    scores: dict[str, float]
    # The text's units with each slip written as the term it stands for (政府菜购 and
    # zhengfu caigou as 政府采购), so that a model of the text sees the term too.
    units: tuple[Unit, ...]
    # Per category, how alike (0..1) the closest text is that a coordinator put there.
    corrected: dict[str, float]


def score_categories(
    index: TermIndex, view: TextView, learned: ExampleBank | None = None
) -> dict[str, float]:
    """Return each category's score: the evidence of its distinct, non-overlapping hits."""
    return weigh(index, view, learned).scores


def weigh(index: TermIndex, view: TextView, learned: ExampleBank | None = None) -> Evidence:
    """Return each category's score and the text with its slips respelled as their terms."""
    respelled: list[tuple[int, Term]] = []
    corrections = _learned_hits(learned, view)
    hits = [
        *_chinese_hits(index, view, respelled),
        *_fuzzy_chinese_hits(index, view),
        *_english_hits(index, view),
        *_initials_hits(index, view),
        *_example_hits(index, view),
        *corrections,
    ]
    corrected: dict[str, float] = {}
    for hit in corrections:
        corrected[hit.category] = max(corrected.get(hit.category, 0.0), hit.weight / LEARNED)
    return Evidence(_combine(hits), _respell(view, respelled), corrected)


def respelled(index: TermIndex, view: TextView) -> tuple[Unit, ...]:
    """Return the text's units with each slip of a term written as the term (for training)."""
    found: list[tuple[int, Term]] = []
    _chinese_hits(index, view, found)
    return _respell(view, found)


def _respell(view: TextView, respelled: list[tuple[int, Term]]) -> tuple[Unit, ...]:
    """Return the text's units with the units of each slip replaced by its term's characters."""
    if not respelled:
        return view.units
    units = list(view.units)
    for first, term in respelled:
        for offset, surface in enumerate(term.surfaces):
            units[first + offset] = units[first + offset]._replace(surface=surface, han=True)
    return tuple(units)


def _chinese_hits(
    index: TermIndex, view: TextView, respelled: list[tuple[int, Term]] | None = None
) -> list[Hit]:
    """Find Chinese terms written exactly, typed as pinyin, or mistyped as a homophone.

    Each slip and typed pinyin of a term is added to `respelled` as (first unit, term).
    """
    hits: list[Hit] = []
    surfaces, syllables = view.surfaces, view.syllables
    count = len(surfaces)
    for i, surface in enumerate(surfaces):
        exact: set[Term] = set()
        terms = index.by_surface.get(surface, ())
        # 中了标: a particle after the first character may split a two-character word.
        particle = i + 2 < count and surfaces[i + 1] in _PARTICLES
        for term in terms:
            end = i + len(term.surfaces)
            if surfaces[i:end] == term.surfaces and (end > i + 1 or _alone(view, i)):
                exact.add(term)
                hits.append(_hit(view, term, i, end, 1.0))
            elif particle and _split_at(view, term, i):
                hits.append(_hit(view, term, i, i + 3, SPLIT))
        if i + 1 == count:
            break
        # Readings are two syllables or more: look up the first two at once.
        for term, reading in index.by_syllables.get((syllables[i], syllables[i + 1]), ()):
            end = i + len(reading)
            if term in exact or syllables[i:end] != reading:
                continue
            if not any(unit.han for unit in view.units[i:end]):
                hits.append(_hit(view, term, i, end, TYPED_PINYIN))
            elif _slip(view, i, end):
                factor = LONG_HOMOPHONE if len(reading) >= 3 else HOMOPHONE
                hits.append(_hit(view, term, i, end, factor))
            else:
                continue
            if respelled is not None and len(term.surfaces) == len(reading):
                respelled.append((i, term))
    return hits


def _split_at(view: TextView, term: Term, first: int) -> bool:
    """Return whether a two-character word is written apart by a particle (中了标, 借的钱)."""
    surfaces = view.surfaces
    return (
        len(term.surfaces) == 2
        and view.units[first].han
        and first + 2 < len(surfaces)
        and surfaces[first + 1] in _PARTICLES
        and surfaces[first + 2] == term.surfaces[1]
    )


def _alone(view: TextView, position: int) -> bool:
    """Return whether a one-character term is a word here (坑 in 有个坑, not in 坑洼)."""
    unit = view.units[position]
    return not unit.han or view.stands_alone(unit.start, unit.end)


def _slip(view: TextView, first: int, end: int) -> bool:
    """Return whether characters that sound like a term are a typing slip for it."""
    # 医宝 is no word, so it stands for 医保; 事业 is a word of its own, not a slip for 失业;
    # and a sound-alike that cuts into real words is chance.
    start, stop = view.units[first].start, view.units[end - 1].end
    return not is_word("".join(view.surfaces[first:end])) and not view.straddles(start, stop)


def _hit(view: TextView, term: Term, first: int, end: int, factor: float) -> Hit:
    start, stop = view.units[first].start, view.units[end - 1].end
    if view.units[first].han and view.straddles(start, stop):
        factor *= STRADDLING
    return Hit(term.category, term, start, stop, term.weight * factor)


def _fuzzy_chinese_hits(index: TermIndex, view: TextView) -> list[Hit]:
    """Find long terms written with a character missing or extra (失信执行人)."""
    # Only terms at most one longer than the text: a short text inside a long term is not it.
    fitting = bisect_right(index.fuzzy_lengths, len(view.text) + 1)
    if not fitting:
        return []
    found = process.extract(
        view.text,
        index.fuzzy_texts[:fitting],
        scorer=fuzz.partial_ratio,
        score_cutoff=FUZZY_CHINESE_CUTOFF,
        limit=None,
    )
    hits: list[Hit] = []
    for text, score, position in found:
        if score < 100:  # exact matches are found, and weighed, as such
            term = index.fuzzy_terms[position]
            where = fuzz.partial_ratio_alignment(text, view.text)
            if where is not None:
                weight = term.weight * FUZZY * score / 100
                hits.append(Hit(term.category, term, where.dest_start, where.dest_end, weight))
    return hits


def _english_hits(index: TermIndex, view: TextView) -> list[Hit]:
    if not view.words:
        return []
    stems: list[str] = []
    quality: list[float] = []
    for word in view.words:
        found = word.stem
        sure = 1.0
        if found not in index.english_vocabulary and len(found) >= 5:
            best = process.extractOne(
                found, index.english_words, scorer=fuzz.ratio, score_cutoff=FUZZY_ENGLISH_CUTOFF
            )
            if best:
                found, sure = best[0], FUZZY * best[1] / 100
        stems.append(found)
        quality.append(sure)
    hits: list[Hit] = []
    for i, found in enumerate(stems):
        for term in index.by_stem.get(found, ()):
            end = i + len(term.stems)
            if tuple(stems[i:end]) == term.stems:
                weight = term.weight * min(quality[i:end])
                start, stop = view.words[i].start, view.words[end - 1].end
                hits.append(Hit(term.category, term, start, stop, weight))
    return hits


def _initials_hits(index: TermIndex, view: TextView) -> list[Hit]:
    """Find Chinese terms typed as the initials of their syllables (yb for 医保)."""
    hits: list[Hit] = []
    for word in view.words:
        typed = view.text[word.start : word.end]
        if 2 <= len(typed) <= 4 and not _VOWELS & set(typed):
            for term in index.by_initials.get(typed, ()):
                hits.append(Hit(term.category, term, word.start, word.end, term.weight * INITIALS))
    return hits


def _example_hits(index: TermIndex, view: TextView) -> list[Hit]:
    return _nearest(
        view,
        index.example_texts,
        index.example_categories,
        "example",
        cutoff=EXAMPLE_CUTOFF,
        limit=None,
        weight=EXAMPLE,
    )


def _learned_hits(learned: ExampleBank | None, view: TextView) -> list[Hit]:
    """Weigh the nearest complaints that coordinators placed (bounded by the bank's size)."""
    if not learned:
        return []
    return _nearest(
        view,
        learned.texts,
        learned.categories,
        "learned",
        cutoff=LEARNED_CUTOFF,
        limit=LEARNED_NEAREST,
        weight=LEARNED,
    )


def _nearest(
    view: TextView,
    texts: Sequence[str],
    categories: Sequence[str],
    source: str,
    *,
    cutoff: float,
    limit: int | None,
    weight: float,
) -> list[Hit]:
    """Score whole texts like this one, each hit weighted by how alike they are."""
    if not texts or not view.text:
        return []
    found = process.extract(view.text, texts, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit)
    return [Hit(categories[i], source, -1, -1, weight * score / 100) for _, score, i in found]


def _combine(hits: list[Hit]) -> dict[str, float]:
    """Join a category's hits as independent evidence (noisy-or), each term and place once."""
    kept: dict[str, list[Hit]] = {}
    for hit in sorted(hits, key=lambda h: -h.weight):
        same = kept.setdefault(hit.category, [])
        if any(k.key == hit.key or _overlap(k, hit) for k in same):
            continue
        same.append(hit)
    scores: dict[str, float] = {}
    for category, evidence in kept.items():
        missing = 1.0
        for hit in evidence:
            missing *= 1.0 - hit.weight
        scores[category] = 1.0 - missing
    return scores


def _overlap(a: Hit, b: Hit) -> bool:
    return a.start >= 0 and b.start >= 0 and a.start < b.end and b.start < a.end
