"""Who may read /metrics: internal addresses, a token when one is set; and under overload."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from ipaddress import ip_network

import httpx
from fastapi.testclient import TestClient
from pydantic import SecretStr

from backend.api.app import create_app
from backend.bootstrap import Container
from tests.observability.conftest import LOOPBACK, scrape, value

TOKEN = "s3cr3t-metrics-token-0123456789"


def _client(container: Container, address: str = LOOPBACK[0], **settings: object) -> TestClient:
    container.settings = container.settings.model_copy(update=settings)
    return TestClient(create_app(container), client=(address, 50000))


def test_the_metrics_answer_the_machine_itself_by_default(container: Container) -> None:
    with _client(container) as client:
        assert client.get("/metrics").status_code == 200


def test_another_address_is_refused_403_in_the_callers_language(container: Container) -> None:
    with _client(container, "203.0.113.7") as client:
        answer = client.get("/metrics", headers={"Accept-Language": "zh-CN"})

    assert answer.status_code == 403
    assert answer.json()["code"] == "metrics_forbidden"
    assert "INTAKE_METRICS_NETWORKS" in answer.json()["detail"]
    assert "内部地址" in answer.json()["detail"]


def test_a_network_named_in_the_setting_is_served(container: Container) -> None:
    networks = [ip_network("10.0.0.0/8")]
    with _client(container, "10.1.2.3", metrics_networks=networks) as client:
        assert client.get("/metrics").status_code == 200


def test_a_request_that_came_through_a_proxy_is_refused_even_from_loopback(
    container: Container,
) -> None:
    with _client(container) as client:
        answer = client.get("/metrics", headers={"X-Forwarded-For": "198.51.100.1"})
        also = client.get("/metrics", headers={"X-Real-IP": "198.51.100.1"})

    assert (answer.status_code, also.status_code) == (403, 403)


def test_with_a_token_set_the_metrics_need_it_as_a_bearer_token(container: Container) -> None:
    with _client(container, metrics_token=SecretStr(TOKEN)) as client:
        missing = client.get("/metrics")
        wrong = client.get("/metrics", headers={"Authorization": "Bearer not-the-token"})
        right = client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})

    assert (missing.status_code, wrong.status_code, right.status_code) == (401, 401, 200)
    assert missing.headers["www-authenticate"] == "Bearer"
    assert missing.json()["code"] == "metrics_token_required"
    assert "intake_http_requests_total" in right.text


def test_a_token_does_not_open_the_metrics_to_an_address_outside_the_networks(
    container: Container,
) -> None:
    with _client(container, "203.0.113.7", metrics_token=SecretStr(TOKEN)) as client:
        answer = client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})

    assert answer.status_code == 403


def test_metrics_is_not_in_the_api_documentation(local_client: TestClient) -> None:
    assert "/metrics" not in local_client.get("/openapi.json").json()["paths"]


def test_the_metrics_answer_while_the_gate_sheds_load_and_count_what_it_shed(
    container: Container,
) -> None:
    container.capacity = replace(container.capacity, in_flight=1, queue_wait=0.2)
    app = create_app(container)
    entered, release = asyncio.Event(), asyncio.Event()

    @app.get("/api/v1/hold")
    async def hold() -> dict[str, str]:
        entered.set()
        await release.wait()
        return {"held": "done"}

    async def scenario() -> tuple[httpx.Response, httpx.Response]:
        transport = httpx.ASGITransport(app=app)  # its requests come from 127.0.0.1
        async with httpx.AsyncClient(transport=transport, base_url="http://intake") as client:
            holder = asyncio.create_task(client.get("/api/v1/hold"))
            await entered.wait()
            shed = await client.get("/api/v1/categories")  # gated; health is not
            metrics = await client.get("/metrics")
            release.set()
            await holder
        return shed, metrics

    shed, metrics = asyncio.run(scenario())

    assert shed.status_code == 503
    assert len(shed.headers["x-request-id"]) == 32
    assert metrics.status_code == 200
    with TestClient(app, client=LOOPBACK) as client:
        families = scrape(client)
    assert value(families, "intake_http_requests_shed_total") == 1.0
    labels = {"method": "GET", "route": "shed", "status": "503"}
    assert value(families, "intake_http_requests_total", **labels) == 1.0
