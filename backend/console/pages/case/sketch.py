"""A small map sketch drawn by the page itself: the street centres and the shared location.

No tiles from other sites: the points are placed on an SVG by their coordinates (an
equirectangular projection, fine over a district), each street centre a dot with its name.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from backend.taxonomy.models import Taxonomy

WIDTH, HEIGHT, MARGIN = 320, 200, 24


@dataclass(frozen=True)
class Dot:
    """A point on the sketch, in SVG units."""

    x: float
    y: float
    name: str


@dataclass(frozen=True)
class Sketch:
    """The street centres and the location, ready for the template."""

    streets: list[Dot]
    location: Dot
    width: int = WIDTH
    height: int = HEIGHT


def sketch(taxonomy: Taxonomy, latitude: float, longitude: float, language: str) -> Sketch | None:
    """Return the sketch of a location among the district's street centres (None: no centres)."""
    centres = [
        (s.centre.lat, s.centre.lon, s.en if language == "en" and s.en else s.zh)
        for s in taxonomy.streets
        if s.centre is not None
    ]
    if not centres:
        return None
    points = [*centres, (latitude, longitude, "")]
    south, north = min(p[0] for p in points), max(p[0] for p in points)
    west, east = min(p[1] for p in points), max(p[1] for p in points)
    squeeze = math.cos(math.radians((south + north) / 2))  # a degree of longitude is shorter
    span = max(
        (east - west) * squeeze / (WIDTH - 2 * MARGIN),
        (north - south) / (HEIGHT - 2 * MARGIN),
        1e-9,
    )

    def place(lat: float, lon: float, name: str) -> Dot:
        x = MARGIN + (lon - west) * squeeze / span
        y = HEIGHT - MARGIN - (lat - south) / span
        return Dot(round(x, 1), round(y, 1), name)

    return Sketch(
        streets=[place(lat, lon, name) for lat, lon, name in centres],
        location=place(latitude, longitude, ""),
    )
