"""Liveness and readiness for the load balancer: /api/v1/health and /api/v1/ready."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime

import httpx
import pytest
from alembic import command
from fastapi.testclient import TestClient

from backend.api.app import create_app
from backend.bootstrap import Container, build
from backend.migrate import alembic_config
from backend.settings import Settings
from tests.fakes import FakeClock

OLDER_REVISION = "0013"


@pytest.fixture
def older_schema(settings: Settings) -> Iterator[None]:
    """The database marked as one migration behind the code, put back afterwards."""
    config = alembic_config(settings.database_url)
    command.stamp(config, OLDER_REVISION, purge=True)
    yield
    command.stamp(config, "head", purge=True)


def test_a_current_database_is_ready_with_each_check_ok(client: TestClient) -> None:
    response = client.get("/api/v1/ready")
    assert (response.status_code, response.json()) == (
        200,
        {
            "status": "ready",
            "checks": {"database": "ok", "migrations": "ok", "calendar": "ok"},
            "notes": [],
        },
    )


def test_a_database_behind_the_migrations_is_not_ready_and_says_so(
    client: TestClient, older_schema: None
) -> None:
    english = client.get("/api/v1/ready")
    chinese = client.get("/api/v1/ready", headers={"Accept-Language": "zh-CN"})

    assert english.status_code == 503
    assert english.json() == {
        "detail": "The database schema is not the newest: run `intake db upgrade`.",
        "code": "not_ready",
        "failed": ["migrations"],
        "checks": {"database": "ok", "migrations": "failed", "calendar": "ok"},
    }
    assert chinese.json()["detail"] == "数据库结构不是最新版本，请运行 intake db upgrade。"
    assert client.get("/api/v1/health").status_code == 200


def test_a_calendar_that_does_not_cover_today_stays_ready_and_says_its_dates_are_provisional(
    client: TestClient, clock: FakeClock
) -> None:
    # An operator's review, 2026-12-02: on 1 January every instance left the balancer (and
    # compose's nginx never started) until someone entered the new year's holidays, though
    # deadlines are worked out provisionally for an unknown year (DOMAIN) and all else works.
    clock.current = datetime(2027, 1, 4, 2, 0, tzinfo=UTC)  # the fake calendar stops at 2026

    response = client.get("/api/v1/ready", headers={"Accept-Language": "zh"})

    assert response.status_code == 200
    assert response.json()["checks"]["calendar"] == "provisional"
    assert response.json()["notes"] == [
        "工作日日历未覆盖今天所在年份，期限暂按估算计算：请录入该年的节假日安排。"
    ]
    assert client.get("/api/v1/health").json() == {"status": "ok"}


def test_an_unreachable_database_is_not_ready_while_the_process_stays_alive(
    settings: Settings,
) -> None:
    closed_port = "postgresql+psycopg://nobody@127.0.0.1:9/none?connect_timeout=2"
    nowhere = settings.model_copy(update={"database_url": closed_port})
    container = build(nowhere, clock=FakeClock())
    with TestClient(create_app(container)) as client:
        ready = client.get("/api/v1/ready")
        health = client.get("/api/v1/health")
    container.engine.dispose()

    assert (ready.status_code, ready.json()["failed"]) == (503, ["database"])
    assert ready.json()["checks"] == {  # not asked: no advice to upgrade or enter holidays
        "database": "failed",
        "migrations": "unknown",
        "calendar": "unknown",
    }
    assert ready.json()["detail"] == "The database does not answer."
    assert (health.status_code, health.json()) == (200, {"status": "ok"})


def test_health_and_ready_answer_while_every_turn_of_the_gate_is_taken(
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

    async def run() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://intake") as client:
            holder = asyncio.create_task(client.get("/api/v1/hold"))
            await entered.wait()
            answers = [
                await client.get("/api/v1/cases"),
                await client.get("/api/v1/health"),
                await client.get("/api/v1/ready"),
            ]
            release.set()
            await holder
        return answers

    gated, health, ready = asyncio.run(run())

    assert gated.status_code == 503
    assert (health.status_code, ready.status_code) == (200, 200)
