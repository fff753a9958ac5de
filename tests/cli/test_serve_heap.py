"""`intake run` and `intake scheduler` freeze what start-up made (issue 13: per-turn CPU)."""

from __future__ import annotations

import gc

from bot.serve import freeze_heap


def test_freezing_the_heap_moves_what_start_up_made_out_of_every_later_collection() -> None:
    kept = [[index] for index in range(1000)]  # long-lived objects, like the taxonomy's
    try:
        freeze_heap()
        frozen = gc.get_freeze_count()
        assert frozen >= len(kept)
        later = [[index] for index in range(10)]
        gc.collect()
        assert gc.get_freeze_count() == frozen  # what came later is collected as before
        assert later and kept
    finally:
        gc.unfreeze()
