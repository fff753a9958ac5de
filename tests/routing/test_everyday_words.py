"""Complaints as citizens write them: everyday words, slips, pinyin, traditional, English."""

from __future__ import annotations

from backend.routing.router import Router
from tests.routing.labelled_sets import everyday_rows


def test_everyday_complaints_top1_category_accuracy_is_at_least_95_percent(
    router: Router,
) -> None:
    rows = everyday_rows()
    misses = [(r.text, r.category, router.route(r.text).category) for r in rows]
    misses = [miss for miss in misses if miss[1] != miss[2]]
    accuracy = 1 - len(misses) / len(rows)
    assert accuracy >= 0.95, f"top-1 accuracy {accuracy:.3f}; misses: {misses}"


def test_everyday_complaints_confident_routes_are_wrong_less_than_1_percent(
    router: Router,
) -> None:
    results = [(row, router.route(row.text)) for row in everyday_rows()]
    confident = [(row, result) for row, result in results if result.confident]
    wrong = [
        (row.text, result.category) for row, result in confident if result.category != row.category
    ]
    assert len(confident) >= len(results) / 2
    assert len(wrong) / len(confident) < 0.01, wrong


def test_everyday_complaints_find_the_street_or_community_they_name(router: Router) -> None:
    rows = [row for row in everyday_rows() if row.street]
    actual = [(row.text, router.route(row.text).street) for row in rows]
    expected = [(row.text, row.street) for row in rows]
    assert rows
    assert actual == expected
