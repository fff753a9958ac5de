"""Import every table so that SQLModel.metadata knows them all (for Alembic and tests)."""

from backend.cases.models import Attachment, Case, CaseCounter, CaseEvent
from backend.people.models import Reporter, StaffAccount
from backend.taxonomy.tables import Category, Department

__all__ = [
    "Attachment",
    "Case",
    "CaseCounter",
    "CaseEvent",
    "Category",
    "Department",
    "Reporter",
    "StaffAccount",
]
