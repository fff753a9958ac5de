"""Measure the router: accuracy on labelled complaints and time per route against a baseline.

1. Top-1 and top-3 accuracy of the category, and of the street where the text names one, on
   the development sets (tests/routing/labelled.tsv, tuning.tsv and everyday.tsv: the
   project's labelled complaints that the routing tests check and the keywords were tuned
   on), the training set (dialogs/config/hongqiao_train.tsv: 778 complaints in every style
   written from the category list only; the model learns from it, so its figures are
   in-sample), the held-out set (bench/routing_holdout.tsv: everyday words, slips, pinyin,
   traditional characters, English, never used for tuning) and the fresh set
   (bench/routing_fresh.tsv: 342 complaints written without seeing the configuration's
   keywords, in every style citizens use; measured only, never tuned on, its misses never
   printed). Street top-3: the street is among the units of the three choices the citizen
   is shown.
2. The share of confident routes (category certain, sent without asking) that are wrong, and
   the share of automatic routes (category certain, or only the unit certain: the leading
   candidates all belong to one unit) that reach the wrong unit.
3. Each figure before and after issue 12's model: "keywords alone" is the keyword matcher
   without the learned model at its own calibration (0.6/0.3, as on main before), "keywords +
   model" the router as configured.
4. Mean time per route against plain `rapidfuzz.process.extractOne` over the category names,
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
EVERYDAY_SET = DEV_SET.with_name("everyday.tsv")  # everyday words (issue 5); tuned on
# What the model learns from (issue 12): written from the category list alone.
TRAINING_SET = Path(__file__).resolve().parents[1] / "dialogs" / "config" / "hongqiao_train.tsv"
HOLDOUT_SET = Path(__file__).resolve().with_name("routing_holdout.tsv")
# Written on 2026-11-30 by a writer who had not seen the configuration's keywords; measure on
# it before tuning, and never tune on it (issue 12).
FRESH_SET = Path(__file__).resolve().with_name("routing_fresh.tsv")
TIMING_ROUNDS = 30
# The keyword matcher's own calibration before the model (main before issue 12 item 2).
KEYWORDS_ALONE = {"confident_score": 0.6, "confident_margin": 0.3}


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
    rows: list[Row], router: Router, taxonomy: Taxonomy, show_misses: bool
) -> tuple[Tally, dict[str, Tally]]:
    """Route every row; return the tally of the set and one per writing style."""
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
    return total, by_style


def report(name: str, tallies: list[tuple[str, Tally, dict[str, Tally]]]) -> None:
    """Print one set's figures, one line per router (before and after)."""
    print(f"{name} ({tallies[0][1].rows} complaints)")
    for label, total, by_style in tallies:
        print(f"  {label}")
        print(
            f"    category top-1  {percent(total.top1, total.rows)}   "
            f"top-3 {percent(total.top3, total.rows)}"
        )
        print(
            f"    street top-1    {percent(total.street_top1, total.streets)}   "
            f"top-3 {percent(total.street_top3, total.streets)}"
        )
        print(
            f"    confident routes {percent(total.confident, total.rows)}, of which wrong "
            f"{percent(total.confident_wrong, total.confident)}"
        )
        print(
            f"    routed automatically (unit certain) {percent(total.automatic, total.rows)}, "
            f"of which category to confirm {percent(total.unit_only, total.automatic)}"
        )
        print(
            "    wrong unit among automatic routes "
            f"{percent(total.automatic_wrong_unit, total.automatic)}"
        )
        styles = ", ".join(
            f"{style} {percent(tally.top1, tally.rows)}"
            for style, tally in sorted(by_style.items())
        )
        print(f"    top-1 by style: {styles}")


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
    print(
        "score margin | tuned: automatic, category to confirm, wrong unit, confident wrong"
        " | fresh: the same"
    )
    for score in (0.4, 0.5, 0.6, 0.7):
        for margin in (0.1, 0.2, 0.3):
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
                    f"{percent(tally.automatic_wrong_unit, tally.automatic)}, "
                    f"{percent(tally.confident_wrong, tally.confident)}"
                )
            print(f"{score:.1f} {margin:.1f} | {cells[0]} | {cells[1]}")


def keywords_alone(taxonomy: Taxonomy) -> Router:
    """Return the router as it was before the model: keywords alone, their own thresholds."""
    routing = taxonomy.routing.model_copy(update=KEYWORDS_ALONE)
    return Router(taxonomy.model_copy(update={"routing": routing}), labelled=[])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--misses", action="store_true", help="print every wrong route of the tuned sets"
    )
    parser.add_argument("--calibrate", action="store_true", help="print the threshold table")
    args = parser.parse_args()
    taxonomy = load_taxonomy(DEFAULT_TAXONOMY)
    if args.calibrate:
        calibrate(taxonomy)
        return
    router = Router(taxonomy)
    before = keywords_alone(taxonomy)
    sets = [
        ("development set (labelled.tsv)", DEV_SET, True),
        ("tuning set (tuning.tsv)", TUNING_SET, True),
        ("everyday set (everyday.tsv)", EVERYDAY_SET, True),
        ("training set (the model learns from it: in-sample)", TRAINING_SET, True),
        ("held-out set (never tuned on)", HOLDOUT_SET, False),
        ("fresh set (written without seeing the keywords; never tuned on)", FRESH_SET, False),
    ]
    texts: list[str] = []
    for name, path, tuned in sets:
        rows = read_rows(path)
        misses = args.misses and tuned  # the held-out and fresh sets are only measured
        report(
            name,
            [
                ("keywords alone (before)", *evaluate(rows, before, taxonomy, False)),
                ("keywords + model (after)", *evaluate(rows, router, taxonomy, misses)),
            ],
        )
        texts += [row.text for row in rows]
    names = [category.zh for category in taxonomy.categories]
    routed = mean_ms(router.route, texts)
    baseline = mean_ms(lambda text: process.extractOne(text, names), texts)
    print(
        f"time per route    {routed:.3f} ms; baseline extractOne over category names "
        f"{baseline:.3f} ms; ratio {routed / baseline:.1f}x"
    )


if __name__ == "__main__":
    main()
