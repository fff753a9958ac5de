"""The migrations build exactly the schema the models describe."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlmodel import SQLModel

from backend.bootstrap import Container
from backend.cases.search import is_index_object


def test_migrated_database_matches_the_models(container: Container) -> None:
    with container.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": _modelled}
        )
        differences = compare_metadata(context, SQLModel.metadata)
    assert differences == []


def _modelled(name: str | None, type_: str, parent_names: object) -> bool:
    """The full-text index is built by SQL of its own (migration 0025), not by the models."""
    return not is_index_object(name)
