"""Odd and huge input never crashes, and a huge text is judged by its beginning only."""

from __future__ import annotations

import random

import pytest

from backend.routing import text as text_module
from backend.routing.router import Router


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\t\r",
        "😀" * 50,
        "\x00\x01\x7f",
        "\ud800",  # a lone surrogate, as a broken client may send
        "ｙｉｂａｏ",
        "a" * 100_000,
        "ab " * 40_000,
        "医保" * 50_000,
        "yibaoduanjiao" * 8_000,
    ],
)
def test_odd_text_routes_without_crashing(router: Router, text: str) -> None:
    result = router.route(text, street_hint="nowhere")
    assert 0.0 <= result.confidence <= 1.0


def test_100000_character_complaint_is_judged_by_its_first_3000_characters(
    router: Router, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What bounds the time of a huge complaint is that only its beginning is analysed; that
    # is checked here by what the analysis sees, not by a clock (bench/routing_eval.py times
    # routing against a baseline measured in the same run).
    rng = random.Random(7)
    text = "区里的项目做完了，工程款一直拖欠不付。" + "".join(
        chr(rng.randint(0x4E00, 0x9FFF)) for _ in range(100_000)
    )
    analysed: list[int] = []
    real = text_module.normalize
    monkeypatch.setattr(
        text_module, "normalize", lambda raw: analysed.append(len(raw)) or real(raw)
    )
    result = router.route(text)
    assert (result.category, max(analysed)) == ("arrears", text_module.MAX_CHARS)
    assert result == router.route(text[: text_module.MAX_CHARS])  # the rest changes nothing
