"""The labelled development complaints in ../shared/reference (text, category, street)."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

DEV_SET = Path(__file__).resolve().parents[3] / "shared" / "reference" / "routing_dev.tsv"


class Row(NamedTuple):
    text: str
    category: str
    street: str | None


def dev_rows() -> list[Row]:
    """Read the labelled complaints; fail, never skip, when the file is missing."""
    assert DEV_SET.is_file(), f"the labelled development set is missing: {DEV_SET}"
    rows = []
    for line in DEV_SET.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, category, *rest = line.split("\t")
        street = rest[0].strip() if rest else ""
        rows.append(Row(text, category.strip(), street or None))
    assert len(rows) >= 30, f"{DEV_SET} holds only {len(rows)} rows"
    return rows
