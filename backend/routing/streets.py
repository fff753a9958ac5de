"""Find the street office (街道) a complaint is about: by name, by community, by location."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from backend.routing.normalize import normalize
from backend.routing.pinyin import split_pinyin, word_syllables
from backend.routing.text import TextView, units_of
from backend.taxonomy.models import Taxonomy

_EARTH_RADIUS_KM = 6371.0088


class PlaceName(NamedTuple):
    """One way of writing a place: as characters (西沽) or as pinyin syllables (xi gu)."""

    code: str  # the street the place belongs to
    units: tuple[str, ...]
    pinyin: bool


class PlaceFinder:
    """Recognise place names as whole words, never inside other words (三条石头)."""

    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        found: set[PlaceName] = set()
        for code, written in names:
            found |= _spellings(code, written)
        self.chinese_words = {"".join(n.units) for n in found if not n.pinyin}
        self._by_first: defaultdict[str, list[PlaceName]] = defaultdict(list)
        # Longest first, so 西于庄街道 is preferred over 西于庄 at the same place.
        for name in sorted(found, key=lambda n: (-len(n.units), n)):
            self._by_first[name.units[0]].append(name)

    def find(self, view: TextView) -> str | None:
        """Return the street code of the first place named in the text, if any."""
        for i, unit in enumerate(view.units):
            for name in self._by_first.get(unit.surface, ()):
                if _named_at(view, name, i):
                    return name.code
        return None


def street_names(taxonomy: Taxonomy) -> list[tuple[str, str]]:
    """Return (street code, name) for every street's own names (zh, en) and aliases.

    The English name counts with and without its last word "Street" (Xianyang North Road).
    """
    names: list[tuple[str, str]] = []
    for street in taxonomy.streets:
        english = [street.en, street.en.removesuffix(" Street")] if street.en else []
        names += [
            (street.code, name) for name in dict.fromkeys((street.zh, *street.aliases, *english))
        ]
    return names


def community_names(taxonomy: Taxonomy) -> list[tuple[str, str]]:
    """Return (street code, community name) for every configured community (社区)."""
    return [(s.code, name) for s in taxonomy.streets for name in s.communities]


class StreetLocator:
    """Map a shared location to the street office whose centre is nearest, within reach."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        default = taxonomy.routing.location_radius_km
        self._centres = [
            (street.code, street.centre.lat, street.centre.lon, street.radius_km or default)
            for street in taxonomy.streets
            if street.centre is not None
        ]

    def street_at(self, lat: float, lon: float) -> str | None:
        """Return the nearest street whose reach covers the point, or None."""
        if not (_finite(lat) and _finite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
            return None
        best: tuple[float, str] | None = None
        for code, centre_lat, centre_lon, reach in self._centres:
            distance = distance_km(lat, lon, centre_lat, centre_lon)
            if distance <= reach and (best is None or distance < best[0]):
                best = (distance, code)
        return best[1] if best else None


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance between two points in kilometres (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    half_dphi = (phi2 - phi1) / 2
    half_dlambda = math.radians(lon2 - lon1) / 2
    h = math.sin(half_dphi) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(half_dlambda) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _finite(value: float) -> bool:
    return isinstance(value, int | float) and math.isfinite(value)


def _spellings(code: str, written: str) -> set[PlaceName]:
    units = units_of(normalize(written))
    if units and all(unit.han for unit in units):
        surfaces = tuple(u.surface for u in units)
        return {
            PlaceName(code, surfaces, False),
            PlaceName(code, word_syllables("".join(surfaces)), True),
        }
    typed = split_pinyin("".join(u.surface for u in units)) if units else None
    if typed:
        return {PlaceName(code, typed, True)}
    # Words that are not all pinyin (Xianyang North Road): matched word by word as typed.
    return {PlaceName(code, tuple(u.syllable for u in units), True)} if units else set()


def _named_at(view: TextView, name: PlaceName, first: int) -> bool:
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
