"""Reading what people type: dates, phone numbers, commands and button payloads."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.parsing import as_command, make_payload, parse_date, parse_phone, split_payload

TODAY = date(2026, 11, 27)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-11-03", date(2026, 11, 3)),
        ("2026/11/3", date(2026, 11, 3)),
        ("2026.11.03", date(2026, 11, 3)),
        ("2026年11月3日", date(2026, 11, 3)),
        ("２０２６－１１－０３", date(2026, 11, 3)),
        ("20261103", date(2026, 11, 3)),
        ("11月3日", date(2026, 11, 3)),
        ("11月3号", date(2026, 11, 3)),
        ("12月25日", date(2025, 12, 25)),
        ("3 Nov", date(2026, 11, 3)),
        ("Nov 3, 2025", date(2025, 11, 3)),
        ("3rd November 2026", date(2026, 11, 3)),
        ("今天", TODAY),
        ("yesterday", date(2026, 11, 26)),
        ("前天", date(2026, 11, 25)),
    ],
)
def test_dates_as_people_type_them(typed: str, expected: date) -> None:
    assert parse_date(typed, TODAY) == expected


@pytest.mark.parametrize("typed", ["2026-02-30", "13月1日", "last week", "", "Foo 3"])
def test_what_is_no_date_is_refused(typed: str) -> None:
    assert parse_date(typed, TODAY) is None


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("13812345678", "13812345678"),
        ("+86 138 1234 5678", "13812345678"),
        ("8613812345678", "13812345678"),
        ("022-26271234", "02226271234"),
        ("(022) 2627 1234", "02226271234"),
        ("１３８１２３４５６７８", "13812345678"),
    ],
)
def test_chinese_mobile_and_landline_numbers(typed: str, expected: str) -> None:
    assert parse_phone(typed) == expected


@pytest.mark.parametrize("typed", ["12345", "12812345678", "+44 20 7946 0018", "电话"])
def test_what_is_no_chinese_phone_number_is_refused(typed: str) -> None:
    assert parse_phone(typed) is None


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("/start", ("start", ())),
        ("/Status@HongqiaoBot HQ-261127-0001 123456", ("status", ("HQ-261127-0001", "123456"))),
        ("／report", ("report", ())),
        ("取消", ("cancel", ())),
        ("Back", ("back", ())),
        ("我想取消这个合同", None),
        ("/ 空格", None),
    ],
)
def test_commands_typed_or_as_words(typed: str, expected: object) -> None:
    assert as_command(typed) == expected


def test_payloads_split_back_into_token_action_and_argument() -> None:
    assert split_payload(make_payload("ab12", "cat", "3")) == ("ab12", "cat", "3")
    assert split_payload("nonsense") is None


def test_a_payload_over_telegrams_64_bytes_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="64 bytes"):
        make_payload("ab12", "st", "街" * 20)
