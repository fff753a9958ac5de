"""A slip that reads the same in pinyin as a configured term weighs nearly as much as the term."""

from __future__ import annotations

from backend.routing.router import Router

WRITTEN = "政府采购的项目不公开，谁也不知道"
SLIPPED = "政府菜购的项目不公开，谁也不知道"  # 菜购 reads cai gou, as 采购 does (issue 12)


def score_of(router: Router, text: str, category: str) -> float:
    return next(c.score for c in router.route(text).candidates if c.category == category)


def test_long_homophone_slip_routes_like_the_term_it_stands_for(router: Router) -> None:
    assert (router.route(SLIPPED).category, router.route(WRITTEN).category) == (
        "procurement",
        "procurement",
    )


def test_long_homophone_slip_scores_close_to_the_term(router: Router) -> None:
    written = score_of(router, WRITTEN, "procurement")
    slipped = score_of(router, SLIPPED, "procurement")
    assert written - slipped <= 0.05
