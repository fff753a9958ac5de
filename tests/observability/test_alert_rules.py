"""deploy/alerts.yml: valid Prometheus rules over metrics that /metrics really exposes."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from fastapi.testclient import TestClient

from tests.observability.conftest import scrape

ALERTS = Path(__file__).resolve().parents[2] / "deploy" / "alerts.yml"
DURATION = re.compile(r"\d+[smhdwy]")


def _rules() -> list[dict[str, Any]]:
    document = yaml.safe_load(ALERTS.read_text(encoding="utf-8"))
    assert set(document) == {"groups"}
    rules: list[dict[str, Any]] = []
    for group in document["groups"]:
        assert set(group) == {"name", "rules"}
        rules += group["rules"]
    return rules


def test_the_alert_rules_file_is_valid_yaml_in_prometheus_rule_shape() -> None:
    for rule in _rules():
        assert set(rule) <= {"alert", "expr", "for", "labels", "annotations"}, rule
        assert isinstance(rule["expr"], str) and rule["expr"].strip()
        assert DURATION.fullmatch(str(rule.get("for", "0s"))), rule["alert"]
        assert rule["labels"]["severity"] in {"warning", "critical"}
        assert rule["annotations"]["summary"]
        assert rule["expr"].count("(") == rule["expr"].count(")"), rule["alert"]


def test_the_rules_cover_what_the_operators_asked_for() -> None:
    expressions = {rule["alert"]: rule["expr"] for rule in _rules()}

    assert "intake_clocks_overdue offset 1d" in expressions["IntakeOverdueClocksGrowing"]
    assert "intake_outbox_oldest_age_seconds) > 15 * 60" in expressions["IntakeOutboxStuck"]
    assert "> 5 * 60" in expressions["IntakeSchedulerNotSweeping"]
    assert 'status=~"5.."' in expressions["IntakeServerErrors"]
    assert "intake_http_requests_shed_total" in expressions["IntakeSheddingLoad"]
    assert "intake_channels_failing" in expressions["IntakeChannelFailing"]


def test_every_metric_an_alert_reads_is_exposed(local_client: TestClient) -> None:
    families = scrape(local_client)  # a family without samples yet is listed all the same
    suffixes = {"counter": ["_total"], "histogram": ["_bucket", "_count", "_sum"]}
    exposed = {
        name + suffix
        for name, family in families.items()
        for suffix in ["", *suffixes.get(family.type, [])]
    }

    read = {name for rule in _rules() for name in re.findall(r"intake_\w+", rule["expr"])}

    assert sorted(read - exposed) == []
