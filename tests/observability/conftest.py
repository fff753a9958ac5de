"""Fixtures for metrics and logs: a client on the loopback address, a scrape parsed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from prometheus_client.metrics_core import Metric
from prometheus_client.parser import text_string_to_metric_families

from backend.api.app import create_app
from backend.bootstrap import Container

LOOPBACK = ("127.0.0.1", 50000)


@pytest.fixture
def local_client(container: Container) -> Iterator[TestClient]:
    """A client of the whole API whose requests come from 127.0.0.1, as a local scraper's."""
    with TestClient(create_app(container), client=LOOPBACK) as test_client:
        yield test_client


def scrape(client: TestClient, **headers: str) -> dict[str, Metric]:
    """GET /metrics, check it is the Prometheus text format, and return its families by name."""
    response = client.get("/metrics", headers=headers)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain; version=0.0.4")  # classic
    return {family.name: family for family in text_string_to_metric_families(response.text)}


def value(families: dict[str, Metric], sample: str, **labels: str) -> float | None:
    """Return the value of the sample with exactly these labels (None when absent)."""
    family = families.get(sample.removesuffix("_total").removesuffix("_count"))
    for candidate in family.samples if family is not None else []:
        if candidate.name == sample and candidate.labels == labels:
            return float(candidate.value)
    return None


def labelsets(families: dict[str, Metric], sample: str) -> list[dict[str, str]]:
    """Return the label sets of a sample, in the order scraped."""
    family = families.get(sample.removesuffix("_total").removesuffix("_count"))
    return [s.labels for s in (family.samples if family else []) if s.name == sample]
