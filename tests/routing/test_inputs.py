"""Text as citizens type it: pinyin, slips, English, full-width, traditional, noise."""

from __future__ import annotations

import pytest

from backend.routing.router import Router


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yibao duanjiao", "medical_insurance"),
        ("yi bao", "medical_insurance"),
        ("Yī bǎo duàn jiǎo", "medical_insurance"),
        ("dibao shenqing bei ju", "poverty_relief"),
        ("tingchewei bei zhan le", "parking"),
    ],
)
def test_pinyin_input_routes_like_the_chinese_words(
    router: Router, text: str, expected: str
) -> None:
    assert router.route(text).category == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("医宝断缴以后社区不给续", "medical_insurance"),
        ("医宝", "medical_insurance"),
        ("低饱申请被拒", "poverty_relief"),
        ("物叶费太贵了", "property"),
    ],
)
def test_homophone_slip_routes_like_the_word_meant(
    router: Router, text: str, expected: str
) -> None:
    assert router.route(text).category == expected


def test_real_word_that_sounds_like_a_keyword_is_not_taken_for_it(router: Router) -> None:
    # 事业 (career) sounds like 失业 (unemployed) but is a word of its own.
    assert router.route("他的事业很成功").category == "other"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my fine was too high", "enforcement"),
        ("the procurement result was never published", "procurement"),
        ("the procurment was rigged", "procurement"),
        ("my disability allowance stopped last month", "disability"),
        ("nobody fixes the streetlights on our road", "transport"),
        ("The Court Ruling Has Been Ignored For A Year", "court_order"),
    ],
)
def test_english_input_routes_by_english_keywords(
    router: Router, text: str, expected: str
) -> None:
    assert router.route(text).category == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ＰＰＰ項目的運營補貼遲遲不到位！", "ppp"),
        ("醫保斷繳以後社區不給辦理續保", "medical_insurance"),
        ("政府采购项目的成交结果至今没有公告！！！", "procurement"),
        ("医\u200b保断\u200d缴了", "medical_insurance"),
        ("【投诉】停车位被人私自加地锁……", "parking"),
    ],
)
def test_full_width_traditional_and_invisible_characters_route_right(
    router: Router, text: str, expected: str
) -> None:
    assert router.route(text).category == expected


@pytest.mark.parametrize(
    "text",
    ["请问怎么注册账号", "hello", "", "   \n\t ", "😀🙏👍🏻", "\u200b\u200b", "123456", "？？？"],
)
def test_text_without_signal_goes_to_triage_unconfidently(router: Router, text: str) -> None:
    result = router.route(text)
    actual = (result.category, result.department, result.confident, result.confidence)
    assert actual == ("other", "fgw", False, 0.0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yb duanjiao le", "medical_insurance"),
        ("db bei quxiao", "poverty_relief"),
        ("wyf tai gui", "property"),
    ],
)
def test_pinyin_initials_route_like_the_words_they_stand_for(
    router: Router, text: str, expected: str
) -> None:
    assert router.route(text).category == expected


def test_initials_never_make_a_route_confident_on_their_own(router: Router) -> None:
    result = router.route("yb")
    assert (result.category, result.confident) == ("medical_insurance", False)


def test_letters_with_vowels_are_words_not_initials(router: Router) -> None:
    assert router.route("yab").candidates == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("中了标又被取消了", "bidding"),
        ("区里借的钱到期不还", "debt"),
    ],
)
def test_two_character_word_split_by_a_particle_still_counts(
    router: Router, text: str, expected: str
) -> None:
    assert router.route(text).category == expected


def test_traditional_street_name_is_found(router: Router) -> None:
    result = router.route("鈴鐺閣街道的低保被取消了")
    assert (result.category, result.street, result.street_evidence) == (
        "poverty_relief",
        "ldg",
        "text",
    )


def test_not_received_is_no_confiscation(router: Router) -> None:
    # 没收到 (not received) holds 没收 (confiscate) without its meaning.
    assert router.route("烈士家属的慰问金没收到").category == "military_support"
