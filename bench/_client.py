"""The load generator when wrk is not installed: a Python process, pinned apart by its parent.

Usage: `python bench/_client.py BASE SPEC_JSON SECONDS CONNECTIONS`; prints one JSON line with
requests per second, the 99th percentile latency in ms, the count and the failures. One
thread per connection, each with a keep-alive connection of its own, sending back to back.
"""

from __future__ import annotations

import http.client
import itertools
import json
import statistics
import sys
import threading
import time
from urllib.parse import urlsplit


def main() -> None:
    base, spec, seconds, connections = (
        sys.argv[1],
        json.loads(sys.argv[2]),
        float(sys.argv[3]),
        int(sys.argv[4]),
    )
    host = urlsplit(base)
    headers = dict(spec["headers"])
    if spec.get("body") is not None:
        headers["Content-Type"] = "application/json"
    numbers = itertools.count(1)
    latencies: list[list[float]] = [[] for _ in range(connections)]
    failed = [0] * connections
    deadline = time.monotonic() + seconds

    hostname = host.hostname or "127.0.0.1"

    def loop(index: int) -> None:
        connection = http.client.HTTPConnection(hostname, host.port, timeout=30)
        while time.monotonic() < deadline:
            body = spec.get("body")
            data = body.replace("{n}", str(next(numbers))).encode() if body else None
            began = time.perf_counter()
            try:
                connection.request(spec["method"], spec["path"], body=data, headers=headers)
                answer = connection.getresponse()
                answer.read()
                ok = 200 <= answer.status < 300
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection(hostname, host.port, timeout=30)
                ok = False
            latencies[index].append(time.perf_counter() - began)
            failed[index] += 0 if ok else 1
        connection.close()

    began = time.monotonic()
    threads = [threading.Thread(target=loop, args=(i,)) for i in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - began
    every = sorted(x for part in latencies for x in part)
    p99 = statistics.quantiles(every, n=100)[98] if len(every) >= 2 else (every or [0.0])[0]
    result = {
        "rps": len(every) / elapsed,
        "p99_ms": p99 * 1000,
        "requests": len(every),
        "failed": sum(failed),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
