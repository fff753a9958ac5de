"""Name the street office (街道) a text points to, for the router and the street step alike."""

from __future__ import annotations

from typing import Literal, NamedTuple

from rapidfuzz.distance import Levenshtein

from backend.routing.pinyin import HAN, char_syllable, word_syllables
from backend.routing.streets import PlaceFinder, community_names, street_names
from backend.routing.text import TextView
from backend.taxonomy.models import Taxonomy

# How the place was named: a street office (by name, alias or pinyin) or a community (社区).
PlaceEvidence = Literal["text", "community"]

# Words that follow a place name without changing it (丁字沽街, 前园社区, xigu jiedao),
# longest first so 街道 is cut before 街.
_SUFFIXES = (
    "街道办事处",
    "社区居委会",
    "街道办",
    "居委会",
    "街道",
    "社区",
    "街",
    "jiedao",
    "shequ",
    "jie",
)
# A text read as a place name alone may be this many letters longer than the longest name:
# a complaint is never mistaken for a name with a slip in it.
_ALONE_SLACK = 4


class _Reading(NamedTuple):
    letters: str  # toneless pinyin without spaces: xigu, qianyuan
    code: str
    evidence: PlaceEvidence


class Places:
    """The district's streets and communities, found in a complaint or in a typed answer."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        streets, communities = street_names(taxonomy), community_names(taxonomy)
        self._streets = PlaceFinder(streets)
        self._communities = PlaceFinder(communities)
        self.chinese_words = self._streets.chinese_words | self._communities.chinese_words
        sources: tuple[tuple[list[tuple[str, str]], PlaceEvidence], ...] = (
            (streets, "text"),
            (communities, "community"),
        )
        # A name is read in context (as written) and character by character (as a typed
        # answer is read: one table look-up a character, no word segmentation).
        self._readings = list(
            dict.fromkeys(
                _Reading(letters, code, evidence)
                for names, evidence in sources
                for code, name in names
                for in_context in (True, False)
                if (letters := _letters(_bare(name.lower()), in_context))
            )
        )
        self._longest = max((len(r.letters) for r in self._readings), default=0)

    def find(self, view: TextView) -> tuple[str, PlaceEvidence] | None:
        """Return the street code of the first place named in the text, and how it was named.

        A street's name, alias or typed pinyin is found as a whole word anywhere; then a
        community's. A text that is nothing but a place name (the answer to "where did it
        happen?") may also name it with a slip: a homophone (丁子沽), a pinyin typo
        (xiyuzhaung), or a suffix (前园社区, 丁字沽街): the nearest reading wins, one letter
        off for names of 5 letters or more, two for 9 or more; a tie between streets is none.
        """
        found = self._streets.find(view)
        if found:
            return found, "text"
        found = self._communities.find(view)
        if found:
            return found, "community"
        return self._alone(view.text)

    def _alone(self, text: str) -> tuple[str, PlaceEvidence] | None:
        bare = _bare(text.replace(" ", ""))
        # A character reads as one letter at least: a long text is no name, and is not read.
        if len(bare) > self._longest + _ALONE_SLACK:
            return None
        letters = _letters(bare, in_context=False)
        if not letters or len(letters) > self._longest + _ALONE_SLACK:
            return None
        best: list[tuple[int, str, PlaceEvidence]] = []
        for reading in self._readings:
            allowed = 0 if len(reading.letters) < 5 else 1 if len(reading.letters) < 9 else 2
            distance = Levenshtein.distance(letters, reading.letters, score_cutoff=allowed)
            if distance <= allowed:
                best.append((distance, reading.code, reading.evidence))
        if not best:
            return None
        nearest = min(distance for distance, _, _ in best)
        codes = {(code, evidence) for distance, code, evidence in best if distance == nearest}
        if len({code for code, _ in codes}) != 1:
            return None
        return min(codes, key=lambda pair: pair[1] != "text")


def _bare(name: str) -> str:
    """Return a place name without the words that may follow it (丁字沽街道 -> 丁字沽)."""
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return _bare(name[: -len(suffix)])
    return name


def _letters(name: str, in_context: bool) -> str | None:
    """Return a name's toneless pinyin as one string, or None if it is not all Han or letters.

    `in_context`: each character read within the word (pypinyin's phrases), else alone.
    """
    if all(HAN.match(ch) for ch in name):
        if in_context:
            return "".join(word_syllables(name))
        return "".join(char_syllable(ch) for ch in name)
    if name.isascii() and name.isalpha():
        return name
    return None
