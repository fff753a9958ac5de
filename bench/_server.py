"""A real uvicorn server over the real app, plus the benchmark's own routes.

Usage: `python bench/_server.py DATABASE_URL PORT [TOKEN]`. The database must be upgraded.
The extra routes exist only here, never in the production app (`create_app` knows nothing of
them):

- `GET /bench/health` answers `{"token": TOKEN}`: the benchmark checks it talks to the server
  it started (a random port could be taken by another process between its choice and now);
- `GET /bench/sync` and `GET /bench/async`: no-op endpoints, one run in the thread pool like
  every `def` endpoint of the app, one on the event loop, as the references of the ratios;
- `GET /bench/ping`: the sync no-op under its older name (other benchmarks use it).
"""

from __future__ import annotations

import sys
from pathlib import Path

import uvicorn
from fastapi import APIRouter

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from backend.api.app import create_app  # noqa: E402
from backend.bootstrap import build, prepare_database  # noqa: E402
from backend.settings import load_settings  # noqa: E402
from bot.serve import freeze_heap  # noqa: E402


def bench_router(token: str) -> APIRouter:
    """Return the routes only the benchmark server has."""
    router = APIRouter(prefix="/bench", tags=["bench"])

    @router.get("/health")
    def health() -> dict[str, str]:
        return {"token": token}

    @router.get("/sync")
    @router.get("/ping")
    def sync_noop() -> dict[str, int]:
        return {"ok": 1}

    @router.get("/async")
    async def async_noop() -> dict[str, int]:
        return {"ok": 1}

    return router


def main() -> None:
    database_url, port = sys.argv[1], int(sys.argv[2])
    token = sys.argv[3] if len(sys.argv) > 3 else ""
    container = build(load_settings(database_url=database_url))
    prepare_database(container)
    app = create_app(container)
    app.include_router(bench_router(token))
    freeze_heap()  # as `intake run` does before it serves
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


if __name__ == "__main__":
    main()
