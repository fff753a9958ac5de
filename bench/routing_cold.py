"""Time the router on complaints it has never seen: the first route of each, caches cold.

Issue 13, item 5: under 1 ms a complaint on texts it has not seen before. The router is
built and warmed on the development set (tests/routing/labelled.tsv: loads the dictionaries,
as a running service has them), then every per-word cache of the routing package is emptied
and each complaint of the fresh set (bench/routing_fresh.tsv, never tuned on) is routed once,
timed alone. Printed: mean and p99 ms per complaint over --rounds passes (each pass empties
the caches and routes the set in another order), min and median of the pass means.

Run: `make bench` or `.venv/bin/python bench/routing_cold.py [--rounds 5]`.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from functools import _lru_cache_wrapper
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from backend.routing import english, normalize, pinyin  # noqa: E402
from backend.routing.router import Router  # noqa: E402
from backend.settings import DEFAULT_TAXONOMY  # noqa: E402
from backend.taxonomy.loader import load_taxonomy  # noqa: E402
from bench.routing_eval import DEV_SET, FRESH_SET, read_rows  # noqa: E402

GOAL_MS = 1.0


def empty_word_caches() -> None:
    """Forget every word the routing package cached (tables loaded once stay loaded)."""
    for module in (english, normalize, pinyin):
        for value in vars(module).values():
            if isinstance(value, _lru_cache_wrapper) and value.cache_info().maxsize != 1:
                value.cache_clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    router = Router(load_taxonomy(DEFAULT_TAXONOMY))
    for row in read_rows(DEV_SET):
        router.route(row.text)
    texts = [row.text for row in read_rows(FRESH_SET)]
    means, p99s = [], []
    for index in range(args.rounds):
        random.Random(index).shuffle(texts)
        empty_word_caches()
        timings = []
        for text in texts:
            began = time.perf_counter()
            router.route(text)
            timings.append((time.perf_counter() - began) * 1000)
        means.append(statistics.mean(timings))
        p99s.append(statistics.quantiles(timings, n=100)[98])
    print(
        f"routing, unseen texts ({len(texts)} of the fresh set), caches emptied, "
        f"{args.rounds} rounds"
    )
    print(f"  mean ms per complaint: min {min(means):.3f}, median {statistics.median(means):.3f}")
    print(f"  p99 ms per complaint:  min {min(p99s):.3f}, median {statistics.median(p99s):.3f}")
    print(f"ratio mean / 1 ms goal: {statistics.median(means) / GOAL_MS:.3f} (goal <= 1)")


if __name__ == "__main__":
    main()
