"""Every answer carries X-Request-ID: the caller's when it is sane, a new one otherwise."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient


def test_a_sane_request_id_sent_by_the_caller_comes_back(client: TestClient) -> None:
    answer = client.get("/api/v1/health", headers={"X-Request-ID": "lb-7f3a.42:9/x"})

    assert answer.headers["x-request-id"] == "lb-7f3a.42:9/x"


def test_a_request_without_an_id_gets_a_new_one_each_time(client: TestClient) -> None:
    first = client.get("/api/v1/health").headers["x-request-id"]
    second = client.get("/api/v1/health").headers["x-request-id"]

    assert re.fullmatch(r"[0-9a-f]{32}", first)
    assert first != second


def test_an_id_too_long_or_with_odd_characters_is_replaced(client: TestClient) -> None:
    long = client.get("/api/v1/health", headers={"X-Request-ID": "a" * 65})
    odd = client.get("/api/v1/health", headers={"X-Request-ID": 'x" injected=1'})

    assert re.fullmatch(r"[0-9a-f]{32}", long.headers["x-request-id"])
    assert re.fullmatch(r"[0-9a-f]{32}", odd.headers["x-request-id"])


def test_refusals_and_pages_carry_the_id_too(client: TestClient) -> None:
    refused = client.get("/api/v1/cases/HQ-261127-0001")
    page = client.get("/console/sign-in", headers={"X-Request-ID": "page-1"})

    assert refused.status_code == 401
    assert re.fullmatch(r"[0-9a-f]{32}", refused.headers["x-request-id"])
    assert page.headers["x-request-id"] == "page-1"
