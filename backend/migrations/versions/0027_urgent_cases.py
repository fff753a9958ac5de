"""urgent cases

Revision ID: 0027
Revises: 0022
Create Date: 2026-11-30

Issue 12: a complaint about immediate danger to life, health or property is marked urgent;
its unit and the coordinator on duty are told at once, day or night.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0027'
down_revision: str | None = '0022'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN: a batch rebuild of `cases` on SQLite would drop a table that other
    # tables' rows point to (and the full-text triggers on it).
    op.add_column(
        'cases', sa.Column('urgent', sa.Boolean(), server_default=sa.false(), nullable=False)
    )


def downgrade() -> None:
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_column('urgent')
