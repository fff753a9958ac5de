"""The labelled complaints the routing tests read (text, category, street), all in this folder."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).resolve().parent
LABELLED_SET = HERE / "labelled.tsv"
EVERYDAY_SET = HERE / "everyday.tsv"
TUNING_SET = HERE / "tuning.tsv"


class Row(NamedTuple):
    text: str
    category: str
    street: str | None


def labelled_rows() -> list[Row]:
    """Read the project's labelled complaints, written apart from the keyword tuning."""
    return read_rows(LABELLED_SET)


def everyday_rows() -> list[Row]:
    """Read the complaints in everyday words the keywords and thresholds were tuned on."""
    return read_rows(EVERYDAY_SET)


def tuning_rows() -> list[Row]:
    """Read the complaints written for the unit-certain rule (issue 12), many of two matters."""
    return read_rows(TUNING_SET)


def read_rows(path: Path) -> list[Row]:
    """Read text<TAB>category[<TAB>street] lines, skipping comments and blank lines."""
    assert path.is_file(), f"the labelled set is missing: {path}"
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, category, *rest = line.split("\t")
        street = rest[0].strip() if rest else ""
        rows.append(Row(text, category.strip(), street or None))
    assert len(rows) >= 30, f"{path} holds only {len(rows)} rows"
    return rows
