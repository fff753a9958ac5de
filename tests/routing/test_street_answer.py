"""The street step's answer is read by the router's own place finder: what it knows, it finds."""

from __future__ import annotations

import pytest

from backend.routing.router import Router


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("前园社区", "sgz"),  # a community, as issue 12 typed it
        ("前园", "sgz"),
        ("Qianyuan shequ", "sgz"),
        ("西沽", "xg"),  # a common short name
        ("丁字沽街", "dzg"),
        ("dingzigu", "dzg"),  # pinyin
        ("Xigu", "xg"),
        ("dingzi gu", "dzg"),
        ("丁子沽", "dzg"),  # a homophone slip
        ("芥圆", "jy"),
        ("xiyuzhaung", "xyz"),  # a pinyin typo
        ("santiaoshi jiedao", "sts"),
    ],
)
def test_street_step_answer_names_its_street(router: Router, answer: str, expected: str) -> None:
    assert router.find_street(answer) == expected


@pytest.mark.parametrize(
    "answer",
    ["就在我家附近", "xigua", "不知道", "xyz", "西谷的路灯坏了", "三条石头"],
)
def test_street_step_answer_that_names_no_place_finds_none(router: Router, answer: str) -> None:
    assert router.find_street(answer) is None


def test_community_in_a_complaint_is_found_by_the_same_finder(router: Router) -> None:
    result = router.route("前园社区的低保复核拖了很久")
    assert (router.find_street("前园社区的低保复核拖了很久"), result.street) == ("sgz", "sgz")
    assert result.street_evidence == "community"
