"""`intake run` and `intake scheduler` freeze what start-up made (issue 13: per-turn CPU)."""

from __future__ import annotations

import gc

from bot.serve import freeze_heap


def test_freezing_the_heap_moves_what_start_up_made_out_of_every_later_collection() -> None:
    kept = [[index] for index in range(1000)]  # long-lived objects, like the taxonomy's
    try:
        freeze_heap()
        assert gc.get_freeze_count() >= len(kept)
        later = [[index] for index in range(10)]
        gc.collect()
        # gc.get_objects() lists the collected generations, never the frozen one. (The freeze
        # count itself is no measure here: other threads of the test process free objects.)
        collected = {id(found) for found in gc.get_objects()}
        assert id(later) in collected  # what came later is collected as before
        assert id(kept) not in collected  # what start-up made is out of every collection
    finally:
        gc.unfreeze()
