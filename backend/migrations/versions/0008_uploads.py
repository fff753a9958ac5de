"""uploads

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29

Uploads tracked until a case files them (the cleanup of abandoned dialogs' files) and what
each chat uploaded per day (the upload quota).
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import backend.db


revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('upload_days',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('channel', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('chat_id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('files', sa.Integer(), nullable=False),
    sa.Column('total_bytes', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_upload_days')),
    sa.UniqueConstraint('channel', 'chat_id', 'day', name=op.f('uq_upload_days_channel'))
    )
    with op.batch_alter_table('upload_days', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_upload_days_day'), ['day'], unique=False)

    op.create_table('uploads',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('channel', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('chat_id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('digest', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('stored_at', backend.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('filed_at', backend.db.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_uploads')),
    sa.UniqueConstraint('channel', 'chat_id', 'digest', name=op.f('uq_uploads_channel'))
    )
    with op.batch_alter_table('uploads', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_uploads_digest'), ['digest'], unique=False)
        batch_op.create_index(batch_op.f('ix_uploads_stored_at'), ['stored_at'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('uploads', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_uploads_stored_at'))
        batch_op.drop_index(batch_op.f('ix_uploads_digest'))

    op.drop_table('uploads')
    with op.batch_alter_table('upload_days', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_upload_days_day'))

    op.drop_table('upload_days')
