"""The project's labelled complaints (labelled.tsv): category, street and confidence."""

from __future__ import annotations

from backend.routing.router import Router, RouteResult
from backend.taxonomy.models import Taxonomy
from tests.routing.labelled_sets import labelled_rows


def unit_offered_for(result: RouteResult, category: str) -> str | None:
    """Return the unit the router gives a category among its choices, None when not offered."""
    units = [c.department for c in result.candidates if c.category == category]
    return units[0] if units else None


def test_labelled_set_covers_every_category_but_triage_and_every_street(
    taxonomy: Taxonomy,
) -> None:
    rows = labelled_rows()
    categories = {c.id for c in taxonomy.categories} - {taxonomy.triage_category}
    assert categories <= {row.category for row in rows}
    assert {row.street for row in rows if row.street} == {s.code for s in taxonomy.streets}


def test_labelled_set_top1_category_accuracy_is_at_least_80_percent(router: Router) -> None:
    rows = labelled_rows()
    misses = [(r.text, r.category, router.route(r.text).category) for r in rows]
    misses = [miss for miss in misses if miss[1] != miss[2]]
    accuracy = 1 - len(misses) / len(rows)
    assert accuracy >= 0.80, f"top-1 accuracy {accuracy:.3f}; misses: {misses}"


def test_labelled_set_streets_named_in_the_text_are_found(router: Router) -> None:
    rows = [row for row in labelled_rows() if row.street]
    actual = [(row.text, router.route(row.text).street) for row in rows]
    expected = [(row.text, row.street) for row in rows]
    assert rows
    assert actual == expected


def test_labelled_set_texts_that_name_no_street_get_none(router: Router) -> None:
    rows = [row for row in labelled_rows() if not row.street]
    actual = [(row.text, router.find_street(row.text)) for row in rows]
    expected = [(row.text, None) for row in rows]
    assert actual == expected


def test_labelled_set_confident_routes_are_all_right(router: Router) -> None:
    wrong = []
    for row in labelled_rows():
        result = router.route(row.text)
        if result.confident and result.category != row.category:
            wrong.append((row.text, row.category, result.category))
    assert wrong == []


def test_labelled_set_street_level_matters_are_offered_to_the_street_they_name(
    router: Router,
) -> None:
    # The unit of the right category, whether routed or among the citizen's choices: a wrong
    # top category is counted by the accuracy test above, not twice here.
    rows = [row for row in labelled_rows() if row.street]
    actual = [(row.text, unit_offered_for(router.route(row.text), row.category)) for row in rows]
    expected = [(row.text, row.street) for row in rows]
    assert actual == expected
