"""Reply templates (答复模板): texts a clerk may start a resolution reply from, per category.

Kept as data in a YAML file that coordinators edit (`INTAKE_REPLY_TEMPLATES_FILE`, by default
dialogs/config/reply_templates.yaml); read again whenever the file changes, so a change needs
no restart. A template is only a starting text: the reply sent is what the clerk submits.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from backend.errors import ConfigError
from backend.taxonomy.models import Taxonomy

ANY_CATEGORY = "*"


class ReplyTemplate(BaseModel):
    """One template: for one category (or every one), titled in both languages."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9_]{0,39}$")
    category: str = Field(min_length=1, max_length=40)
    zh: str = Field(min_length=1, max_length=100)
    en: str = Field(min_length=1, max_length=100)
    text: str = Field(min_length=1, max_length=10_000)

    def title(self, language: str) -> str:
        """Return the template's title in a language (Chinese unless English)."""
        return self.en if language == "en" else self.zh


class ReplyTemplates(BaseModel):
    """The whole file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int = Field(default=1, ge=1, le=1)
    templates: tuple[ReplyTemplate, ...] = ()

    def for_category(self, category: str | None) -> list[ReplyTemplate]:
        """Return the templates of a category, its own first, then those for every category."""
        own = [t for t in self.templates if category and t.category == category]
        return own + [t for t in self.templates if t.category == ANY_CATEGORY]

    def find(self, template_id: str, category: str | None) -> ReplyTemplate | None:
        """Return the template with this id if it serves the category, else None."""
        return next((t for t in self.for_category(category) if t.id == template_id), None)


def load_reply_templates(path: Path, taxonomy: Taxonomy) -> ReplyTemplates:
    """Return the templates of a file (cached until it changes); ConfigError if broken.

    A missing file means no templates. A template of a category the taxonomy does not know,
    or two with one id, make the file refused with the entry named.
    """
    try:
        stamp = path.stat().st_mtime_ns
    except FileNotFoundError:
        return ReplyTemplates()
    return _load(path, stamp, taxonomy)


@lru_cache(maxsize=8)
def _load(path: Path, stamp: int, taxonomy: Taxonomy) -> ReplyTemplates:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        templates = ReplyTemplates.model_validate(raw or {})
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValidationError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ConfigError(f"{path}: {first}") from None
    known = {c.id for c in taxonomy.categories} | {ANY_CATEGORY}
    seen: set[str] = set()
    for template in templates.templates:
        if template.category not in known:
            raise ConfigError(
                f"{path}: template {template.id}: unknown category {template.category}"
            )
        if template.id in seen:
            raise ConfigError(f"{path}: template {template.id} appears twice")
        seen.add(template.id)
    return templates
