"""console sign-in

Revision ID: 0011
Revises: 0007
Create Date: 2026-11-29

Staff sign in to the console with a login and a password (argon2id); sessions are rows;
one-time links set a password.
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import backend.db


revision: str = '0011'
down_revision: str | None = '0013'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('password_links',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('issued_by', sa.Integer(), nullable=True),
    sa.Column('created_at', backend.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('expires_at', backend.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('used_at', backend.db.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['issued_by'], ['staff_accounts.id'], name=op.f('fk_password_links_issued_by_staff_accounts')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff_accounts.id'], name=op.f('fk_password_links_staff_id_staff_accounts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_password_links')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_password_links_token_hash'))
    )
    with op.batch_alter_table('password_links', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_password_links_staff_id'), ['staff_id'], unique=False)

    op.create_table('staff_sessions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('created_at', backend.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('last_seen_at', backend.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['staff_id'], ['staff_accounts.id'], name=op.f('fk_staff_sessions_staff_id_staff_accounts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_sessions')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_staff_sessions_token_hash'))
    )
    with op.batch_alter_table('staff_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staff_sessions_last_seen_at'), ['last_seen_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_staff_sessions_staff_id'), ['staff_id'], unique=False)

    with op.batch_alter_table('staff_accounts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('login', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True))
        batch_op.add_column(sa.Column('password_hash', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=True))
        batch_op.add_column(sa.Column('failed_sign_ins', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('sign_in_paused_until', backend.db.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('last_sign_in_at', backend.db.UTCDateTime(timezone=True), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_staff_accounts_login'), ['login'])



def downgrade() -> None:
    with op.batch_alter_table('staff_accounts', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_staff_accounts_login'), type_='unique')
        batch_op.drop_column('last_sign_in_at')
        batch_op.drop_column('sign_in_paused_until')
        batch_op.drop_column('failed_sign_ins')
        batch_op.drop_column('password_hash')
        batch_op.drop_column('login')

    with op.batch_alter_table('staff_sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_staff_sessions_staff_id'))
        batch_op.drop_index(batch_op.f('ix_staff_sessions_last_seen_at'))

    op.drop_table('staff_sessions')
    with op.batch_alter_table('password_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_password_links_staff_id'))

    op.drop_table('password_links')
