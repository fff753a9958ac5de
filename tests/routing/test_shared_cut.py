"""The router reads the jieba cut that filing made for the search words (issue 13, item 3).

A text cut whole by `word_string` is not cut again by the router's `Segmentation`, and the
words it finds there are the ones it finds cutting run by run.
"""

from __future__ import annotations

import jieba
import pytest

from backend.routing.normalize import normalize
from backend.routing.text import Segmentation, teach_jieba, view_of, word_string

TEXTS = [
    "区里的项目做完了，工程款一直拖欠不付，已经拖了半年",
    "执法队 没收了我的三轮车  没有任何手续\n也没出示执法证",
    "wo de che bei mei shou le 城管 大学校园里 乱罚款",
    "没收到 工资  ",
]


def _spans(segmentation: Segmentation, length: int) -> list[tuple[int, int] | None]:
    return [segmentation.word_at(position) for position in range(length)]


@pytest.mark.parametrize("raw", TEXTS)
def test_the_router_finds_the_same_words_in_a_text_already_cut_whole(raw: str) -> None:
    text = normalize(raw)
    run_by_run = _spans(Segmentation(text + " ", True), len(text))  # a text not cut whole
    word_string(raw)
    shared = _spans(Segmentation(text, True), len(text))
    assert shared == run_by_run


def test_a_text_cut_whole_is_not_cut_again_by_the_router(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    raw = "小区门口的路灯坏了三个月，晚上一片漆黑"
    word_string(raw)

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("cut again")

    monkeypatch.setattr(jieba, "tokenize", refuse)
    view = view_of(raw)
    assert view.segmentation.word_at(0) is not None


def test_words_taught_after_a_cut_are_seen_by_the_next_one() -> None:
    raw = "楼下的噗噗嘎嘎声响了一夜"
    before = word_string(raw)
    teach_jieba(["噗噗嘎嘎"])
    after = word_string(raw)
    assert ("噗噗嘎嘎" in before.split(), "噗噗嘎嘎" in after.split()) == (False, True)
