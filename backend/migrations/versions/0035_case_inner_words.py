"""case inner words

Revision ID: 0035
Revises: 0034
Create Date: 2026-12-02

Full-text search found a word only at the start of a text's words: jieba keeps 强制执行 and
行政许可 whole, so a search for 执行 or 许可 missed them. `cases.subwords` keeps the dictionary
words inside a text's longer words (`backend.cases.search.inner_words`, from the words stored at
intake: no text is cut again), and the full-text index (SQLite's FTS5 table, PostgreSQL's GIN
index) now covers both columns. Downgrading restores the index of `words` alone.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from backend.cases.search import create_index, drop_index, fill_subwords

revision: str = '0035'
down_revision: str | None = '0034'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN: a batch rebuild of `cases` on SQLite would drop a table that other
    # tables' rows point to.
    op.add_column('cases', sa.Column('subwords', sa.Text(), nullable=True))
    connection = op.get_bind()
    fill_subwords(connection)
    drop_index(connection)
    create_index(connection)


def downgrade() -> None:
    connection = op.get_bind()
    drop_index(connection)
    create_index(connection, ('words',))
    op.execute('ALTER TABLE cases DROP COLUMN subwords')  # SQLite 3.35+: no table rebuild
