"""Reference data endpoints: the units and the categories."""

from __future__ import annotations

from fastapi import APIRouter
from sqlmodel import col, select

from backend.api.bodies import JsonLimitedRoute
from backend.api.deps import ReadSessionDep
from backend.taxonomy.tables import (
    Category,
    CategoryPublic,
    Department,
    DepartmentPublic,
    list_units,
)

router = APIRouter(tags=["reference"], route_class=JsonLimitedRoute)


@router.get("/departments", response_model=list[DepartmentPublic])
def read_departments(session: ReadSessionDep) -> list[Department]:
    """List the active units: district departments, then street offices."""
    return list_units(session=session)


@router.get("/categories", response_model=list[CategoryPublic])
def read_categories(session: ReadSessionDep) -> list[Category]:
    """List the active complaint categories and their owners."""
    statement = select(Category).where(col(Category.active)).order_by(col(Category.id))
    return list(session.exec(statement).all())
