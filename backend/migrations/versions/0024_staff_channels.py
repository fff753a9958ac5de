"""staff channels: email addresses, unit robots, the console inbox

Revision ID: 0024
Revises: 0029
Create Date: 2026-11-30

Issue 15: a staff account's email address and a unit's robot webhooks (`contact_channels`),
and the notices listed in the console's inbox (`inbox_items`), read or not.
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import backend.db


revision: str = '0024'
down_revision: str | None = '0029'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'contact_channels',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('staff_id', sa.Integer(), nullable=True),
        sa.Column('department_code', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
        sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column('address', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column('secret', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column('language', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
        sa.Column('state', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column('verify_token_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column('verified_at', backend.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column('failures', sa.Integer(), nullable=False),
        sa.Column('last_error', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
        sa.Column('failing_since', backend.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column('created_at', backend.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['department_code'], ['departments.code']),
        sa.ForeignKeyConstraint(['staff_id'], ['staff_accounts.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('contact_channels', schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f('ix_contact_channels_staff_id'), ['staff_id'], unique=False
        )
        batch_op.create_index(
            batch_op.f('ix_contact_channels_department_code'), ['department_code'], unique=False
        )
    op.create_table(
        'inbox_items',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('key', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column('staff_id', sa.Integer(), nullable=False),
        sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=24), nullable=False),
        sa.Column('case_id', sa.Integer(), nullable=True),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('created_at', backend.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column('read_at', backend.db.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['case_id'], ['cases.id']),
        sa.ForeignKeyConstraint(['staff_id'], ['staff_accounts.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('key'),
    )
    with op.batch_alter_table('inbox_items', schema=None) as batch_op:
        batch_op.create_index('ix_inbox_items_staff_id_id', ['staff_id', 'id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('inbox_items', schema=None) as batch_op:
        batch_op.drop_index('ix_inbox_items_staff_id_id')
    op.drop_table('inbox_items')
    with op.batch_alter_table('contact_channels', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contact_channels_department_code'))
        batch_op.drop_index(batch_op.f('ix_contact_channels_staff_id'))
    op.drop_table('contact_channels')
