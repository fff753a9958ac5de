"""Departments (streets included) and categories as rows, synced from the configuration."""

from __future__ import annotations

from sqlmodel import Field, Session, SQLModel, col, select

from backend.taxonomy.models import Taxonomy


class Department(SQLModel, table=True):
    """A unit that owns cases: a district department or a street office."""

    __tablename__ = "departments"

    code: str = Field(primary_key=True, max_length=32)
    name_zh: str = Field(max_length=100)
    name_en: str = Field(default="", max_length=200)
    kind: str = Field(default="department", max_length=16)  # department | street
    active: bool = True


class Category(SQLModel, table=True):
    """A complaint category and the unit that owns it ("street": the street office)."""

    __tablename__ = "categories"

    id: str = Field(primary_key=True, max_length=40)
    name_zh: str = Field(max_length=100)
    name_en: str = Field(default="", max_length=200)
    owner: str = Field(max_length=32)
    active: bool = True


class DepartmentPublic(SQLModel):
    """A department as the API shows it."""

    code: str
    name_zh: str
    name_en: str
    kind: str


class CategoryPublic(SQLModel):
    """A category as the API shows it."""

    id: str
    name_zh: str
    name_en: str
    owner: str


def sync_taxonomy(*, session: Session, taxonomy: Taxonomy) -> None:
    """Make the department and category rows match the configuration; retire what left it."""
    units = {d.code: (d.zh, d.en, "department") for d in taxonomy.departments}
    units |= {s.code: (s.zh, s.en, "street") for s in taxonomy.streets}
    existing_units = {d.code: d for d in session.exec(select(Department)).all()}
    for code, (zh, en, kind) in units.items():
        row = existing_units.get(code) or Department(code=code, name_zh=zh)
        row.name_zh, row.name_en, row.kind, row.active = zh, en, kind, True
        session.add(row)
    for code, row in existing_units.items():
        if code not in units:
            row.active = False
            session.add(row)
    existing_categories = {c.id: c for c in session.exec(select(Category)).all()}
    for c in taxonomy.categories:
        cat = existing_categories.get(c.id) or Category(id=c.id, name_zh=c.zh, owner=c.owner)
        cat.name_zh, cat.name_en, cat.owner, cat.active = c.zh, c.en, c.owner, True
        session.add(cat)
    wanted = {c.id for c in taxonomy.categories}
    for cid, cat in existing_categories.items():
        if cid not in wanted:
            cat.active = False
            session.add(cat)
    session.flush()


def list_units(*, session: Session, include_retired: bool = False) -> list[Department]:
    """Return the units (district departments, then street offices), each kind by code.

    Units that left the configuration are retired, not deleted (accounts and cases keep
    naming them); they are left out unless `include_retired`.
    """
    statement = select(Department).order_by(col(Department.kind), col(Department.code))
    if not include_retired:
        statement = statement.where(col(Department.active))
    return list(session.exec(statement).all())


def unit_names(*, session: Session, code: str | None) -> tuple[str, str]:
    """Return a unit's or street office's names, (Chinese, English), as notices name it.

    From the synced rows (a retired unit keeps its name); the code itself when unknown, so a
    notice never fails over a name.
    """
    unit = session.get(Department, code) if code else None
    if unit is None:
        return code or "-", code or "-"
    return unit.name_zh, unit.name_en or unit.name_zh
