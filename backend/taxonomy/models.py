"""The routing configuration: departments, streets, categories and their words."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

STREET_OWNER = "street"


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DepartmentConfig(_Entry):
    """A district department (局/委/办) that owns categories of complaints."""

    code: str = Field(pattern=r"^[a-z][a-z0-9_]{0,31}$")
    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)
    role: str = ""


class GeoPoint(_Entry):
    """A point on the map in WGS-84 degrees, as a phone shares it."""

    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)


class StreetConfig(_Entry):
    """A street office (街道办事处); a department that owns street-level matters by place."""

    code: str = Field(pattern=r"^[a-z][a-z0-9_]{0,31}$")
    zh: str = Field(min_length=1)
    en: str = ""
    aliases: tuple[str, ...] = ()
    communities: tuple[str, ...] = ()  # 社区 (residents' committees) in the street's area
    centre: GeoPoint | None = None  # where a shared location is measured from
    radius_km: float | None = Field(default=None, gt=0, le=50)  # else routing.location_radius_km


class CategoryConfig(_Entry):
    """A complaint category, its owner and the words that point to it."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]{0,39}$")
    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)
    owner: str
    scope: str = ""
    keywords: tuple[str, ...] = ()
    en_keywords: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()

    @property
    def street_level(self) -> bool:
        """Return whether the case goes to the street office where it happened."""
        return self.owner == STREET_OWNER


class RoutingConfig(_Entry):
    """Thresholds of the matcher."""

    confident_score: float = Field(default=0.6, ge=0, le=1)
    confident_margin: float = Field(default=0.1, ge=0, le=1)
    candidates: int = Field(default=5, ge=1, le=20)
    # A shared location belongs to the nearest street centre no farther than this.
    location_radius_km: float = Field(default=2.5, gt=0, le=50)
    # How many corrected complaints the matcher keeps as examples (newest first).
    learned_examples: int = Field(default=500, ge=0, le=5000)


class DistrictConfig(_Entry):
    """The district this deployment serves."""

    code: str = Field(pattern=r"^[a-z][a-z0-9_]{0,31}$")
    zh: str
    en: str
    case_prefix: str = Field(default="HQ", pattern=r"^[A-Z]{1,4}$")


class Taxonomy(_Entry):
    """The whole configuration file, checked for consistency by the loader."""

    version: Literal[1] = 1
    district: DistrictConfig
    lead_office: str
    triage_category: str = "other"
    routing: RoutingConfig = RoutingConfig()
    departments: tuple[DepartmentConfig, ...]
    streets: tuple[StreetConfig, ...] = ()
    categories: tuple[CategoryConfig, ...]

    def category(self, category_id: str) -> CategoryConfig | None:
        """Return the category with this id, if any."""
        return next((c for c in self.categories if c.id == category_id), None)

    def street(self, code: str) -> StreetConfig | None:
        """Return the street office with this code, if any."""
        return next((s for s in self.streets if s.code == code), None)

    def names_of(self, code: str) -> tuple[str, str] | None:
        """Return a department's or street office's names (Chinese, English), or None."""
        found = next((d for d in self.departments if d.code == code), None) or self.street(code)
        return (found.zh, found.en) if found is not None else None

    @property
    def unit_codes(self) -> set[str]:
        """Return the codes of every unit a case can be owned by (departments and streets)."""
        return {d.code for d in self.departments} | {s.code for s in self.streets}
