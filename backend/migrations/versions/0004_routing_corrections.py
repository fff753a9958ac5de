"""routing corrections

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28

Written by hand (issue 5): only the routing_corrections table, so that it does not depend on
model changes other people have in flight. It follows 0003 (conversations, invites, record
details), which landed first.
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import backend.db


revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('routing_corrections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('from_category', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('to_category', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('from_department', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
    sa.Column('to_department', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
    sa.Column('created_at', backend.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_routing_corrections_case_id_cases')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_routing_corrections'))
    )
    with op.batch_alter_table('routing_corrections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_routing_corrections_case_id'), ['case_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('routing_corrections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_routing_corrections_case_id'))

    op.drop_table('routing_corrections')
