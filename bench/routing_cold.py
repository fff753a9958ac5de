"""Time the router on complaints it has never seen: the first route of each, caches cold.

Issue 13, item 5: under 1 ms a complaint on texts it has not seen before. The router is
built and warmed on the development set (tests/routing/labelled.tsv: loads the dictionaries,
as a running service has them), then every per-word cache of the routing package is emptied
and each complaint of the fresh set (bench/routing_fresh.tsv, never tuned on) is routed once,
timed alone, then once more (seen before). Printed per complaint, min and median over
--rounds passes (each empties the caches and takes the set in another order): wall time,
mean and p99, and CPU time of the routing thread. The goal is read on the CPU time: on a
machine shared with other work the wall time counts the waits for a core.

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

from backend.routing.router import Router  # noqa: E402
from backend.settings import DEFAULT_TAXONOMY  # noqa: E402
from backend.taxonomy.loader import load_taxonomy  # noqa: E402
from bench.routing_eval import DEV_SET, FRESH_SET, read_rows  # noqa: E402

GOAL_MS = 1.0


def empty_word_caches() -> None:
    """Forget every word the routing package cached (tables loaded once stay loaded)."""
    modules = [m for name, m in sys.modules.items() if name.startswith("backend.routing")]
    for module in modules:
        for value in vars(module).values():
            if isinstance(value, _lru_cache_wrapper) and value.cache_info().maxsize != 1:
                value.cache_clear()


def timed(router: Router, texts: list[str]) -> tuple[list[float], list[float]]:
    """Route each text once; return the wall and CPU milliseconds of each route."""
    wall, cpu = [], []
    for text in texts:
        began, began_cpu = time.perf_counter(), time.thread_time()
        router.route(text)
        cpu.append((time.thread_time() - began_cpu) * 1000)
        wall.append((time.perf_counter() - began) * 1000)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    router = Router(load_taxonomy(DEFAULT_TAXONOMY))
    for row in read_rows(DEV_SET):
        router.route(row.text)
    texts = [row.text for row in read_rows(FRESH_SET)]
    names = ("cold", "cold cpu", "p99", "warm", "warm cpu")
    figures: dict[str, list[float]] = {k: [] for k in names}
    for index in range(args.rounds):
        random.Random(index).shuffle(texts)
        empty_word_caches()
        wall, cpu = timed(router, texts)  # first sight: nothing of these texts cached
        warm, warm_cpu = timed(router, texts)  # the same texts again, caches warm
        figures["cold"].append(statistics.mean(wall))
        figures["cold cpu"].append(statistics.mean(cpu))
        figures["p99"].append(statistics.quantiles(wall, n=100)[98])
        figures["warm"].append(statistics.mean(warm))
        figures["warm cpu"].append(statistics.mean(warm_cpu))
    print(
        f"routing, unseen texts ({len(texts)} of the fresh set), caches emptied, "
        f"{args.rounds} rounds (ms per complaint: min, median)"
    )
    for name, label in (
        ("cold", "mean, first sight"),
        ("cold cpu", "CPU, first sight"),
        ("p99", "p99, first sight"),
        ("warm", "mean, seen before"),
        ("warm cpu", "CPU, seen before"),
    ):
        values = figures[name]
        print(f"  {label:18} {min(values):7.3f} {statistics.median(values):7.3f}")
    cold = statistics.median(figures["cold cpu"])
    print(f"ratio first-sight CPU ms / 1 ms goal: {cold / GOAL_MS:.3f} (goal <= 1)")
    seen = statistics.median(figures["warm cpu"])
    print(f"ratio first sight / seen before (CPU): {cold / seen:.2f}")


if __name__ == "__main__":
    main()
