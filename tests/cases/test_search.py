"""Full-text search (`q=`): the words of a search, through the database's own index."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine, text

from backend.cases import queries
from backend.cases.search import (
    SQLITE_TRIGGERS,
    fill_words,
    fts5_query,
    inner_words,
    query_words,
    tsquery,
)
from tests.api.helpers import ARREARS, ENFORCEMENT, PARKING_XYZ, file_case
from tests.conftest import Staff

SEIZURE = "法院强制执行了我们的房子，拆迁补偿款至今没有发放"


def _found(client: TestClient, staff: Staff, q: str) -> list[str]:
    response = client.get("/api/v1/cases", params={"q": q}, headers=staff.coordinator)
    assert response.status_code == 200, response.text
    return [case["number"] for case in response.json()["data"]]


@pytest.fixture
def filed(client: TestClient, staff: Staff) -> dict[str, str]:
    return {
        name: file_case(client, staff.coordinator, text=body)["number"]
        for name, body in (
            ("arrears", ARREARS),
            ("enforcement", ENFORCEMENT),
            ("park", PARKING_XYZ),
        )
    }


def test_a_word_of_the_text_finds_its_case(
    client: TestClient, staff: Staff, filed: dict[str, str]
) -> None:
    assert _found(client, staff, "三轮车") == [filed["enforcement"]]
    assert _found(client, staff, "拖欠") == [filed["arrears"]]


def test_every_word_of_a_search_must_be_in_the_text_in_any_order(
    client: TestClient, staff: Staff, filed: dict[str, str]
) -> None:
    assert _found(client, staff, "拖欠 工程款") == [filed["arrears"]]
    assert _found(client, staff, "工程款拖欠") == [filed["arrears"]]
    assert _found(client, staff, "工程款 三轮车") == []


def test_the_start_of_a_word_finds_the_word(
    client: TestClient, staff: Staff, filed: dict[str, str]
) -> None:
    assert _found(client, staff, "工程") == [filed["arrears"]]  # 工程款


def test_a_word_inside_a_longer_word_finds_the_longer_word(
    client: TestClient, staff: Staff, filed: dict[str, str]
) -> None:
    # jieba keeps 强制执行 and 行政许可 whole; a clerk searching 执行 or 许可 means them too.
    seizure = file_case(
        client, staff.coordinator, text="法院强制执行了我们的房子，拆迁补偿款至今没有发放"
    )
    permit = file_case(
        client, staff.coordinator, text="行政许可审批超期三个月，窗口一直说在走流程"
    )
    assert _found(client, staff, "执行") == [seizure["number"]]
    assert _found(client, staff, "许可") == [permit["number"]]
    assert _found(client, staff, "执行 补偿款") == [seizure["number"]]
    assert _found(client, staff, "执行 三轮车") == []  # still every word of the search


def test_inner_words_are_the_dictionary_words_a_longer_word_holds_past_its_start() -> None:
    assert inner_words("法院 强制执行 了 我们") == "执行"  # 强制 is found as 强制执行's start
    assert inner_words("行政许可 审批 超期") == "许可"
    assert inner_words("拖欠 工程款 半年") is None  # 程款 is no word; 工程 is the start
    assert inner_words("parking lot 的 地锁") is None  # only Chinese words are looked into
    assert inner_words("") is None


def test_a_search_matching_nothing_finds_nothing(
    client: TestClient, staff: Staff, filed: dict[str, str]
) -> None:
    assert _found(client, staff, "医保报销") == []
    assert _found(client, staff, "%") == []  # not a wildcard, and no word at all
    assert _found(client, staff, "“，。”") == []


def test_traditional_characters_and_case_are_folded_like_the_texts(
    client: TestClient, staff: Staff
) -> None:
    case = file_case(client, staff.coordinator, text="Parking lot 的地锁没人管，XYZ 物业不理")
    assert _found(client, staff, "parking") == [case["number"]]
    assert _found(client, staff, "xyz") == [case["number"]]
    assert _found(client, staff, "地鎖") == [case["number"]]  # 鎖 is 锁 written traditional


def test_a_case_number_finds_its_case_also_typed_loosely(
    client: TestClient, staff: Staff, filed: dict[str, str]
) -> None:
    number = filed["park"]
    assert _found(client, staff, number) == [number]
    assert _found(client, staff, number.lower().replace("-", "")) == [number]


def test_search_narrows_other_filters_and_the_count(
    client: TestClient, staff: Staff, filed: dict[str, str]
) -> None:
    page = client.get(
        "/api/v1/cases", params={"q": "工程款", "department": "sfj"}, headers=staff.coordinator
    ).json()
    assert page["data"] == []


def test_existing_cases_without_words_are_cut_and_found(
    client: TestClient, staff: Staff, engine: Engine, filed: dict[str, str]
) -> None:
    with engine.begin() as connection:  # as cases filed before migration 0025 stand
        connection.execute(text("UPDATE cases SET words = NULL, subwords = NULL"))
    assert _found(client, staff, "三轮车") == []
    with engine.begin() as connection:
        assert fill_words(connection) == 3
        assert fill_words(connection) == 0  # nothing left to cut
    assert _found(client, staff, "三轮车") == [filed["enforcement"]]
    assert _found(client, staff, "轮车") == []  # no word: 三轮车 is found by its start only
    seizure = file_case(client, staff.coordinator, text="法院强制执行了我们的房子")
    with engine.begin() as connection:
        connection.execute(text("UPDATE cases SET words = NULL, subwords = NULL"))
        assert fill_words(connection) == 4
    assert _found(client, staff, "执行") == [seizure["number"]]


def test_sqlite_keeps_its_index_in_step_by_triggers(sqlite_template: Path) -> None:
    # SQLite only: PostgreSQL indexes the column itself.
    engine = create_engine(f"sqlite:///{sqlite_template}")
    with engine.connect() as connection:
        names = connection.execute(
            text("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        ).scalars()
        assert set(SQLITE_TRIGGERS) <= set(names)  # a table rebuilt by a migration drops them
    engine.dispose()


def test_query_words_are_quoted_for_each_engine() -> None:
    words = query_words('工程款 "x" it\'s')
    assert words == ["工程款", "x", "it", "s"]
    assert fts5_query(['a"b']) == '"a""b"*'
    assert tsquery(["it's", "a\\b"]) == "'it''s':* & 'a\\\\b':*"


def test_a_search_pages_newest_first_with_its_cursor(client: TestClient, staff: Staff) -> None:
    numbers = [file_case(client, staff.coordinator, text=ARREARS)["number"] for _ in range(3)]
    file_case(client, staff.coordinator, text=ENFORCEMENT)

    def page(cursor: str | None) -> dict[str, object]:
        params = {"q": "工程款", "limit": "2"} | ({"cursor": cursor} if cursor else {})
        answer: dict[str, object] = client.get(
            "/api/v1/cases", params=params, headers=staff.coordinator
        ).json()
        return answer

    first = page(None)
    second = page(str(first["next_cursor"]))
    listed = [c["number"] for p in (first, second) for c in p["data"]]  # type: ignore[attr-defined]
    assert listed == list(reversed(numbers))
    assert second["next_cursor"] is None


@pytest.mark.parametrize(
    "q", ['" OR *', "NEAR(工程款 拖欠)", "a & b | !c", "it's:*", "\\", "AND", "工程款 -拖欠"]
)
def test_query_syntax_of_either_engine_is_read_as_words(
    client: TestClient, staff: Staff, filed: dict[str, str], q: str
) -> None:
    response = client.get("/api/v1/cases", params={"q": q}, headers=staff.coordinator)
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("scanned_ids", [1, 2, 3, 50])
def test_a_search_finds_the_same_whether_the_newest_ids_are_walked_or_read_by_the_index(
    client: TestClient, staff: Staff, monkeypatch: pytest.MonkeyPatch, scanned_ids: int
) -> None:
    # PostgreSQL tests the newest SCANNED_IDS ids row by row and reads the older ones
    # through the GIN index (backend.cases.queries._newest_matches); every split finds alike.
    monkeypatch.setattr(queries, "SCANNED_IDS", scanned_ids)
    texts = [ARREARS, ENFORCEMENT, ARREARS, PARKING_XYZ, ARREARS.upper(), ENFORCEMENT]
    numbers = [file_case(client, staff.coordinator, text=body)["number"] for body in texts]
    arrears = [numbers[4], numbers[2], numbers[0]]

    assert _found(client, staff, "工程款") == arrears
    assert _found(client, staff, "拖欠 工程款") == arrears
    assert _found(client, staff, "三轮车") == [numbers[5], numbers[1]]
    assert _found(client, staff, "医保报销") == []
    listed, cursor = [], None
    while True:
        params = {"q": "工程款", "limit": "1"} | ({"cursor": cursor} if cursor else {})
        answer = client.get("/api/v1/cases", params=params, headers=staff.coordinator).json()
        listed += [case["number"] for case in answer["data"]]
        if not (cursor := answer["next_cursor"]):
            break
    assert listed == arrears
