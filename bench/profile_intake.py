"""Profile `POST /api/v1/cases` in one thread: where the intake's CPU goes, without the server.

The real app on a fresh SQLite file (or `--postgres URL`), driven through ASGI in-process
with the thread pool replaced by direct calls, so that cProfile sees the endpoint, its
dependencies and FastAPI's work on one thread; uvicorn's HTTP parsing (the same for every
endpoint) is left out. Prints CPU ms per request of a named filing, an anonymous one and the
sync no-op, then the profile of the named filings (`--sort tottime|cumulative`, `--top N`).

Run: `.venv/bin/python bench/profile_intake.py [--requests 500] [--anonymous]`.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import anyio.to_thread

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from backend.api.app import create_app  # noqa: E402
from backend.bootstrap import build, prepare_database  # noqa: E402
from backend.settings import load_settings  # noqa: E402
from bench._database import coordinator_token, fresh_database  # noqa: E402
from bench._server import bench_router  # noqa: E402

TEXT = "区里的项目做完了，工程款一直拖欠不付，已经拖了半年（第{n}次）"


async def _direct(func: Callable[..., Any], *args: Any, **_kwargs: Any) -> Any:
    return func(*args)


def _caller(app: Any, token: str) -> Callable[[str, str, bytes], int]:
    """Return a function that sends one request through the app and returns its status."""
    loop = asyncio.new_event_loop()

    def call(method: str, path: str, body: bytes) -> int:
        headers = [
            (b"host", b"bench"),
            (b"authorization", f"Bearer {token}".encode()),
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
        ]
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": method,
            "scheme": "http",
            "path": path,
            "raw_path": path.encode(),
            "query_string": b"",
            "root_path": "",
            "headers": headers,
            "client": ("127.0.0.1", 1),
            "server": ("127.0.0.1", 80),
            "app": app,
        }
        sent = [False]
        status = [0]

        async def receive() -> dict[str, Any]:
            if sent[0]:
                return {"type": "http.disconnect"}
            sent[0] = True
            return {"type": "http.request", "body": body, "more_body": False}

        async def send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]

        loop.run_until_complete(app(scope, receive, send))
        return status[0]

    return call


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres")
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--sort", default="tottime")
    parser.add_argument("--top", type=int, default=45)
    parser.add_argument("--anonymous", action="store_true", help="profile anonymous filings")
    parser.add_argument("--out", help="also dump the profile to this file")
    args = parser.parse_args()
    anyio.to_thread.run_sync = _direct  # type: ignore[assignment]
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        url = fresh_database(folder, "profile", args.postgres)
        token = coordinator_token(url, folder)
        container = build(load_settings(database_url=url, data_dir=folder / "var"))
        prepare_database(container)
        app = create_app(container)
        app.include_router(bench_router(""))
        call = _caller(app, token)
        counter = iter(range(10**9))

        def named() -> int:
            body = {
                "text": TEXT.format(n=next(counter)),
                "reporter": {"name": "张三", "phone": "13800000000"},
            }
            return call("POST", "/api/v1/cases", json.dumps(body).encode())

        def anonymous() -> int:
            body = {"text": TEXT.format(n=next(counter))}
            return call("POST", "/api/v1/cases", json.dumps(body).encode())

        def noop() -> int:
            return call("GET", "/bench/sync", b"")

        sides = {"sync no-op": noop, "POST named": named, "POST anonymous": anonymous}
        for side in sides.values():  # warm-up
            for _ in range(50):
                assert side() in (200, 201)
        spent: dict[str, list[float]] = {label: [] for label in sides}
        for _ in range(args.rounds):  # alternating: the machine's load touches every side
            for label, side in sides.items():
                began = time.process_time()
                for _ in range(args.requests // args.rounds):
                    side()
                spent[label].append(
                    (time.process_time() - began) * 1000 / (args.requests // args.rounds)
                )
        for label, values in spent.items():
            low, middle = min(values), statistics.median(values)
            print(f"{label:16} {low:7.3f} ms CPU per request (min), {middle:7.3f} (median)")
        profiled = anonymous if args.anonymous else named
        profile = cProfile.Profile(time.process_time)  # CPU: the machine is shared
        profile.enable()
        for _ in range(args.requests):
            profiled()
        profile.disable()
        if args.out:
            profile.dump_stats(args.out)
        stats = pstats.Stats(profile)
        stats.sort_stats(args.sort).print_stats(args.top)
        container.engine.dispose()


if __name__ == "__main__":
    main()
