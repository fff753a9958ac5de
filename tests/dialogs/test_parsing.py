"""Reading what people type: dates, case numbers, PINs, phone numbers, commands, payloads."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.dates import parse_date
from dialogs.parsing import (
    CaseLookup,
    as_command,
    case_numbers_in,
    make_payload,
    parse_case_lookup,
    parse_case_number,
    parse_phone,
    parse_pin,
    split_payload,
    typed_choice,
    visible_length,
)

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
        ("11月3日\u200f", date(2026, 11, 3)),  # a mark pasted along
        ("\u200b2026-11-03", date(2026, 11, 3)),
    ],
)
def test_dates_as_people_type_them(typed: str, expected: date) -> None:
    assert parse_date(typed, TODAY) == expected


@pytest.mark.parametrize("typed", ["2026-02-30", "13月1日", "", "Foo 3", "记不清了"])
def test_what_is_no_date_is_refused(typed: str) -> None:
    assert parse_date(typed, TODAY) is None


@pytest.mark.parametrize(
    "typed",
    [
        "HQ-261127-0001，494193",  # the Chinese comma of the issue
        "HQ-261127-0001,494193",
        "HQ-261127-0001、494193",
        "HQ-261127-0001；494193",
        "HQ-261127-0001 494193",
        "HQ-261127-0001\u3000494193",  # the ideographic space
        "HQ 261127 0001 494193",  # as Telegram splits it into four words, joined again
        "hq2611270001 494193",
        "ＨＱ－２６１１２７－０００１，４９４１９３",  # full-width
        "HQ—261127—0001，494193",  # the dash a Chinese keyboard types
        "案件编号：HQ-261127-0001，提取码：494193",
        "HQ-261127-0001号 提取码494193",
        "＃HQ-261127-0001 PIN: 494 193",
        "494193 HQ-261127-0001",
        # marks a copy and paste brings along (tester report of 2026-12-01)
        "HQ-261127-0001 494193\u200b",
        "\ufeffHQ-261127-0001 494193",
        "\u202eHQ-261127-0001 494193\u202c",
        "HQ-261127-0001\u200b494193",  # a zero-width space is a space
        "HQ-261127-0001 494193\u200f",
    ],
)
def test_a_case_number_and_pin_are_read_however_they_are_separated(typed: str) -> None:
    assert parse_case_lookup(typed) == CaseLookup("HQ-261127-0001", "494193")


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "nonsense",
        "HQ-2611270001494193",  # number and PIN run together
        "HQ-261127-0001，4941",  # a PIN of four digits
        "HQ-261127-0001，4941930",
        "HQ-261127-0001 494193 123456",
        "HQ-261127-0001 HQ-261127-0002",
        "HQ-261127-0001 请帮我查一下",
        "HQ-2611-0001 494193",
    ],
)
def test_what_is_not_a_number_with_a_pin_is_not_read_as_one(typed: str) -> None:
    assert parse_case_lookup(typed) is None


@pytest.mark.parametrize(
    "typed",
    [
        "HQ-261127-0042",
        "hq2611270042",
        " HQ 261127 0042 ",
        "ＨＱ－２６１１２７－００４２",
        "案件编号：HQ-261127-0042号",
    ],
)
def test_a_case_number_alone_is_read_in_its_stored_form(typed: str) -> None:
    assert parse_case_number(typed) == "HQ-261127-0042"


def test_a_number_with_a_pin_is_not_a_case_number_alone() -> None:
    assert parse_case_number("HQ-261127-0042，494193") is None


@pytest.mark.parametrize("typed", ["494193", "４９４１９３", "提取码：494193", "PIN 494 193"])
def test_a_pin_is_six_digits_typed_any_way(typed: str) -> None:
    assert parse_pin(typed) == "494193"


@pytest.mark.parametrize("typed", ["49419", "4941930", "", "abcdef", "٤٩٤١٩٣"])
def test_what_is_not_six_digits_is_no_pin(typed: str) -> None:
    assert parse_pin(typed) is None


def test_case_numbers_quoted_in_a_text_are_found_however_written() -> None:
    text = "同 ＨＱ－２６１１２７－００４２ 和 hq2611270043，不是 HQ-2611-0044。"
    found = [(text[start:end], number) for start, end, number in case_numbers_in(text)]
    assert found == [
        ("ＨＱ－２６１１２７－００４２", "HQ-261127-0042"),
        ("hq2611270043", "HQ-261127-0043"),
    ]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("13812345678", "13812345678"),
        ("手机：138-1234-5678", "13812345678"),
        ("Tel: 138.1234.5678", "13812345678"),
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


@pytest.mark.parametrize(
    ("typed", "seen"),
    [
        ("  举报  ", 2),
        ("\u200b\u202e\ufeff", 0),  # zero-width, bidi override, BOM
        ("\x01\x07\x1b\x7f\x9f", 0),  # control characters say nothing
        ("a\tb\nc", 5),  # tab and line breaks are kept inside a text
        ("\x00", 1),  # NUL is not blank but unstorable: refused as such by every channel
    ],
)
def test_visible_length_counts_what_a_reader_sees_and_leaves_nul_to_the_storable_rule(
    typed: str, seen: int
) -> None:
    assert visible_length(typed) == seen


DONE_BUTTONS = [("完成（4 个）", "done"), ("清空附件", "clear"), ("⬅️ 返回", "back")]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("完成", "done"),
        ("  完成　", "done"),
        ("完成（4 个）", "done"),
        ("完成(4个)", "done"),
        ("4", None),  # the count alone names no button
        ("完成（3 个）", None),  # a count the button no longer shows
    ],
)
def test_a_typed_label_is_read_without_its_trailing_annotation(
    typed: str, expected: str | None
) -> None:
    assert typed_choice(DONE_BUTTONS, typed) == expected


@pytest.mark.parametrize("typed", ["done", "DONE", "Ｄｏｎｅ", " Done (4) "])
def test_a_typed_english_label_is_read_in_any_case_and_width(typed: str) -> None:
    assert typed_choice([("Done (4)", "done"), ("Remove all", "clear")], typed) == "done"


def test_words_that_two_buttons_share_name_neither() -> None:
    buttons = [("其他（区级）", "district"), ("其他（街道）", "street")]
    assert typed_choice(buttons, "其他") is None
    assert typed_choice(buttons, "其他（街道）") == "street"
