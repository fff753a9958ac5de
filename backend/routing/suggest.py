"""Propose keywords from corrected complaints, for a coordinator to accept into the file."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import jieba

from backend.routing.examples import Example
from backend.routing.normalize import normalize
from backend.routing.pinyin import HAN
from backend.routing.text import ready_jieba
from backend.taxonomy.models import Taxonomy

# Words every complaint uses, whatever it is about: never worth proposing.
_COMMON_WORDS = (
    "投诉 反映 问题 解决 处理 希望 要求 请问 领导 相关 部门 情况 事情 现在 时候 一直 已经 没有"
    " 我们 他们 你们 自己 什么 怎么 为什么 这个 那个 一个 就是 还是 但是 因为 所以 如果 而且"
    " 然后 可以 不能 不是 非常 特别 还有 谢谢 麻烦 一下 多次 很多 居民 群众 老百姓 区里 街道"
    " 社区 今年 去年 上个月 个月 好几 几个 到现在 至今 从来 根本 说好 结果 不管 没人管 没人"
    " 不给 太多 好多"
)
_COMMON = frozenset(_COMMON_WORDS.split())


@dataclass(frozen=True)
class Suggestion:
    """A word that keeps appearing in complaints coordinators moved into one category."""

    category: str
    word: str
    texts: int  # corrected complaints of this category that use the word
    share: float  # of all corrected complaints using the word, the part in this category


def suggest_keywords(
    examples: Iterable[Example],
    taxonomy: Taxonomy,
    *,
    min_texts: int = 2,
    min_share: float = 0.6,
    per_category: int = 5,
) -> dict[str, list[Suggestion]]:
    """Return, per category, frequent words of its corrected complaints not yet its keywords."""
    known = _known_words(taxonomy)
    by_category: defaultdict[str, Counter[str]] = defaultdict(Counter)
    overall: Counter[str] = Counter()
    ready_jieba()
    for example in examples:
        words = {w for w in jieba.cut(normalize(example.text)) if _proposable(w, known)}
        by_category[example.category].update(words)
        overall.update(words)
    proposals: dict[str, list[Suggestion]] = {}
    for category in taxonomy.categories:
        counts = by_category.get(category.id, Counter())
        found = [
            Suggestion(category.id, word, n, round(n / overall[word], 2))
            for word, n in counts.items()
            if n >= min_texts and n / overall[word] >= min_share
        ]
        found.sort(key=lambda s: (-s.texts, -s.share, s.word))
        if found:
            proposals[category.id] = found[:per_category]
    return proposals


def _known_words(taxonomy: Taxonomy) -> set[str]:
    words = {normalize(c.zh) for c in taxonomy.categories}
    words |= {normalize(k) for c in taxonomy.categories for k in c.keywords}
    words |= {normalize(n) for s in taxonomy.streets for n in (s.zh, *s.aliases, *s.communities)}
    return words


def _proposable(word: str, known: set[str]) -> bool:
    return (
        len(word) >= 2
        and all(HAN.match(char) for char in word)
        and word not in _COMMON
        and word not in known
    )
