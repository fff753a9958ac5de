"""Decision 10: the admission gate sheds what it cannot serve with 503 and recovers alone."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import httpx
from fastapi import FastAPI
from sqlalchemy import func
from sqlmodel import select

from backend.api.admission import is_gated
from backend.api.app import create_app
from backend.bootstrap import Container
from backend.capacity import Capacity
from backend.cases.models import Case
from backend.db import session_scope
from backend.settings import load_settings
from tests.api.helpers import ARREARS
from tests.conftest import Staff


def _one_at_a_time(container: Container) -> FastAPI:
    """The real app with a gate of one turn, and a route that holds its turn until released."""
    container.capacity = replace(container.capacity, in_flight=1, queue_wait=0.2)
    app = create_app(container)
    app.state.entered, app.state.release = asyncio.Event(), asyncio.Event()

    @app.get("/api/v1/hold")
    async def hold() -> dict[str, str]:
        app.state.entered.set()
        await app.state.release.wait()
        return {"held": "done"}

    return app


async def _while_held(app: FastAPI, *requests: httpx.Request) -> list[httpx.Response]:
    """Send the requests while another holds the only turn; then release it and ask again."""
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://intake") as client:
        holder = asyncio.create_task(client.get("/api/v1/hold"))
        await app.state.entered.wait()
        answers = [await client.send(r) for r in requests]
        app.state.release.set()
        answers.append(await holder)
        answers.append(await client.get("/api/v1/health"))  # after the overload: served again
    return answers


def test_a_request_that_gets_no_turn_is_refused_503_with_retry_after_and_writes_nothing(
    container: Container, staff: Staff
) -> None:
    app = _one_at_a_time(container)
    case = httpx.Request(
        "POST",
        "http://intake/api/v1/cases",
        json={"text": ARREARS},
        headers={**staff.coordinator, "Accept-Language": "zh-CN"},
    )
    english = httpx.Request("GET", "http://intake/api/v1/cases", headers=staff.coordinator)

    refused_zh, refused_en, held, health = asyncio.run(_while_held(app, case, english))

    assert refused_zh.status_code == 503
    assert refused_zh.headers["retry-after"] == "1"
    assert refused_zh.json() == {"detail": "系统繁忙，请稍后重试。", "code": "overloaded"}
    assert refused_en.status_code == 503
    assert refused_en.json()["detail"] == "The service is busy; please try again in a moment."
    assert held.json() == {"held": "done"}
    assert health.status_code == 200
    with session_scope(container.engine) as session:
        assert session.exec(select(func.count()).select_from(Case)).one() == 0


def test_a_request_admitted_says_how_long_it_waited_and_worked(
    container: Container, staff: Staff
) -> None:
    async def run() -> httpx.Response:
        transport = httpx.ASGITransport(app=create_app(container))
        async with httpx.AsyncClient(transport=transport, base_url="http://intake") as client:
            return await client.get("/api/v1/cases", headers=staff.coordinator)

    answer = asyncio.run(run())

    assert answer.status_code == 200
    queue, work = answer.headers["server-timing"].split(", ")
    assert queue.startswith("queue;dur=") and work.startswith("app;dur=")


def test_documentation_and_the_chat_page_never_wait_for_a_turn() -> None:
    assert not is_gated("/docs")
    assert not is_gated("/openapi.json")
    assert not is_gated("/chat")
    assert is_gated("/chat/api/messages")
    assert is_gated("/api/v1/cases")
    assert is_gated("/telegram/webhook")


def test_threads_and_connections_are_sized_from_the_admitted_requests() -> None:
    settings = load_settings(env="test", max_in_flight=12, queue_wait_seconds=2.5)

    sqlite = Capacity.of(settings, dialect="sqlite")
    postgres = Capacity.of(settings, dialect="postgresql")

    assert (sqlite.in_flight, sqlite.retry_after) == (12, 3)
    assert sqlite.threads > sqlite.in_flight
    assert sqlite.pool_size == 12 + sqlite.chat_turn_threads + sqlite.scheduler_jobs
    assert postgres.pool_size == 12 + 8 + postgres.scheduler_jobs
    assert sqlite.pool_options()["max_overflow"] == 0
