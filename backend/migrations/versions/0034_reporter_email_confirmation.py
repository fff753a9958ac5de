"""reporter email confirmation

Revision ID: 0034
Revises: 0033
Create Date: 2026-12-01

A reporter's email address gets updates only once its owner confirmed it by the link sent
to it (`reporters.email_confirmed_at`; backend/notifications/email_confirmation.py):
before, any address typed into a chat or an Open311 request got the case's updates, the
complaint's words included. Addresses given before this migration keep working: they count
as confirmed when they were given (the row's creation), as they were used until now.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import backend.db

revision: str = '0034'
down_revision: str | None = '0033'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        'reporters',
        sa.Column('email_confirmed_at', backend.db.UTCDateTime(timezone=True), nullable=True),
    )
    op.execute('UPDATE reporters SET email_confirmed_at = created_at WHERE email IS NOT NULL')


def downgrade() -> None:
    # A plain DROP COLUMN (SQLite 3.35 and later, PostgreSQL): a batch rebuild of `reporters`
    # on SQLite would drop a table that cases point to, which its foreign keys refuse.
    op.execute('ALTER TABLE reporters DROP COLUMN email_confirmed_at')
