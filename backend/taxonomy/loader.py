"""Load the routing configuration and refuse it, with file, entry and reason, when broken."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from backend.errors import ConfigError
from backend.taxonomy.models import STREET_OWNER, Taxonomy


def load_taxonomy(path: Path) -> Taxonomy:
    """Read a taxonomy file; raise ConfigError naming the file, the entry and the reason."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError(f"{path}: bad YAML: {where}{problem}") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: the top level must be a mapping with departments, categories")
    try:
        taxonomy = Taxonomy.model_validate(raw)
    except ValidationError as exc:
        raise ConfigError(f"{path}: {_describe(exc, raw)}") from None
    problem = _inconsistency(taxonomy)
    if problem:
        raise ConfigError(f"{path}: {problem}")
    return taxonomy


@lru_cache(maxsize=8)
def cached_taxonomy(path: Path) -> Taxonomy:
    """Return the taxonomy of a file, read once per process."""
    return load_taxonomy(path)


def _describe(exc: ValidationError, raw: dict[str, Any]) -> str:
    error = exc.errors()[0]
    loc = list(error["loc"])
    entry = _entry_name(raw, loc)
    field = ".".join(str(p) for p in loc)
    return f"{entry}{field}: {error['msg']}"


def _entry_name(raw: dict[str, Any], loc: list[Any]) -> str:
    """Name the list entry an error is in by its code or id, so the user can find it."""
    if len(loc) >= 2 and isinstance(loc[1], int):
        items = raw.get(str(loc[0]))
        if isinstance(items, list) and loc[1] < len(items) and isinstance(items[loc[1]], dict):
            item = items[loc[1]]
            name = item.get("code") or item.get("id")
            if name:
                return f"entry {name!r} ({loc[0]} #{loc[1] + 1}): "
    return ""


def _inconsistency(t: Taxonomy) -> str | None:
    codes = [d.code for d in t.departments] + [s.code for s in t.streets]
    for code, count in Counter(codes).items():
        if count > 1:
            return f"entry {code!r}: duplicate department or street code"
    for cid, count in Counter(c.id for c in t.categories).items():
        if count > 1:
            return f"entry {cid!r}: duplicate category id"
    units = set(codes)
    if t.lead_office not in {d.code for d in t.departments}:
        return f"lead_office {t.lead_office!r}: not a department code"
    for c in t.categories:
        if c.owner != STREET_OWNER and c.owner not in units:
            return f"entry {c.id!r}: unknown owner {c.owner!r} (a department code or 'street')"
    if t.triage_category not in {c.id for c in t.categories}:
        return f"triage_category {t.triage_category!r}: not a category id"
    if any(c.street_level for c in t.categories) and not t.streets:
        return "street-level categories need at least one street"
    return _place_name_clash(t)


def _place_name_clash(t: Taxonomy) -> str | None:
    """Refuse a community name that is blank or names two places, so text maps to one street."""
    owner: dict[str, str] = {}
    for street in t.streets:
        for name in (street.zh, *street.aliases):
            owner.setdefault(name.strip(), street.code)
    for street in t.streets:
        for community in street.communities:
            name = community.strip()
            if not name:
                return f"entry {street.code!r}: blank community name"
            other = owner.setdefault(name, street.code)
            if other != street.code:
                return f"entry {street.code!r}: community {name!r} also names street {other!r}"
    return None
