"""The learned model beside the keywords (issue 12): trained the same way every time, used by
the router, reading slips as their terms and n-grams that do not cut into words."""

from __future__ import annotations

import numpy as np
import pytest

from backend.routing import model
from backend.routing.examples import Example
from backend.routing.model import features
from backend.routing.router import MIN_LABELLED, Router
from backend.routing.text import view_of
from backend.routing.training import shipped_examples, training_examples
from backend.taxonomy.models import Taxonomy


def grams(text: str) -> list[str]:
    view = view_of(text)  # not respelled: the n-grams as written
    return features(view.units, view.words, view.straddles)


def test_the_model_is_fitted_to_the_same_weights_every_time(
    taxonomy: Taxonomy, router: Router
) -> None:
    texts = training_examples(taxonomy, shipped_examples(taxonomy))
    first = model.train(texts, router.ngrams, reuse=False)
    second = model.train(texts, router.ngrams, reuse=False)

    assert first.vocabulary == second.vocabulary
    assert first.categories == second.categories
    assert np.array_equal(first.weights, second.weights)
    assert np.array_equal(first.intercept, second.intercept)


def test_routers_of_one_configuration_share_one_fitted_model(taxonomy: Taxonomy) -> None:
    assert Router(taxonomy).model is Router(taxonomy, warm=False).model


def test_the_district_learns_from_its_shipped_labelled_complaints(
    taxonomy: Taxonomy, router: Router
) -> None:
    assert len(shipped_examples(taxonomy)) >= MIN_LABELLED
    assert router.model is not None
    assert set(router.model.categories) == {c.id for c in taxonomy.categories}


def test_too_few_labelled_complaints_leave_the_keywords_alone(taxonomy: Taxonomy) -> None:
    few = [Example("工程款一直拖欠不付", "arrears")] * (MIN_LABELLED - 1)
    assert Router(taxonomy, labelled=few).model is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("咱这片儿晚上黑咕隆咚的，灯都不亮", "transport"),
        ("楼道里堆满了纸箱子，万一着起来可咋办", "fire_safety"),
        ("the guy at the window asked me for cash to speed things up", "civil_servant"),
    ],
)
def test_words_no_keyword_holds_are_routed_by_the_learned_model(
    taxonomy: Taxonomy, router: Router, text: str, expected: str
) -> None:
    keywords_alone = Router(taxonomy, labelled=[])
    assert (keywords_alone.route(text).category, router.route(text).category) != (
        expected,
        expected,
    )
    assert router.route(text).category == expected


def test_probabilities_sum_to_one_and_unknown_words_say_nothing(router: Router) -> None:
    assert router.model is not None
    known = router.model.probabilities_of(grams("物业费太贵了"))
    assert abs(sum(known.values()) - 1.0) < 1e-9
    assert max(known, key=known.__getitem__) == "property"
    assert router.model.probabilities_of(grams("zzzz qqqq")) == {}


def test_two_characters_that_cut_into_words_are_not_read_together() -> None:
    read = grams("大学校园里很乱")  # 学校 (school) across 大学 and 校园
    assert ("大学" in read, "校园" in read, "学校" in read) == (True, True, False)


def test_a_homophone_slip_reaches_the_model_written_as_its_term(router: Router) -> None:
    assert router.model is not None
    written = "政府采购的项目不公开，谁也不知道"
    slipped = "政府菜购的项目不公开，谁也不知道"  # 菜购 reads cai gou, as 采购 does
    scores = [
        {c.category: c.score for c in router.route(text).candidates}["procurement"]
        for text in (written, slipped)
    ]
    assert router.route(slipped).category == "procurement"
    assert scores[0] - scores[1] <= 0.05


def test_a_route_is_certain_only_when_the_keywords_agree(router: Router) -> None:
    # One everyday word: the model is sure of arrears, the keywords alone are not.
    result = router.route("欠款")
    assert (result.category, result.confident) == ("arrears", False)


ENGLISH = [
    ("The office bought laptops from a company that failed the specification", "procurement"),
    ("The district stopped paying the subsidy agreed in our public-private partnership", "ppp"),
    ("The tender conditions were written so only one local firm could win", "bidding"),
    ("They promised free rent for three years if we moved our factory here", "investment"),
    (
        "We finished the renovation for the district office a year ago and are still unpaid",
        "arrears",
    ),
    ("The district platform company defaulted on the bonds it issued", "debt"),
    ("The bureau lost the lawsuit but refuses to carry out the court judgment", "court_order"),
    ("City inspectors fined my stall without showing any ID", "enforcement"),
    ("I went to the service hall five times and each time they wanted other papers", "approval"),
    ("I asked for the district budget under the disclosure rules and got no answer", "openness"),
    ("The official said he would approve it faster if I gave him a red envelope", "civil_servant"),
    ("The job centre never told me about the vacancies for unemployed people", "employment"),
    (
        "The lift in our building has been broken for a month and the management ignores it",
        "property",
    ),
    ("My son was refused a place at the primary school in our catchment area", "schooling"),
    ("The one-child parents' allowance has not been paid since I retired", "family_planning"),
    ("My elderly mother cannot get a place at the day care centre for seniors", "elderly_care"),
    ("My disabled son's wheelchair allowance was stopped", "disability"),
    (
        "Our family's subsistence allowance was cancelled though we have no income",
        "poverty_relief",
    ),
    ("The hospital bill was never reimbursed by my medical insurance", "medical_insurance"),
    ("We were resettled after the demolition but the new flat was never handed over", "housing"),
    ("The pavement on our road is full of potholes and nobody repairs it", "transport"),
    ("Someone put a lock on the parking space and nobody can park there", "parking"),
    ("People charge e-bikes in the stairwell, it is a fire hazard", "fire_safety"),
    ("As a veteran's family we never received the support payment", "military_support"),
    ("They closed the only grocery market and breakfast stalls near our homes", "convenience"),
    ("The street office never publishes how it spends the community funds", "street_openness"),
]


def test_english_examples_cover_every_category_but_triage(taxonomy: Taxonomy) -> None:
    categories = {c.id for c in taxonomy.categories} - {taxonomy.triage_category}
    assert {category for _, category in ENGLISH} == categories


@pytest.mark.parametrize(("text", "expected"), ENGLISH)
def test_an_english_complaint_of_each_kind_routes_to_its_category(
    router: Router, text: str, expected: str
) -> None:
    assert router.route(text).category == expected


@pytest.mark.parametrize("text", ["确认提交", "案件编号", "暂无数据", "工作日历"])
def test_a_short_text_without_keywords_needs_a_sure_model_to_be_routed(
    router: Router, text: str
) -> None:
    result = router.route(text)
    assert (result.category, result.confident, result.automatic) == ("other", False, False)
