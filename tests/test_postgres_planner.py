"""On PostgreSQL a request never starts parallel workers, whatever the planner makes of them.

Issue 13, item 1: at 1,000,000 cases a search for a word no text holds took 8-15 ms against
0.6 ms at 10,000, all of it in starting two worker processes (`Gather Merge`, "Workers
Launched: 2") for a bitmap scan that found nothing: the planner guessed 20,000 rows for a
prefix match. At 10,000 cases the table is below the size at which PostgreSQL plans workers
at all, so the cost came from what is stored. The engine's connections plan without them
(`backend.db.PARALLEL_WORKERS_PER_GATHER`). Here the planner is told workers cost nothing, so
only that setting keeps them out of the plan.
"""

from __future__ import annotations

from sqlalchemy import text

from backend.cases.search import PG_VECTOR
from backend.db import make_engine

FREE_WORKERS = (
    "SET parallel_setup_cost = 0",
    "SET parallel_tuple_cost = 0",
    "SET min_parallel_table_scan_size = 0",
    "SET min_parallel_index_scan_size = 0",
    "SET enable_seqscan = off",
)
SEARCH = (
    f"SELECT cases.id, cases.text FROM cases WHERE {PG_VECTOR} @@ to_tsquery('simple', "
    "'''医保报销'':*') AND cases.id < 998001 ORDER BY cases.id + 0 DESC LIMIT 51"
)


def _plan(url: str, statement: str) -> str:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            for setting in FREE_WORKERS:
                connection.execute(text(setting))
            rows = connection.execute(text(f"EXPLAIN {statement}")).all()
            return "\n".join(row[0] for row in rows)
    finally:
        engine.dispose()


def test_a_search_on_postgresql_plans_no_worker_processes_even_when_told_they_are_free(
    postgres_url: str,
) -> None:
    plan = _plan(postgres_url, SEARCH)
    assert "ix_cases_words_fts" in plan, plan  # the statement a search sends below its walk
    assert "Gather" not in plan and "Parallel" not in plan, plan


def test_a_whole_table_count_on_postgresql_plans_no_worker_processes(postgres_url: str) -> None:
    plan = _plan(postgres_url, "SELECT count(*) FROM cases")
    assert "Gather" not in plan and "Parallel" not in plan, plan


def test_the_setting_is_the_connections_own_so_a_rollback_does_not_undo_it(
    postgres_url: str,
) -> None:
    engine = make_engine(postgres_url)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
            connection.rollback()
            shown = connection.execute(text("SHOW max_parallel_workers_per_gather")).scalar_one()
        assert shown == "0"
    finally:
        engine.dispose()
