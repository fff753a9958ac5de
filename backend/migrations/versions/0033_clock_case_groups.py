"""clock case groups

Revision ID: 0033
Revises: 0032
Create Date: 2026-11-30

Issue 13, item 1: each clock carries its case's kind, category and channel, so that the
figures count and group clocks without joining `cases` (a year's figures on PostgreSQL grew
with the table: at 10,000 cases the year is the whole table, hashed in one pass; at 200,000
it joined the year's clocks to their cases by key). Filled here from the cases; the app keeps
them in step and `intake stats rebuild` copies them again. `cases` is not touched.
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0033'
down_revision: str | None = '0032'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COPIED = (
    ('case_kind', 'kind', 24),
    ('case_category', 'category_id', 40),
    ('case_channel', 'channel', 16),
)


def upgrade() -> None:
    for column, _source, length in COPIED:
        op.add_column(
            'deadlines',
            sa.Column(column, sqlmodel.sql.sqltypes.AutoString(length=length), nullable=True),
        )
    assignments = ', '.join(
        f'{column} = (SELECT cases.{source} FROM cases WHERE cases.id = deadlines.case_id)'
        for column, source, _length in COPIED
    )
    op.execute(f'UPDATE deadlines SET {assignments}')


def downgrade() -> None:
    with op.batch_alter_table('deadlines', schema=None) as batch_op:
        for column, _source, _length in reversed(COPIED):
            batch_op.drop_column(column)
