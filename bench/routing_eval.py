"""Measure the router: accuracy on labelled complaints and time per route against a baseline.

1. Top-1 and top-3 accuracy of the category, and of the street where the text names one, on
   the development set (tests/routing/labelled.tsv, the project's labelled complaints that the
   routing tests check) and on the held-out set (bench/routing_holdout.tsv: everyday words,
   slips, pinyin, traditional characters, English, never used for tuning), and on the fresh
   set (bench/routing_fresh.tsv: 342 complaints written without seeing the configuration's
   keywords, in every style citizens use; never tuned on). Street top-3: the
   street is among the units of the three choices the citizen is shown.
2. The share of confident routes (category certain, sent without asking) that are wrong, and
   the share of automatic routes (category certain, or only the unit certain: the leading
   candidates all belong to one unit) that reach the wrong unit.
3. Mean time per route against plain `rapidfuzz.process.extractOne` over the category names,
   measured in the same run: printed as a ratio.

With `--calibrate`, instead: for each pair of thresholds (confident_score, confident_margin),
the share routed automatically and the wrong ones, on the tuned sets (development and held-out
together) and on the fresh set: the README's calibration table.

Run: `.venv/bin/python bench/routing_eval.py [--misses | --calibrate]`.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from rapidfuzz import process

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from backend.routing.normalize import to_simplified  # noqa: E402
from backend.routing.pinyin import split_pinyin  # noqa: E402
from backend.routing.router import Router, RouteResult  # noqa: E402
from backend.settings import DEFAULT_TAXONOMY  # noqa: E402
from backend.taxonomy.loader import load_taxonomy  # noqa: E402
from backend.taxonomy.models import Taxonomy  # noqa: E402

DEV_SET = Path(__file__).resolve().parents[1] / "tests" / "routing" / "labelled.tsv"
# Written for the unit-certain rule (issue 12), many complaints of two matters; tuned on.
TUNING_SET = DEV_SET.with_name("tuning.tsv")
HOLDOUT_SET = Path(__file__).resolve().with_name("routing_holdout.tsv")
# Written on 2026-11-30 by a writer who had not seen the configuration's keywords; measure on
# it before tuning, and never tune on it (issue 12).
FRESH_SET = Path(__file__).resolve().with_name("routing_fresh.tsv")
TIMING_ROUNDS = 30


class Row(NamedTuple):
    text: str
    category: str
    street: str | None


@dataclass
class Tally:
    rows: int = 0
    top1: int = 0
    top3: int = 0
    streets: int = 0
    street_top1: int = 0
    street_top3: int = 0
    confident: int = 0
    confident_wrong: int = 0
    unit_only: int = 0
    automatic: int = 0
    automatic_wrong_unit: int = 0

    def add(self, row: Row, result: RouteResult, unit: str | None) -> bool:
        """Count one routed row (its right unit: `unit`); return whether its category was right."""
        top3 = [c.category for c in result.candidates[:3]]
        right = result.category == row.category
        self.rows += 1
        self.top1 += right
        self.top3 += right or row.category in top3
        if row.street:
            units = {c.department for c in result.candidates[:3]}
            self.streets += 1
            self.street_top1 += result.street == row.street
            self.street_top3 += result.street == row.street or row.street in units
        if result.confident:
            self.confident += 1
            self.confident_wrong += not right
        if result.automatic:
            self.automatic += 1
            self.unit_only += not result.confident
            self.automatic_wrong_unit += result.department != unit
        return right


def read_rows(path: Path) -> list[Row]:
    """Read text<TAB>category[<TAB>street] lines, skipping comments and blank lines."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, category, *rest = line.split("\t")
        street = rest[0].strip() if rest else ""
        rows.append(Row(text, category.strip(), street or None))
    return rows


def style_of(text: str) -> str:
    """Name how a complaint is written: Chinese, traditional, pinyin or English."""
    if not text.isascii():
        return "traditional" if to_simplified(text) != text else "chinese"
    words = "".join(c if c.isalpha() else " " for c in text.lower()).split()
    typed = sum(split_pinyin(w) is not None for w in words)
    return "pinyin" if words and typed == len(words) else "english"


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f} % ({part}/{whole})" if whole else "   n/a"


def unit_of(row: Row, taxonomy: Taxonomy) -> str | None:
    """Return the unit a labelled row belongs to: its category's owner, or its street."""
    category = taxonomy.category(row.category)
    assert category is not None, row.category
    return row.street if category.street_level else category.owner


