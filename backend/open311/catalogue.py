"""GeoReport v2 services: one per complaint category, and each one's definition.

A service is a category of the routing configuration (dialogs/config): `service_code` is
the category id, `group` the unit that owns it (the street offices for street-level
categories), `metadata` true where the category goes to the street office where it
happened, so a street helps. Every definition has two optional attributes: the street
(`street`, a singlevaluelist of the street codes) and when it happened (`occurred_at`).
"""

from __future__ import annotations

from typing import Any

from backend.messages import render
from backend.open311.errors import Open311Error
from backend.taxonomy.models import CategoryConfig, Taxonomy

STREET = "street"
OCCURRED_AT = "occurred_at"
ATTRIBUTES = (STREET, OCCURRED_AT)


def unit_name(taxonomy: Taxonomy, code: str | None, language: str) -> str | None:
    """Return the name of a department or street office in the language, None if unknown."""
    names = {d.code: (d.zh, d.en) for d in taxonomy.departments}
    names.update({s.code: (s.zh, s.en) for s in taxonomy.streets})
    if code not in names:
        return None
    zh, en = names[code]
    return (en or zh) if language == "en" else zh


def category_name(category: CategoryConfig, language: str) -> str:
    """Return a category's name in the language."""
    return category.en if language == "en" else category.zh


def list_services(*, taxonomy: Taxonomy, language: str) -> list[dict[str, Any]]:
    """Return the services, in the configuration's order, with the spec's fields."""
    return [_service(taxonomy, category, language) for category in taxonomy.categories]


def service_category(taxonomy: Taxonomy, service_code: str) -> CategoryConfig:
    """Return the category of a service code; Open311Error 400 when missing, 404 unknown."""
    if not service_code:
        raise Open311Error(400, "open311_service_code_missing")
    category = taxonomy.category(service_code)
    if category is None:
        raise Open311Error(404, "open311_service_code_unknown", value=service_code[:40])
    return category


def definition(*, taxonomy: Taxonomy, service_code: str, language: str) -> dict[str, Any]:
    """Return a service's definition: its code and attributes (street, when it happened)."""
    category = service_category(taxonomy, service_code)
    streets = [
        {"key": s.code, "name": (s.en or s.zh) if language == "en" else s.zh}
        for s in taxonomy.streets
    ]
    return {
        "service_code": category.id,
        "attributes": [
            _attribute(STREET, "singlevaluelist", 1, language, streets),
            _attribute(OCCURRED_AT, "datetime", 2, language, []),
        ],
    }


EXAMPLES = 5  # of a category's keywords in its Chinese description


def _service(taxonomy: Taxonomy, category: CategoryConfig, language: str) -> dict[str, Any]:
    if category.street_level:
        group = render("open311_group_street", language)
    else:
        group = unit_name(taxonomy, category.owner, language) or category.owner
    name = category_name(category, language)
    if language == "en":
        keywords, description = category.en_keywords, category.scope or name
    else:  # no scope in Chinese in the configuration: its first words show what belongs in it
        keywords = category.keywords
        examples = "、".join(keywords[:EXAMPLES])
        description = (
            f"{name}，例如：{examples}等"
            if examples
            else render("open311_other_service", language, name=name)
        )
    return {
        "service_code": category.id,
        "service_name": name,
        "description": description,
        "metadata": category.street_level,
        "type": "realtime",
        "keywords": ",".join(keywords),
        "group": group,
    }


def _attribute(
    code: str, datatype: str, order: int, language: str, values: list[dict[str, str]]
) -> dict[str, Any]:
    label = "open311_attr_street" if code == STREET else "open311_attr_occurred"
    return {
        "variable": True,
        "code": code,
        "datatype": datatype,
        "required": False,
        "datatype_description": render(f"{label}_type", language),
        "order": order,
        "description": render(label, language),
        "values": values,
    }
