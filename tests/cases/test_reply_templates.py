"""Reply templates are data that coordinators edit: checked, per category, read when changed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from backend.cases.reply_templates import load_reply_templates
from backend.errors import ConfigError
from backend.settings import DEFAULT_REPLY_TEMPLATES
from backend.taxonomy.models import Taxonomy

ONE = """
version: 1
templates:
  - {id: paid, category: arrears, zh: 已支付, en: Paid, text: 款项已支付。}
  - {id: any, category: "*", zh: 通用, en: General, text: 已处理。}
"""


def test_the_shipped_templates_load_and_serve_their_categories(taxonomy: Taxonomy) -> None:
    templates = load_reply_templates(DEFAULT_REPLY_TEMPLATES, taxonomy)

    arrears = [t.id for t in templates.for_category("arrears")]
    assert arrears[:2] == ["arrears_paid", "arrears_schedule"]
    assert "general_resolved" in arrears and "property_rectified" not in arrears


def test_a_category_gets_its_own_templates_first_then_those_for_all(
    tmp_path: Path, taxonomy: Taxonomy
) -> None:
    path = tmp_path / "templates.yaml"
    path.write_text(ONE, encoding="utf-8")

    templates = load_reply_templates(path, taxonomy)

    assert [t.id for t in templates.for_category("arrears")] == ["paid", "any"]
    assert [t.id for t in templates.for_category(None)] == ["any"]
    assert templates.find("paid", "enforcement") is None
    assert templates.find("paid", "arrears") is not None


def test_a_changed_file_is_read_again_without_a_restart(
    tmp_path: Path, taxonomy: Taxonomy
) -> None:
    path = tmp_path / "templates.yaml"
    path.write_text(ONE, encoding="utf-8")
    assert len(load_reply_templates(path, taxonomy).templates) == 2

    path.write_text(ONE.replace("  - {id: any", "  - {id: other"), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))

    assert [t.id for t in load_reply_templates(path, taxonomy).templates] == ["paid", "other"]


def test_a_missing_file_means_no_templates(tmp_path: Path, taxonomy: Taxonomy) -> None:
    assert load_reply_templates(tmp_path / "none.yaml", taxonomy).templates == ()


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (ONE.replace("category: arrears", "category: nowhere"), "unknown category nowhere"),
        (ONE.replace("id: any", "id: paid"), "template paid appears twice"),
        ("templates: [{id: x}]", "validation error"),
        ("templates: [", "while parsing"),
    ],
)
def test_a_broken_file_is_refused_with_what_is_wrong(
    tmp_path: Path, taxonomy: Taxonomy, content: str, problem: str
) -> None:
    path = tmp_path / "templates.yaml"
    path.write_text(content, encoding="utf-8")

    with pytest.raises(ConfigError) as refused:
        load_reply_templates(path, taxonomy)

    assert str(path) in str(refused.value) and problem in str(refused.value)
