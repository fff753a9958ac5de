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
            "streets": [{"code": "north", "zh": "北街街道", "aliases": ["北街", "beijie"]}],
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
