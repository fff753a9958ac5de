"""Which street office gets a street-level case: the text, the reporter's pick, or nobody."""

from __future__ import annotations

import pytest

from backend.routing.router import Router

NO_STREET = "医保断缴以后社区不给办理续保"
IN_SHUANGHUANCUN = "双环邨街道的低保复核拖了很久"


def test_street_level_category_without_a_street_has_no_department_and_needs_one(
    router: Router,
) -> None:
    result = router.route(NO_STREET)
    actual = (result.category, result.department, result.street, result.street_evidence)
    assert actual == ("medical_insurance", None, None, None)
    assert result.street_needed is True


def test_street_named_in_the_text_owns_a_street_level_case(router: Router) -> None:
    result = router.route(IN_SHUANGHUANCUN)
    actual = (result.category, result.department, result.street, result.street_evidence)
    assert actual == ("poverty_relief", "shc", "shc", "text")
    assert result.street_needed is False


def test_street_hint_owns_a_street_level_case(router: Router) -> None:
    result = router.route(NO_STREET, street_hint="dzg")
    actual = (result.department, result.street, result.street_evidence, result.street_needed)
    assert actual == ("dzg", "dzg", "hint", False)


def test_street_hint_beats_a_different_street_named_in_the_text(router: Router) -> None:
    result = router.route(IN_SHUANGHUANCUN, street_hint="dzg")
    assert (result.department, result.street, result.street_evidence) == ("dzg", "dzg", "hint")


@pytest.mark.parametrize("hint", ["nowhere", "", "SHC", "shc "])
def test_unknown_street_hint_is_ignored(router: Router, hint: str) -> None:
    without_street = router.route(NO_STREET, street_hint=hint)
    with_street = router.route(IN_SHUANGHUANCUN, street_hint=hint)
    assert (without_street.street, without_street.street_needed) == (None, True)
    assert (with_street.street, with_street.street_evidence) == ("shc", "text")


def test_department_owned_category_keeps_its_owner_when_a_street_is_named(
    router: Router,
) -> None:
    result = router.route("西于庄街道的执法队没收了我的三轮车")
    actual = (result.category, result.department, result.street, result.street_needed)
    assert actual == ("enforcement", "sfj", "xyz", False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("西于庄街道某小区物业不管事", "xyz"),
        ("双环村的低保", "shc"),
        ("我家在咸阳北路附近", "xybl"),
        ("xigu jiedao de ludeng huaile", "xg"),
        ("I live in Dingzigu and the road is broken", "dzg"),
        ("shuanghuancunjiedao", "shc"),
        ("铃铛阁的公租房", "ldg"),
    ],
)
def test_street_is_found_by_name_alias_or_pinyin(router: Router, text: str, expected: str) -> None:
    assert router.find_street(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "三条石头路不好走",  # 三条石 inside 三条/石头
        "xigua tai gui le",  # xigu inside xigua
        "西谷的路灯坏了",  # sounds like 西沽, but only typed pinyin counts as a spelling
        "路灯坏了",
        "",
    ],
)
def test_street_is_not_found_inside_other_words(router: Router, text: str) -> None:
    assert router.find_street(text) is None


def test_first_street_named_is_taken(router: Router) -> None:
    assert router.find_street("我住在西沽，单位在丁字沽") == "xg"


# Near the configured centre of 芥园 (jy); far from every street of the district.
IN_JIEYUAN = (39.1505, 117.1625)
IN_BEIJING = (39.9042, 116.4074)


def test_community_named_in_the_text_decides_the_street(router: Router) -> None:
    result = router.route("前园社区有人在公共车位上装地锁")
    actual = (result.category, result.department, result.street, result.street_evidence)
    assert actual == ("parking", "sgz", "sgz", "community")


def test_shared_location_decides_the_street_when_the_text_names_none(router: Router) -> None:
    result = router.route(NO_STREET, location=IN_JIEYUAN)
    actual = (result.department, result.street, result.street_evidence, result.street_needed)
    assert actual == ("jy", "jy", "location", False)


def test_street_named_in_the_text_beats_the_shared_location(router: Router) -> None:
    result = router.route(IN_SHUANGHUANCUN, location=IN_JIEYUAN)
    assert (result.street, result.street_evidence) == ("shc", "text")


def test_street_hint_beats_the_shared_location(router: Router) -> None:
    result = router.route(NO_STREET, street_hint="dzg", location=IN_JIEYUAN)
    assert (result.street, result.street_evidence) == ("dzg", "hint")


def test_location_outside_the_district_gives_no_street(router: Router) -> None:
    result = router.route(NO_STREET, location=IN_BEIJING)
    assert (result.street, result.street_evidence, result.street_needed) == (None, None, True)


def test_street_at_picks_the_nearest_centre_within_reach(router: Router) -> None:
    assert router.street_at(*IN_JIEYUAN) == "jy"
    assert router.street_at(*IN_BEIJING) is None


@pytest.mark.parametrize(
    ("lat", "lon"),
    [(float("nan"), 117.16), (39.15, float("inf")), (91.0, 117.16), (39.15, 181.0)],
)
def test_street_at_refuses_impossible_points(router: Router, lat: float, lon: float) -> None:
    assert router.street_at(lat, lon) is None


def test_community_name_inside_another_word_is_not_taken(router: Router) -> None:
    assert router.route("门前园子里的路灯坏了").street is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bus stop removed near Xianyang North Road", "xybl"),
        ("The lift in our block on Xigu Street is broken", "xg"),
        ("shaogongzhuang street: parking spaces sold", "sgz"),
    ],
)
def test_street_is_found_by_its_english_name(router: Router, text: str, expected: str) -> None:
    assert router.route(text).street == expected


def test_an_english_name_counts_only_word_for_word(router: Router) -> None:
    assert router.find_street("the north road is dirty") is None
