"""flat reads

Revision ID: 0032
Revises: 0031
Create Date: 2026-11-30

Issue 13, item 1: indexes so that no user-facing read costs more with more cases stored.
The case list by channel (a rare channel no longer walks every case),
a chat's followed cases (my cases), and the assessment's objections decided in a period.
Plain CREATE INDEX: `cases` is never rebuilt on SQLite.
"""
from collections.abc import Sequence

from alembic import op


revision: str = '0032'
down_revision: str | None = '0031'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index('ix_cases_channel_id', 'cases', ['channel', 'id'], unique=False)
    op.create_index(
        'ix_case_followers_channel_chat_id', 'case_followers', ['channel', 'chat_id'], unique=False
    )
    op.create_index(
        'ix_record_objections_state_decided_at',
        'record_objections',
        ['state', 'decided_at'],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index('ix_record_objections_state_decided_at', table_name='record_objections')
    op.drop_index('ix_case_followers_channel_chat_id', table_name='case_followers')
    op.drop_index('ix_cases_channel_id', table_name='cases')
