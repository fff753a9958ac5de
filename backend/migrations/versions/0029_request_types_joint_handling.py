"""request types and joint handling

Revision ID: 0029
Revises: 0027
Create Date: 2026-11-30

Issue 12: a complaint's request type (诉求类型, whose limit sets the resolve clock) and the
assisting units (协办) of a case beside its lead unit (主办). Supervision orders (督办) are
clocks of the kind `supervise` in `deadlines` and need no column.
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import backend.db


revision: str = '0029'
down_revision: str | None = '0027'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN: a batch rebuild of `cases` on SQLite would drop a table that other
    # tables' rows point to (and the full-text triggers on it).
    op.add_column(
        'cases', sa.Column('request_type', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True)
    )
    # Cases filed before request types were complaints (a record has none).
    op.execute("UPDATE cases SET request_type = 'complaint' WHERE kind = 'complaint'")
    op.create_table(
        'case_assists',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('case_id', sa.Integer(), nullable=False),
        sa.Column('department_code', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column('created_at', backend.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['case_id'], ['cases.id']),
        sa.ForeignKeyConstraint(['department_code'], ['departments.code']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('case_id', 'department_code'),
    )
    with op.batch_alter_table('case_assists', schema=None) as batch_op:
        batch_op.create_index(
            'ix_case_assists_department_code_case_id',
            ['department_code', 'case_id'],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table('case_assists', schema=None) as batch_op:
        batch_op.drop_index('ix_case_assists_department_code_case_id')
    op.drop_table('case_assists')
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_column('request_type')
