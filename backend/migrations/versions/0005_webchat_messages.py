"""webchat messages

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28

Written by hand: only the web chat's table of pushed messages (backend/webchat/models.py).
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import backend.db


revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('webchat_messages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('chat_id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('buttons', sa.JSON(), nullable=True),
    sa.Column('created_at', backend.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_webchat_messages'))
    )
    with op.batch_alter_table('webchat_messages', schema=None) as batch_op:
        batch_op.create_index('ix_webchat_messages_chat_id_id', ['chat_id', 'id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('webchat_messages', schema=None) as batch_op:
        batch_op.drop_index('ix_webchat_messages_chat_id_id')

    op.drop_table('webchat_messages')
