"""case followers

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27

Chats that follow an open case like their own instead of filing a new complaint.
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import backend.db


revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('case_followers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('channel', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('chat_id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('language', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('created_at', backend.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_case_followers_case_id_cases')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_followers')),
    sa.UniqueConstraint('case_id', 'channel', 'chat_id', name=op.f('uq_case_followers_case_id'))
    )
    with op.batch_alter_table('case_followers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_followers_case_id'), ['case_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('case_followers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_followers_case_id'))
    op.drop_table('case_followers')
