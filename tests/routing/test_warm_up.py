"""A router may be built cold (jieba loaded later) and then routes exactly as a warm one."""

from __future__ import annotations

import threading

from backend.routing.router import Router
from backend.routing.text import is_word, teach_jieba
from backend.taxonomy.models import Taxonomy

ARREARS = "区里的项目做完了，工程款一直拖欠不付，已经拖了半年"


def test_a_cold_router_routes_as_a_warm_one(taxonomy: Taxonomy) -> None:
    cold = Router(taxonomy, warm=False)
    warm = Router(taxonomy)

    assert cold.route(ARREARS).as_dict() == warm.route(ARREARS).as_dict()


def test_a_word_taught_for_later_is_known_at_the_first_use() -> None:
    teach_jieba(["红桥测词甲乙"], now=False)

    assert is_word("红桥测词甲乙")


def test_a_warm_up_in_a_thread_and_a_route_meanwhile_agree(taxonomy: Taxonomy) -> None:
    teach_jieba(["红桥测词丙丁"], now=False)
    router = Router(taxonomy, warm=False)
    warming = threading.Thread(target=router.warm_up)
    warming.start()
    routed = router.route(ARREARS)
    warming.join()

    assert routed.category == Router(taxonomy).route(ARREARS).category
    assert is_word("红桥测词丙丁")
