"""Find the street office (街道) a complaint names: Chinese name, alias or typed pinyin."""

from __future__ import annotations

from collections import defaultdict
from typing import NamedTuple

from backend.routing.normalize import normalize
from backend.routing.pinyin import split_pinyin, word_syllables
from backend.routing.text import TextView, units_of
from backend.taxonomy.models import Taxonomy


class StreetName(NamedTuple):
    """One way of writing a street: as characters (西沽) or as pinyin syllables (xi gu)."""

    code: str
    units: tuple[str, ...]
    pinyin: bool


class StreetFinder:
    """Recognise street names as whole words, never inside other words (三条石头)."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        names: set[StreetName] = set()
        for street in taxonomy.streets:
            for written in (street.zh, *street.aliases):
                units = units_of(normalize(written))
                if units and all(unit.han for unit in units):
                    names.add(StreetName(street.code, tuple(u.surface for u in units), False))
                    reading = word_syllables("".join(u.surface for u in units))
                    names.add(StreetName(street.code, reading, True))
                elif units:
                    typed = split_pinyin("".join(u.surface for u in units))
                    if typed:
                        names.add(StreetName(street.code, typed, True))
        self.chinese_words = {"".join(n.units) for n in names if not n.pinyin}
        self._by_first: defaultdict[str, list[StreetName]] = defaultdict(list)
        # Longest first, so 西于庄街道 is preferred over 西于庄 at the same place.
        for name in sorted(names, key=lambda n: -len(n.units)):
            self._by_first[name.units[0]].append(name)

    def find(self, view: TextView) -> str | None:
        """Return the code of the first street named in the text, if any."""
        for i, unit in enumerate(view.units):
            for name in self._by_first.get(unit.surface, ()):
                if self._named_at(view, name, i):
                    return name.code
        return None

    @staticmethod
    def _named_at(view: TextView, name: StreetName, first: int) -> bool:
        end = first + len(name.units)
        units = view.units[first:end]
        if name.pinyin:
            # Only pinyin the reporter typed counts, as whole words: xigu, not xigua.
            return (
                view.syllables[first:end] == name.units
                and not any(unit.han for unit in units)
                and units[0].word_start
                and units[-1].word_end
            )
        return view.surfaces[first:end] == name.units and not view.straddles(
            units[0].start, units[-1].end
        )
