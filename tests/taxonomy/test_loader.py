"""The routing configuration: the default covers the reference ids; broken files are refused."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from backend.errors import ConfigError
from backend.settings import DEFAULT_TAXONOMY
from backend.taxonomy.loader import load_taxonomy
from backend.taxonomy.models import Taxonomy

REFERENCE_IDS = Path(__file__).resolve().with_name("reference_ids.yaml")


def test_default_configuration_covers_every_reference_id_with_the_same_owner(
    taxonomy: Taxonomy,
) -> None:
    reference = yaml.safe_load(REFERENCE_IDS.read_text(encoding="utf-8"))
    assert {d.code for d in taxonomy.departments} == set(reference["departments"])
    assert {s.code for s in taxonomy.streets} == set(reference["streets"])
    assert {c.id: c.owner for c in taxonomy.categories} == reference["categories"]


def test_every_category_but_triage_has_keywords(taxonomy: Taxonomy) -> None:
    empty = [c.id for c in taxonomy.categories if not c.keywords and c.id != "other"]
    assert empty == []


def write(tmp_path: Path, mutate: object) -> Path:
    data = yaml.safe_load(DEFAULT_TAXONOMY.read_text(encoding="utf-8"))
    mutate(data)  # type: ignore[operator]
    path = tmp_path / "taxonomy.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def refusal(path: Path) -> str:
    with pytest.raises(ConfigError) as caught:
        load_taxonomy(path)
    return str(caught.value)


def test_unknown_owner_is_refused_naming_the_entry(tmp_path: Path) -> None:
    path = write(tmp_path, lambda d: d["categories"][0].update(owner="nobody"))
    assert (
        refusal(path) == f"{path}: entry 'procurement': unknown owner 'nobody' "
        "(a department code or 'street')"
    )


def test_duplicate_category_id_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, lambda d: d["categories"].append(dict(d["categories"][0])))
    assert "entry 'procurement': duplicate category id" in refusal(path)


def test_duplicate_street_code_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, lambda d: d["streets"].append({"code": "fgw", "zh": "假街道"}))
    assert "entry 'fgw': duplicate department or street code" in refusal(path)


def test_missing_field_is_refused_naming_the_entry(tmp_path: Path) -> None:
    path = write(tmp_path, lambda d: d["categories"][2].pop("owner"))
    assert "entry 'bidding' (categories #3): categories.2.owner: Field required" in refusal(path)


def test_unknown_lead_office_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, lambda d: d.update(lead_office="xyz"))
    assert "lead_office 'xyz': not a department code" in refusal(path)


def test_bad_yaml_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("departments:\n  - {code: fgw, zh: x\ncategories: [\n", encoding="utf-8")
    message = refusal(path)
    assert message.startswith(f"{path}: bad YAML: line ")


def test_missing_file_and_wrong_shape_are_refused(tmp_path: Path) -> None:
    assert refusal(tmp_path / "absent.yaml") == f"{tmp_path / 'absent.yaml'}: file not found"
    listy = tmp_path / "list.yaml"
    listy.write_text("- a\n- b\n", encoding="utf-8")
    assert "top level must be a mapping" in refusal(listy)
