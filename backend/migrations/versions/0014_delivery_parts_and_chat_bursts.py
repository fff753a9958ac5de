"""delivery parts and chat bursts

Revision ID: 0014
Revises: 0009
Create Date: 2026-12-01

Notifications remember how many parts of a long text went out (a retry sends the rest) and
may end `unconfirmed`; a web chat keeps a pushed message once per outbox key; a chat keeps
the text its client may have cut (joined with the next part) and when a group was last told
to use a private chat; an event keeps the replies that must arrive (a receipt), given again
when the event comes again.
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import backend.db


revision: str = '0014'
down_revision: str | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.add_column(sa.Column('parts_sent', sa.Integer(), nullable=False, server_default='0'))
    with op.batch_alter_table('webchat_messages', schema=None) as batch_op:
        batch_op.add_column(sa.Column('key', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_webchat_messages_key'), ['key'])
    with op.batch_alter_table('conversations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('pending_part', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('group_notice_at', backend.db.UTCDateTime(timezone=True), nullable=True))
    with op.batch_alter_table('inbound_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('replies', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('inbound_events', schema=None) as batch_op:
        batch_op.drop_column('replies')
    with op.batch_alter_table('conversations', schema=None) as batch_op:
        batch_op.drop_column('group_notice_at')
        batch_op.drop_column('pending_part')
    with op.batch_alter_table('webchat_messages', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_webchat_messages_key'), type_='unique')
        batch_op.drop_column('key')
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.drop_column('parts_sent')
