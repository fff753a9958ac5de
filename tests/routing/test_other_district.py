"""Routing is data: another district's file, with examples and its own thresholds."""

from __future__ import annotations

from typing import Any

from backend.routing.router import Router
from backend.taxonomy.models import Taxonomy


def district(**routing: Any) -> Taxonomy:
    return Taxonomy.model_validate(
        {
            "district": {"code": "demo", "zh": "示范区", "en": "Demo District"},
            "lead_office": "office",
            "routing": routing,
            "departments": [
                {"code": "office", "zh": "办公室", "en": "Office"},
                {"code": "env", "zh": "环保局", "en": "Environment Bureau"},
            ],
            "streets": [
                {
                    "code": "north",
                    "zh": "北街街道",
                    "aliases": ["北街", "beijie"],
                    "communities": ["柳树湾"],
                    "centre": {"lat": 30.0, "lon": 120.0},
                    "radius_km": 1.0,
                },
                {"code": "south", "zh": "南街街道", "centre": {"lat": 29.9, "lon": 120.0}},
            ],
            "categories": [
                {
                    "id": "noise",
                    "zh": "噪声扰民",
                    "en": "Noise",
                    "owner": "env",
                    "keywords": ["噪音", "扰民"],
                    "examples": ["楼下广场舞每天晚上十点还在放音乐"],
                },
                {
                    "id": "roads",
                    "zh": "道路",
                    "en": "Roads",
                    "owner": "street",
                    "keywords": ["路灯"],
                },
                {"id": "other", "zh": "其他", "en": "Other", "owner": "office"},
            ],
        }
    )


def test_text_close_to_an_example_routes_to_its_category_without_any_keyword() -> None:
    result = Router(district()).route("楼下的广场舞每天晚上还在放音乐")
    assert (result.category, result.department) == ("noise", "env")


def test_triage_category_and_lead_office_come_from_the_file() -> None:
    result = Router(district()).route("其他事情")
    assert (result.category, result.department, result.confident) == ("other", "office", False)


def test_street_and_street_level_owner_come_from_the_file() -> None:
    result = Router(district()).route("beijie de ludeng huaile")
    assert (result.category, result.department, result.street) == ("roads", "north", "north")


def test_confidence_thresholds_come_from_the_file() -> None:
    text = "噪音扰民，天天半夜施工"
    lenient = Router(district(confident_score=0.5, confident_margin=0.1)).route(text)
    strict = Router(district(confident_score=1.0)).route(text)
    assert (lenient.confident, strict.confident) == (True, False)


def test_number_of_candidates_comes_from_the_file() -> None:
    result = Router(district(candidates=1)).route("噪音太大，路灯也坏了")
    assert len(result.candidates) == 1


def test_communities_come_from_the_file() -> None:
    result = Router(district()).route("柳树湾的路灯坏了")
    assert (result.department, result.street_evidence) == ("north", "community")


def test_street_centres_and_reach_come_from_the_file() -> None:
    router = Router(district(location_radius_km=5.0))
    near_north = (30.0, 120.005)  # 0.5 km from north, within its own 1 km
    beyond_north = (30.02, 120.0)  # 2.2 km from north, 13 km from south: nobody's
    near_south = (29.93, 120.0)  # 3.3 km from south, within the file's 5 km
    actual = [router.street_at(*point) for point in (near_north, beyond_north, near_south)]
    assert actual == ["north", None, "south"]
