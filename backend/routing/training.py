"""The texts the routing model learns from: the configuration's words and a labelled set."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from backend.routing.examples import Example
from backend.settings import CONFIG_DIR
from backend.taxonomy.models import Taxonomy


def read_labelled(path: Path) -> list[Example]:
    """Read text<TAB>category[<TAB>street] lines, skipping comments and blank lines."""
    examples = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, category, *_ = line.split("\t")
        examples.append(Example(text, category.strip()))
    return examples


def shipped_examples(taxonomy: Taxonomy) -> list[Example]:
    """Return the labelled complaints shipped for this district, [] when there are none.

    They are `dialogs/config/<district code>_train.tsv` (text<TAB>category[<TAB>street],
    `#` comments), beside the default taxonomy file.
    """
    path = CONFIG_DIR / f"{taxonomy.district.code}_train.tsv"
    return read_labelled(path) if path.is_file() else []


def configured_examples(taxonomy: Taxonomy) -> list[Example]:
    """Return the configuration's own evidence as short texts: names, keywords, examples."""
    found: list[Example] = []
    for category in taxonomy.categories:
        if category.id == taxonomy.triage_category:
            found += [Example(text, category.id) for text in category.examples]
            continue
        texts = [category.zh, category.en, *category.keywords, *category.en_keywords]
        found += [Example(text, category.id) for text in [*texts, *category.examples]]
    return found


def training_examples(taxonomy: Taxonomy, labelled: Iterable[Example]) -> list[Example]:
    """Return what the model learns from: the configuration's texts and the labelled ones.

    Labelled texts of categories the taxonomy does not have are left out.
    """
    known = {category.id for category in taxonomy.categories}
    kept = [example for example in labelled if example.category in known and example.text]
    return configured_examples(taxonomy) + kept
