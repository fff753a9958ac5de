"""hot query indexes

Revision ID: 0021
Revises: 0019
Create Date: 2026-11-30

Issue 13: indexes for the dialogs' hot queries, so none reads the whole of `cases`: a chat's
own cases and its complaints of today (by reporter and date), and the similar-case search's
candidates (by unit, category and date).
"""
from collections.abc import Sequence

from alembic import op


revision: str = '0021'
down_revision: str | None = '0019'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.create_index(
            'ix_cases_reporter_id_created_at', ['reporter_id', 'created_at'], unique=False
        )
        batch_op.create_index(
            'ix_cases_department_category_created_at',
            ['department_code', 'category_id', 'created_at'],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index('ix_cases_department_category_created_at')
        batch_op.drop_index('ix_cases_reporter_id_created_at')
