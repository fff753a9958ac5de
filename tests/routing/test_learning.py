"""Corrected complaints as evidence: nearest past texts, bounded, newest kept."""

from __future__ import annotations

from typing import Any

from backend.routing.examples import Example
from backend.routing.router import Router
from backend.taxonomy.models import Taxonomy

CORRECTED = "小区东门外那片空地被人围起来养鸽子"
RETOLD = "小区东门外的空地被人围起来养鸽子了"


def with_routing(taxonomy: Taxonomy, **routing: Any) -> Taxonomy:
    return taxonomy.model_copy(update={"routing": taxonomy.routing.model_copy(update=routing)})


def test_text_without_keywords_goes_where_a_coordinator_put_a_similar_one(
    taxonomy: Taxonomy,
) -> None:
    router = Router(taxonomy)
    before = router.route(RETOLD).category
    router.learn([Example(CORRECTED, "property")])
    assert (before, router.route(RETOLD).category) == ("other", "property")


def test_router_can_start_with_the_corrections_it_should_know(taxonomy: Taxonomy) -> None:
    router = Router(taxonomy, examples=[Example(CORRECTED, "property")])
    assert (router.learned, router.route(RETOLD).category) == (1, "property")


def test_unrelated_text_is_not_pulled_by_corrections(taxonomy: Taxonomy) -> None:
    router = Router(taxonomy, examples=[Example(CORRECTED, "property")])
    unrelated = "请问怎么注册账号"
    assert router.route(unrelated) == Router(taxonomy).route(unrelated)
    assert router.route(unrelated).category == "other"


def test_only_the_newest_corrections_are_kept(taxonomy: Taxonomy) -> None:
    router = Router(with_routing(taxonomy, learned_examples=2))
    router.learn([Example(CORRECTED, "property")])
    router.learn([Example("第二件事情的文字", "parking"), Example("第三件事情的文字", "housing")])
    assert (router.learned, router.route(RETOLD).category) == (2, "other")


def test_a_later_correction_of_the_same_text_wins(taxonomy: Taxonomy) -> None:
    router = Router(taxonomy)
    router.learn([Example(CORRECTED, "property"), Example(CORRECTED + "！", "convenience")])
    assert (router.learned, router.route(RETOLD).category) == (1, "convenience")


def test_corrections_to_unknown_categories_are_ignored(taxonomy: Taxonomy) -> None:
    router = Router(taxonomy, examples=[Example(CORRECTED, "retired"), Example("   ", "parking")])
    assert router.learned == 0


def test_learning_can_be_turned_off_in_the_file(taxonomy: Taxonomy) -> None:
    router = Router(with_routing(taxonomy, learned_examples=0))
    router.learn([Example(CORRECTED, "property")])
    assert (router.learned, router.route(RETOLD).category) == (0, "other")


def test_clone_learns_on_its_own(taxonomy: Taxonomy) -> None:
    router = Router(taxonomy, examples=[Example(CORRECTED, "property")])
    clone = router.clone()
    clone.learn([Example("后院那棵老槐树被人砍了一半", "convenience")])
    router.learn([Example("河边的长椅被人拆走了好几张", "transport")])
    assert (router.learned, clone.learned) == (2, 2)
    assert clone.route("河边的长椅被人拆走了好几张").category == "other"
    assert router.route("后院那棵老槐树被人砍了一半").category == "other"


def test_a_correction_of_the_same_text_outweighs_the_learned_model(taxonomy: Taxonomy) -> None:
    text = "区里的项目做完了，工程款一直拖欠不付，已经拖了半年"  # arrears by its words
    router = Router(taxonomy, examples=[Example(text, "court_order")])
    assert (Router(taxonomy).route(text).category, router.route(text).category) == (
        "arrears",
        "court_order",
    )
