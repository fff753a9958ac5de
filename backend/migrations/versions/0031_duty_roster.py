"""the on-duty roster

Revision ID: 0031
Revises: 0025
Create Date: 2026-11-30

Issue 12: the coordinators on duty by duty day (值班表); an urgent case at night wakes the
coordinator rostered for the day the night belongs to.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import backend.db


revision: str = '0031'
down_revision: str | None = '0025'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'duty_shifts',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('day', sa.Date(), nullable=False),
        sa.Column('staff_id', sa.Integer(), nullable=False),
        sa.Column('added_by', sa.Integer(), nullable=True),
        sa.Column('created_at', backend.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['added_by'], ['staff_accounts.id']),
        sa.ForeignKeyConstraint(['staff_id'], ['staff_accounts.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('day', 'staff_id'),
    )
    with op.batch_alter_table('duty_shifts', schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f('ix_duty_shifts_staff_id'), ['staff_id'], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table('duty_shifts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_duty_shifts_staff_id'))
    op.drop_table('duty_shifts')
