"""calendar revision, clocks' calendar revision, daily job runs

Revision ID: 0012
Revises: 0009
Create Date: 2026-11-30

The calendar's revision (bumped by every change; processes reload on it, clocks computed
against an older one are recomputed) and the estimate's version; each clock's revision;
one row per daily job and day, so a missed run catches up exactly once.
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import backend.db


revision: str = '0012'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    state = op.create_table('calendar_state',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('settled', sa.Integer(), nullable=False),
    sa.Column('estimate', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('changed_at', backend.db.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calendar_state'))
    )
    op.bulk_insert(state, [{'id': 1, 'revision': 0, 'settled': 0, 'estimate': ''}])
    op.create_table('job_runs',
    sa.Column('job', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('run_on', sa.Date(), nullable=False),
    sa.Column('ran_at', backend.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('written', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('job', 'run_on', name=op.f('pk_job_runs'))
    )
    with op.batch_alter_table('deadlines') as batch:
        batch.add_column(
            sa.Column('calendar_revision', sa.Integer(), nullable=False, server_default='0')
        )


def downgrade() -> None:
    with op.batch_alter_table('deadlines') as batch:
        batch.drop_column('calendar_revision')
    op.drop_table('job_runs')
    op.drop_table('calendar_state')
