"""Request counts and latencies per route template, in the Prometheus text format."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.conftest import Staff
from tests.observability.conftest import labelsets, scrape, value


def test_requests_are_counted_by_the_routes_template_not_the_raw_path(
    local_client: TestClient, staff: Staff
) -> None:
    for number in ("HQ-261127-0001", "HQ-261127-0002", "HQ-261127-0003"):
        local_client.get(f"/api/v1/cases/{number}", headers=staff.coordinator)

    families = scrape(local_client)

    route = "/api/v1/cases/{number}"
    assert value(
        families, "intake_http_requests_total", method="GET", route=route, status="404"
    ) == (3.0)
    assert (
        value(families, "intake_http_request_duration_seconds_count", method="GET", route=route)
        == 3.0
    )
    routes = {labels["route"] for labels in labelsets(families, "intake_http_requests_total")}
    assert not any("HQ-" in r for r in routes)


def test_a_path_no_route_serves_is_counted_as_unmatched(local_client: TestClient) -> None:
    local_client.get("/no/such/place/1")
    local_client.get("/no/such/place/2")

    families = scrape(local_client)

    labels = {"method": "GET", "route": "unmatched", "status": "404"}
    assert value(families, "intake_http_requests_total", **labels) == 2.0


def test_console_pages_are_counted_under_the_mounts_prefix(local_client: TestClient) -> None:
    local_client.get("/console/sign-in")

    families = scrape(local_client)

    assert (
        value(
            families,
            "intake_http_requests_total",
            method="GET",
            route="/console/sign-in",
            status="200",
        )
        == 1.0
    )


def test_the_latency_histogram_has_buckets_up_to_infinity(local_client: TestClient) -> None:
    local_client.get("/api/v1/health")

    families = scrape(local_client)

    buckets = [
        s
        for s in families["intake_http_request_duration_seconds"].samples
        if s.name.endswith("_bucket") and s.labels.get("route") == "/api/v1/health"
    ]
    assert buckets[-1].labels["le"] == "+Inf"
    assert buckets[-1].value == 1.0


def test_open311_routes_are_counted_with_their_format_as_a_parameter(
    local_client: TestClient,
) -> None:
    local_client.get("/open311/v2/services.json")
    local_client.get("/open311/v2/services.xml")
    local_client.get("/open311/v2/services.anything-a-client-sends")
    local_client.get("/open311/v2/requests/HQ-261127-0001.json")

    families = scrape(local_client)

    routes = {labels["route"] for labels in labelsets(families, "intake_http_requests_total")}
    assert "/open311/v2/services.{fmt}" in routes
    assert "/open311/v2/requests/{service_request_id}.{fmt}" in routes
    assert not any(r.endswith((".json", ".xml", "anything-a-client-sends")) for r in routes)


def test_static_files_are_counted_under_their_mounts_template(local_client: TestClient) -> None:
    local_client.get("/console/static/no-such-file.css")
    local_client.get("/console/static/another.js")

    families = scrape(local_client)

    labels = {"method": "GET", "route": "/console/static/{path}", "status": "404"}
    assert value(families, "intake_http_requests_total", **labels) == 2.0
