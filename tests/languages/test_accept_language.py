"""Which language a request asks for: Accept-Language read with its quality values (RFC 9110)."""

from __future__ import annotations

import pytest

from backend.languages import preferred_language


@pytest.mark.parametrize(
    ("header", "default", "expected"),
    [
        ("zh-CN,zh;q=0.9,en;q=0.8", "en", "zh"),
        ("en-US,en;q=0.9,zh;q=0.1", "zh", "en"),
        ("en;q=0.5, zh;q=0.9", "en", "zh"),  # the order of the list is not the preference
        ("zh;q=0.2, en", "zh", "en"),  # no q means q=1
        ("fr, en;q=0.8", "zh", "en"),  # a language we do not speak is passed over
        ("fr, de", "zh", "zh"),
        ("fr, de", "en", "en"),
        ("", "zh", "zh"),
        ("   ", "en", "en"),
        ("*", "zh", "zh"),
        ("zh;q=0", "en", "en"),  # q=0: not acceptable
        ("en;q=0, *;q=0.5", "en", "zh"),  # anything but English
        ("ZH-hant-TW", "en", "zh"),
        ("EN-gb", "zh", "en"),
        ("en;q=0.7, zh;q=0.7", "zh", "en"),  # a tie goes to the one listed first
        ("zh;q=abc, en;q=0.3", "zh", "en"),  # a malformed range is ignored
        ("zhx, enx", "zh", "zh"),  # neither is a language we speak
        (";;,,,", "en", "en"),
        ("en;q=1.5", "zh", "zh"),  # out of range: ignored
    ],
)
def test_the_language_with_the_highest_quality_wins(
    header: str, default: str, expected: str
) -> None:
    assert preferred_language(header, default=default) == expected
