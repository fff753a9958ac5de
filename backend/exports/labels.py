"""Names of units, streets, categories, statuses and channels in the reader's language.

From the routing configuration (backend/taxonomy) and the message catalogue; a code no longer
configured is shown as it is stored.
"""

from __future__ import annotations

from backend.messages import MESSAGES, render
from backend.taxonomy.models import Taxonomy


def unit_name(taxonomy: Taxonomy, code: str | None, language: str) -> str:
    """Return the name of a department or street office (empty for none)."""
    if not code:
        return ""
    for department in taxonomy.departments:
        if department.code == code:
            return department.zh if language == "zh" else department.en
    street = taxonomy.street(code)
    if street is not None:
        return street.zh if language == "zh" or not street.en else street.en
    return code


def unit_params(taxonomy: Taxonomy, code: str) -> dict[str, str]:
    """Return a unit as a refusal's message names it: its code and its name in each language."""
    zh, en = unit_name(taxonomy, code, "zh"), unit_name(taxonomy, code, "en")
    return {"value": code, "unit_zh": zh, "unit_en": en}


def category_name(taxonomy: Taxonomy, category_id: str | None, language: str) -> str:
    """Return the name of a complaint category (empty for none)."""
    if not category_id:
        return ""
    category = taxonomy.category(category_id)
    if category is None:
        return category_id
    return category.zh if language == "zh" else category.en


def coded(prefix: str, value: str | None, language: str) -> str:
    """Return the catalogue's name of a status, kind or channel (`case_status_routed`, ...)."""
    if not value:
        return ""
    code = f"{prefix}_{value}"
    return render(code, language) if code in MESSAGES else value
