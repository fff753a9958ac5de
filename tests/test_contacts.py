"""Contact details in free text are found whole, and in one pass over the text."""

from __future__ import annotations

import pytest

from backend.contacts import CONTACT_PATTERNS, mask_contacts
from backend.observability.redaction import REDACTED, scrub

EMAIL = CONTACT_PATTERNS[0]


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("邮箱li@example.cn，电话13712345678", "邮箱***，电话***"),
        ("write to zhang.wei+1@mail.example.com.", "write to ***."),
        ("身份证120104199001011234", "身份证***"),
        ("座机(022) 2345 6789", "座机***"),
        # Reviewer, 2026-12-02: these reached the public page as typed.
        # typed full width
        ("电话１３８１２３４５６７８，邮箱ｌｉ＠ｅｘａｍｐｌｅ．ｃｎ", "电话***，邮箱***"),
        ("旧身份证120104900101123", "旧身份证***"),  # the 15-digit card of before 1999
        ("银行卡6222021234567890123，6222 0212 3456 7890", "银行卡***，***"),
    ],
)
def test_contacts_in_chinese_and_english_text_are_masked_whole(text: str, masked: str) -> None:
    assert mask_contacts(text) == masked


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        # Reviewer, 2026-12-03: written as people group them to read them out, these were
        # published on Open311's `GET requests` and the records page as typed.
        ("身份证号120104 19900101 123X", "身份证号***"),
        ("身份证：120104-19900101-1234。", "身份证：***。"),
        ("身份证 120104 1990 0101 1234", "身份证 ***"),
        ("手机138.1234.5678", "手机***"),
        ("手机138—1234—5678", "手机***"),  # a Chinese keyboard's dash (——)
        ("电话 138–1234–5678，座机022—2345 6789", "电话 ***，座机***"),
        ("卡号6222.0212.3456.7890", "卡号***"),
    ],
)
def test_contacts_written_in_groups_with_dots_or_dashes_are_masked_whole(
    text: str, masked: str
) -> None:
    assert mask_contacts(text) == masked


def test_an_email_address_is_matched_from_its_first_character_only() -> None:
    # A match tried at every character of a long run without @ made a 66 KB address cost the
    # log filter 10 s of CPU on the event loop (quadratic); a match that starts only where a
    # local part starts makes it one pass. Its shape: no match begins inside a local part.
    assert EMAIL.match("ab@c.cn", 1) is None
    assert EMAIL.match("ab@c.cn", 0) is not None
    assert EMAIL.search("邮箱ab@c.cn") is not None  # after a Chinese word it still starts


def test_a_long_address_with_no_at_sign_is_logged_as_it_is() -> None:
    path = "/api/v1/cases/" + "a" * 60_000

    assert scrub(path) == path
    assert scrub(path + "@example.cn") == "/api/v1/cases/" + REDACTED


@pytest.mark.parametrize(
    "text",
    [
        "2026年11月25日拖欠工程款120000元",
        "津红纪〔2026〕12号",
        "第3号楼2单元501室",
        "12345热线",
        "2026.11.25 付了 1234.5678 万元",
        "第 13.5 条，1.3-1.5 倍",
    ],
)
def test_dates_amounts_and_document_numbers_are_not_taken_for_contacts(text: str) -> None:
    assert mask_contacts(text) == text
