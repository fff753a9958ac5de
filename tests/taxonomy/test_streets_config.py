"""Street places in the configuration: communities (社区) and centre points, checked at load."""

from __future__ import annotations

from pathlib import Path

from backend.taxonomy.models import Taxonomy
from tests.taxonomy.test_loader import refusal, write


def test_every_street_of_the_default_file_has_a_centre_in_the_district(
    taxonomy: Taxonomy,
) -> None:
    centres = {s.code: s.centre for s in taxonomy.streets}
    assert None not in centres.values()
    inside = {  # Hongqiao lies within about 39.13-39.20 N, 117.10-117.19 E
        code: 39.13 <= c.lat <= 39.20 and 117.10 <= c.lon <= 117.19
        for code, c in centres.items()
        if c is not None
    }
    assert inside == dict.fromkeys(centres, True)


def test_community_listed_under_two_streets_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, lambda d: d["streets"][0].update(communities=["前园"]))
    assert "entry 'sgz': community '前园' also names street 'xyz'" in refusal(path)


def test_community_named_like_another_street_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, lambda d: d["streets"][0].update(communities=["西沽"]))
    assert "entry 'xyz': community '西沽' also names street 'xg'" in refusal(path)


def test_blank_community_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, lambda d: d["streets"][0].update(communities=["  "]))
    assert "entry 'xyz': blank community name" in refusal(path)


def test_centre_off_the_globe_is_refused_naming_the_street(tmp_path: Path) -> None:
    path = write(tmp_path, lambda d: d["streets"][1].update(centre={"lat": 139.1, "lon": 117.1}))
    assert "entry 'shc' (streets #2): streets.1.centre.lat" in refusal(path)


def test_non_positive_radius_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, lambda d: d["streets"][1].update(radius_km=0))
    assert "entry 'shc' (streets #2): streets.1.radius_km" in refusal(path)
