"""The labelled development complaints: category, street and confidence."""

from __future__ import annotations

from backend.routing.router import Router
from tests.routing.dev_set import dev_rows


def test_dev_set_top1_category_accuracy_is_at_least_80_percent(router: Router) -> None:
    rows = dev_rows()
    misses = [(r.text, r.category, router.route(r.text).category) for r in rows]
    misses = [miss for miss in misses if miss[1] != miss[2]]
    accuracy = 1 - len(misses) / len(rows)
    assert accuracy >= 0.80, f"top-1 accuracy {accuracy:.3f}; misses: {misses}"


def test_dev_set_streets_named_in_the_text_are_found(router: Router) -> None:
    rows = [row for row in dev_rows() if row.street]
    actual = [(row.text, router.route(row.text).street) for row in rows]
    expected = [(row.text, row.street) for row in rows]
    assert rows
    assert actual == expected


def test_dev_set_texts_that_name_no_street_get_none(router: Router) -> None:
    actual = [(row.text, router.find_street(row.text)) for row in dev_rows() if not row.street]
    expected = [(text, None) for text, _ in actual]
    assert actual == expected


def test_dev_set_confident_routes_are_all_right(router: Router) -> None:
    wrong = []
    for row in dev_rows():
        result = router.route(row.text)
        if result.confident and result.category != row.category:
            wrong.append((row.text, row.category, result.category))
    assert wrong == []


def test_dev_set_street_level_rows_go_to_their_street(router: Router) -> None:
    rows = [row for row in dev_rows() if row.street]
    actual = [router.route(row.text).department for row in rows]
    expected = [row.street for row in rows]
    assert actual == expected
