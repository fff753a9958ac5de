"""The benchmark's own routes (no-ops, a health token) exist only on the benchmark's server."""

from __future__ import annotations

from fastapi.testclient import TestClient

from backend.api.app import create_app
from backend.bootstrap import Container
from bench._server import bench_router


def test_the_production_app_has_no_benchmark_route(container: Container) -> None:
    paths = {getattr(route, "path", "") for route in create_app(container).routes}
    assert [path for path in paths if path.startswith("/bench")] == []


def test_the_benchmark_server_answers_its_token_and_both_no_ops(container: Container) -> None:
    app = create_app(container)
    app.include_router(bench_router("a token chosen by the benchmark"))
    with TestClient(app) as client:
        answers = [client.get(path).json() for path in ("/bench/sync", "/bench/async")]
        health = client.get("/bench/health").json()
    assert (answers, health) == (
        [{"ok": 1}, {"ok": 1}],
        {"token": "a token chosen by the benchmark"},
    )
