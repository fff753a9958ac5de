"""The shape of a route: ranked candidates, scores, confidence and the JSON form."""

from __future__ import annotations

import json

import pytest

from backend.routing.router import Router
from backend.taxonomy.models import Taxonomy

MIXED = "学校采购的桌椅货款拖欠一年，物业和停车场也不管，医保也断缴了"


def test_candidates_are_ranked_bounded_and_scored_within_0_and_1(
    router: Router, taxonomy: Taxonomy
) -> None:
    result = router.route(MIXED)
    scores = [candidate.score for candidate in result.candidates]
    assert len(result.candidates) == taxonomy.routing.candidates
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 <= score <= 1.0 for score in scores)
    assert (result.candidates[0].category, result.candidates[0].score) == (
        result.category,
        result.confidence,
    )


def test_candidate_department_follows_owner_or_known_street(router: Router) -> None:
    result = router.route("西于庄街道的物业费乱收，欠款也不还", street_hint=None)
    departments = {c.category: c.department for c in result.candidates}
    assert (departments["property"], departments["arrears"]) == ("xyz", "czj")


def test_department_owned_category_goes_to_its_owner(router: Router) -> None:
    result = router.route("工程款一直拖欠不付")
    actual = (result.category, result.department, result.street_needed)
    assert actual == ("arrears", "czj", False)


def test_strong_single_topic_complaint_is_confident(router: Router) -> None:
    result = router.route("法院判决已经生效，区里的部门拒不履行")
    assert (result.category, result.confident) == ("court_order", True)


def test_tie_between_categories_is_not_confident(router: Router) -> None:
    result = router.route("学校采购")
    assert result.confident is False


def test_one_short_word_is_routed_but_not_confident(router: Router) -> None:
    result = router.route("欠款")
    assert (result.category, result.confident) == ("arrears", False)


def test_as_dict_is_json_ready_with_scores_rounded_to_3_decimals(router: Router) -> None:
    data = router.route("yibao duanjiao", street_hint="hy").as_dict()
    assert list(data) == [
        "category",
        "department",
        "street",
        "street_evidence",
        "street_needed",
        "confidence",
        "confident",
        "candidates",
        "unit_certain",
        "category_confirmed",
    ]
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    scores = [data["confidence"]] + [c["score"] for c in data["candidates"]]
    assert all(score == round(score, 3) for score in scores)
    assert data["candidates"][0] == {
        "category": "medical_insurance",
        "score": data["confidence"],
        "department": "hy",
    }


def test_match_cutting_into_other_words_alone_goes_to_triage(taxonomy: Taxonomy) -> None:
    keywords_only = Router(taxonomy, labelled=[])  # the matcher's rule, without the model
    result = keywords_only.route("大学校园里很乱")  # 学校 (school) read across 大学 and 校园
    actual = (result.category, result.confident, [c.category for c in result.candidates])
    assert actual == ("other", False, ["schooling"])


@pytest.mark.parametrize("text", ["", "hello"])
def test_no_signal_has_no_candidates(router: Router, text: str) -> None:
    assert router.route(text).candidates == ()
