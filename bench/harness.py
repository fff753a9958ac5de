"""What every HTTP benchmark here shares: a server it started, load from another process.

- `BenchServer` starts `bench/_server.py` (the real app plus a health route carrying a token
  chosen here, and sync and async no-op routes) on a random port, pinned to one core, and
  refuses to measure until that port answers with that token.
- `load` drives it from a separate process on the other core: `wrk` (Debian's package) when
  it is installed, else `bench/_client.py`, a Python client process. Either reports
  requests per second, the 99th percentile latency and the answers that were not 2xx.
- `rounds` alternates the sides of each ratio round by round (A B A B ...), so a machine
  that slows down or speeds up during the run moves both sides alike; `summary` gives the
  min and the median of the rounds.

No loop is unbounded: every load lasts a fixed number of seconds, every wait has a deadline.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
SERVER_CORE, CLIENT_CORE = 0, 1


def cores() -> tuple[set[int], set[int]]:
    """Return the cores of the server and of the load generator (apart when there are two)."""
    available = sorted(os.sched_getaffinity(0))
    if len(available) < 2:
        return set(available), set(available)
    return {available[SERVER_CORE]}, {available[CLIENT_CORE]}


def free_port() -> int:
    """Return a port nobody listens on right now (checked again by the health token)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class BenchServer:
    """`bench/_server.py` in a child process, pinned to the server's core."""

    def __init__(self, database_url: str, core: set[int] | None = None) -> None:
        self.port = free_port()
        self.token = secrets.token_hex(16)
        self.base = f"http://127.0.0.1:{self.port}"
        script = str(Path(__file__).with_name("_server.py"))
        self.process = subprocess.Popen(
            [sys.executable, script, database_url, str(self.port), self.token], cwd=ROOT
        )
        os.sched_setaffinity(self.process.pid, core if core is not None else cores()[0])
        try:
            self._wait_for_health()
        except BaseException:
            self.stop()
            raise

    def _wait_for_health(self) -> None:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit("the benchmark server exited before answering")
            try:
                answer = httpx.get(f"{self.base}/bench/health", timeout=2)
            except httpx.HTTPError:
                time.sleep(0.3)
                continue
            if answer.status_code == 200 and answer.json().get("token") == self.token:
                return
            raise SystemExit(f"port {self.port} answers, but not as the server started here")
        raise SystemExit("the benchmark server did not start within 300 s")

    def cpu_seconds(self) -> float:
        """Return the CPU time the server process used so far (user and system, all threads)."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        """Stop the server and wait for it."""
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=30)

    def __enter__(self) -> BenchServer:
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()


@dataclass(frozen=True)
class Request:
    """What the load generator sends: a path, and for a POST a JSON body template.

    In `body`, `{n}` is replaced by a number unique to the request (texts differ, as real
    complaints do); `headers` go with every request.
    """

    path: str
    method: str = "GET"
    body: str | None = None
    headers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Result:
    """One load's outcome."""

    rps: float
    p99_ms: float
    requests: int
    failed: int  # answers not 2xx, and connection errors


def generator() -> str:
    """Return which load generator runs: wrk when installed, else the Python client."""
    return "wrk" if shutil.which("wrk") else "python client process (wrk not installed)"


def load(
    base: str, request: Request, *, seconds: float, connections: int, core: set[int] | None = None
) -> subprocess.Popen[str]:
    """Start a load against the server in a process of its own; `finish` reads its result."""
    pinned = core if core is not None else cores()[1]
    if shutil.which("wrk"):
        command = _wrk_command(base, request, seconds, connections)
    else:
        spec = json.dumps({**request.__dict__, "headers": list(request.headers)})
        client = str(Path(__file__).with_name("_client.py"))
        command = [sys.executable, client, base, spec, str(seconds), str(connections)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    os.sched_setaffinity(process.pid, pinned)
    return process


def finish(process: subprocess.Popen[str], *, allow_failures: bool = False) -> Result:
    """Wait for a load to end and return its result; refuse one with failed requests."""
    out, _ = process.communicate(timeout=600)
    line = [x for x in out.splitlines() if x.startswith("{")][-1]
    data = json.loads(line)
    result = Result(
        float(data["rps"]), float(data["p99_ms"]), int(data["requests"]), int(data["failed"])
    )
    if result.failed and not allow_failures:
        raise SystemExit(f"{result.failed} of {result.requests} requests failed: {line}")
    return result


def measure(base: str, request: Request, *, seconds: float, connections: int) -> Result:
    """Run one load to its end and return its result."""
    return finish(load(base, request, seconds=seconds, connections=connections))


_LUA = """
local counter = 0
local body = %(body)s
local next_id = 0
setup = function(thread)
  next_id = next_id + 1
  thread:set("thread_id", next_id)
end
wrk.method = %(method)s
%(headers)s
request = function()
  counter = counter + 1
  if body == nil then return wrk.format(nil, %(path)s) end
  local n = tostring(thread_id or 0) .. "0" .. tostring(counter) .. tostring(math.random(100000))
  return wrk.format(nil, %(path)s, nil, (string.gsub(body, "{n}", n)))
end
done = function(summary, latency, requests)
  local failed = summary.errors.status + summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout
  io.write(string.format('{"rps": %%.3f, "p99_ms": %%.3f, "requests": %%d, "failed": %%d}\\n',
    summary.requests / (summary.duration / 1e6), latency:percentile(99) / 1000,
    summary.requests, failed))
end
"""


def _lua_string(value: str) -> str:
    return "[==[" + value + "]==]"


def _wrk_command(base: str, request: Request, seconds: float, connections: int) -> list[str]:
    headers = list(request.headers)
    if request.body is not None:
        headers.append(("Content-Type", "application/json"))
    script = _LUA % {
        "body": _lua_string(request.body) if request.body is not None else "nil",
        "method": _lua_string(request.method),
        "path": _lua_string(request.path),
        "headers": "\n".join(
            f"wrk.headers[ {_lua_string(k)} ] = {_lua_string(v)}" for k, v in headers
        ),
    }
    folder = Path(tempfile.mkdtemp(prefix="intake-bench-"))
    path = folder / "load.lua"
    path.write_text(script, encoding="utf-8")
    threads = min(connections, 2)
    duration = f"{max(1, round(seconds))}s"
    return [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}",
        "--timeout",
        "30s",
        "-s",
        str(path),
        base,
    ]


def rounds(sides: dict[str, Callable[[], float]], count: int) -> dict[str, list[float]]:
    """Measure each side once per round, alternating them, for `count` rounds."""
    figures: dict[str, list[float]] = {name: [] for name in sides}
    for index in range(count):
        order = list(sides) if index % 2 == 0 else list(reversed(sides))
        for name in order:
            figures[name].append(sides[name]())
    return figures


def summary(values: Sequence[float]) -> str:
    """Return 'min X, median Y' of a figure's rounds."""
    return f"min {min(values):9.2f}, median {statistics.median(values):9.2f}"


def ratio_summary(top: Sequence[float], bottom: Sequence[float]) -> tuple[float, float]:
    """Return the ratio of the medians and the worst ratio of paired rounds."""
    paired = [a / b for a, b in zip(top, bottom, strict=True)]
    return statistics.median(top) / statistics.median(bottom), min(paired)
