"""case full-text search

Revision ID: 0025
Revises: 0024
Create Date: 2026-11-30

Issue 13: `q=` searches through the database's own full-text engine instead of reading every
text with `LIKE '%…%'`. `cases.words` holds the text cut into jieba words at intake; SQLite
indexes it in the FTS5 table `cases_fts` (external content, kept in step by triggers),
PostgreSQL in a GIN index of its 'simple' tsvector. Existing cases are cut here (batches of
1,000); `intake search rebuild` cuts them all again with the district's own words.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from backend.cases.search import create_index, drop_index, fill_words

revision: str = '0025'
down_revision: str | None = '0024'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN: a batch rebuild of `cases` on SQLite would drop a table that other
    # tables' rows point to.
    op.add_column('cases', sa.Column('words', sa.Text(), nullable=True))
    connection = op.get_bind()
    fill_words(connection, subwords=False)  # the column comes with migration 0035
    create_index(connection, ('words',))


def downgrade() -> None:
    drop_index(op.get_bind())
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_column('words')
