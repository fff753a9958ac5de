"""measure indexes

Revision ID: 0013
Revises: 0009
Create Date: 2026-12-01

Indexes for the dashboard's measures, which select by UTC ranges of Tianjin periods: sign
clocks by when they opened (received), clocks by when they were met (on time), cases by when
they were rated (satisfaction).
"""
from collections.abc import Sequence

from alembic import op


revision: str = '0013'
down_revision: str | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('deadlines', schema=None) as batch_op:
        batch_op.create_index('ix_deadlines_kind_created_at', ['kind', 'created_at'], unique=False)
        batch_op.create_index(
            'ix_deadlines_kind_state_met_at', ['kind', 'state', 'met_at'], unique=False
        )
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.create_index('ix_cases_rated_at', ['rated_at'], unique=False)
        batch_op.create_index(
            'ix_cases_department_rated_at', ['department_code', 'rated_at'], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index('ix_cases_department_rated_at')
        batch_op.drop_index('ix_cases_rated_at')
    with op.batch_alter_table('deadlines', schema=None) as batch_op:
        batch_op.drop_index('ix_deadlines_kind_state_met_at')
        batch_op.drop_index('ix_deadlines_kind_created_at')