def evaluate(
    name: str, rows: list[Row], router: Router, taxonomy: Taxonomy, show_misses: bool
) -> list[str]:
    """Print the accuracy figures of one labelled set; return its texts."""
    total = Tally()
    by_style: dict[str, Tally] = {}
    for row in rows:
        result = router.route(row.text)
        unit = unit_of(row, taxonomy)
        right = total.add(row, result, unit)
        by_style.setdefault(style_of(row.text), Tally()).add(row, result, unit)
        if show_misses and result.automatic and result.department != unit:
            print(f"  wrong unit: {row.text} | want {unit} | got {result.department}")
        if show_misses and (not right or (row.street and result.street != row.street)):
            print(
                f"  miss: {row.text} | want {row.category} {row.street or ''} | got "
                f"{result.category} {result.street or ''} confident={result.confident}"
            )
    print(f"{name} ({len(rows)} complaints)")
    print(f"  category top-1  {percent(total.top1, total.rows)}")
    print(f"  category top-3  {percent(total.top3, total.rows)}")
    print(f"  street top-1    {percent(total.street_top1, total.streets)}")
    print(f"  street top-3    {percent(total.street_top3, total.streets)}")
    print(
        f"  confident routes {percent(total.confident, total.rows)}, of which wrong "
        f"{percent(total.confident_wrong, total.confident)}"
    )
    print(
        f"  routed automatically (unit certain) {percent(total.automatic, total.rows)}, "
        f"of which category to confirm {percent(total.unit_only, total.automatic)}"
    )
    print(
        "  wrong unit among automatic routes "
        f"{percent(total.automatic_wrong_unit, total.automatic)}"
    )
    for style, tally in sorted(by_style.items()):
        print(f"    {style:<12} top-1 {percent(tally.top1, tally.rows)}")
    return [row.text for row in rows]


def mean_ms(route: Callable[[str], object], texts: list[str]) -> float:
    """Return the mean milliseconds per call over warm caches, as a running service has."""
    for text in texts:
        route(text)
    started = time.perf_counter()
    for _ in range(TIMING_ROUNDS):
        for text in texts:
            route(text)
    return (time.perf_counter() - started) * 1000 / (TIMING_ROUNDS * len(texts))


def calibrate(taxonomy: Taxonomy) -> None:
    """Print the calibration table: automatic routes and their errors per threshold pair."""
    tuned = read_rows(DEV_SET) + read_rows(HOLDOUT_SET)
    fresh = read_rows(FRESH_SET)
    print("score margin | tuned: automatic, category to confirm, wrong unit | fresh: the same")
    for score in (0.5, 0.6, 0.7):
        for margin in (0.1, 0.2, 0.3, 0.4):
            routing = taxonomy.routing.model_copy(
                update={"confident_score": score, "confident_margin": margin}
            )
            router = Router(taxonomy.model_copy(update={"routing": routing}))
            cells = []
            for rows in (tuned, fresh):
                tally = Tally()
                for row in rows:
                    tally.add(row, router.route(row.text), unit_of(row, taxonomy))
                cells.append(
                    f"{percent(tally.automatic, tally.rows)}, "
                    f"{percent(tally.unit_only, tally.automatic)}, "
                    f"{percent(tally.automatic_wrong_unit, tally.automatic)}"
                )
            print(f"{score:.1f} {margin:.1f} | {cells[0]} | {cells[1]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="print every wrong route")
    parser.add_argument("--calibrate", action="store_true", help="print the threshold table")
    args = parser.parse_args()
    taxonomy = load_taxonomy(DEFAULT_TAXONOMY)
    if args.calibrate:
        calibrate(taxonomy)
        return
    router = Router(taxonomy)
    sets = [
        ("development set (labelled.tsv)", DEV_SET),
        ("tuning set (tuning.tsv)", TUNING_SET),
        ("held-out set (never tuned on)", HOLDOUT_SET),
        ("fresh set (unseen keywords)", FRESH_SET),
    ]
    texts: list[str] = []
    for name, path in sets:
        texts += evaluate(name, read_rows(path), router, taxonomy, args.misses)
    names = [category.zh for category in taxonomy.categories]
    routed = mean_ms(router.route, texts)
    baseline = mean_ms(lambda text: process.extractOne(text, names), texts)
    print(
        f"time per route    {routed:.3f} ms; baseline extractOne over category names "
        f"{baseline:.3f} ms; ratio {routed / baseline:.1f}x"
    )


if __name__ == "__main__":
    main()
