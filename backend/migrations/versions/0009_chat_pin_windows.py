"""chat pin windows

Revision ID: 0009
Revises: 0007
Create Date: 2026-11-28

The wrong PINs each chat sent in its current window, so one chat cannot guess PINs across
many cases (the per-case pause of 0007 still holds).
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import backend.db


revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('chat_pin_windows',
    sa.Column('channel', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('chat_id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('window_until', backend.db.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('channel', 'chat_id', name=op.f('pk_chat_pin_windows'))
    )


def downgrade() -> None:
    op.drop_table('chat_pin_windows')
