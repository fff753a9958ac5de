"""nginx from the operating system, run as the current user with a configuration of its own.

The test's configuration balances the given instances with the same proxy settings as the
production site file (`deploy/nginx/intake-proxy.conf` is included as it is).
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import subprocess
import time
from collections import Counter
from pathlib import Path

import httpx
import pytest

from tests.durability.server_process import REPO, free_port

PROXY_SETTINGS = REPO / "deploy" / "nginx" / "intake-proxy.conf"
START_TIMEOUT = 30.0
REQUIRED = os.environ.get("INTAKE_TEST_REQUIRE_NGINX", "").strip() not in ("", "0")


def nginx_binary() -> str:
    """Return the nginx executable; fail in CI (INTAKE_TEST_REQUIRE_NGINX), skip elsewhere."""
    found = shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if os.access(p, os.X_OK)), None
    )
    if found is None:
        message = "nginx is not installed (apt-get install nginx; .ci/run installs it)"
        if REQUIRED:
            pytest.fail(f"INTAKE_TEST_REQUIRE_NGINX is set but {message}")
        pytest.skip(message)
    return found


def http_block_top(folder: Path) -> str:
    """Return a configuration's start up to inside `http {`: every file nginx writes in folder."""
    # As root nginx would hand its workers to `nobody`, who cannot write in a private folder.
    user = f"user {pwd.getpwuid(os.geteuid()).pw_name};\n" if os.geteuid() == 0 else ""
    temp = "".join(
        f"    {name}_temp_path {folder / name};\n"
        for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return (
        f"{user}worker_processes 1;\n"
        f"error_log {folder / 'error.log'} warn;\n"
        "events { worker_connections 1024; }\n"
        "http {\n"
        f"{temp}"
        "    log_format upstream '$status $upstream_addr $upstream_status $request_uri';\n"
        f"    access_log {folder / 'access.log'} upstream;\n"
    )


class Balancer:
    """nginx in front of instances on 127.0.0.1, round robin, passing over a dead one."""

    def __init__(self, folder: Path, ports: list[int]) -> None:
        self.binary = nginx_binary()
        self.folder = folder
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.ports = ports
        self.process: subprocess.Popen[bytes] | None = None

    def configuration(self) -> str:
        """Return the nginx.conf text: the upstream, one server, the production proxy settings."""
        servers = "".join(
            f"        server 127.0.0.1:{port} max_fails=1 fail_timeout=2s;\n"
            for port in self.ports
        )
        return (
            http_block_top(self.folder)
            + "    upstream intake {\n"
            + servers
            + "        keepalive 16;\n    }\n"
            + "    server {\n"
            + f"        listen 127.0.0.1:{self.port};\n"
            + f"        location / {{\n            include {PROXY_SETTINGS};\n        }}\n"
            + "    }\n}\n"
        )

    def start(self) -> Balancer:
        """Write the configuration, check it, start nginx and wait until it proxies."""
        self.folder.mkdir(parents=True, exist_ok=True)
        conf = self.folder / "nginx.conf"
        conf.write_text(self.configuration())
        command = [self.binary, "-p", str(self.folder), "-c", str(conf)]
        globals_ = f"daemon off; pid {self.folder / 'nginx.pid'};"
        checked = subprocess.run([*command, "-t", "-g", globals_], capture_output=True)
        assert checked.returncode == 0, checked.stderr.decode()
        self.process = subprocess.Popen(
            [*command, "-g", globals_], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/api/v1/health", timeout=2.0).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.05)  # polling a starting process; not a wait for an outcome
        raise RuntimeError(f"nginx did not proxy: {self.error_log()[-2000:]}")

    def stop(self) -> None:
        """Stop nginx (SIGQUIT: finish what is in flight) and reap it."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGQUIT)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=5)

    def error_log(self) -> str:
        """Return nginx's error log so far."""
        path = self.folder / "error.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def answers_per_instance(self) -> Counter[str]:
        """Return how many answers each instance gave, from the access log's upstream column."""
        path = self.folder / "access.log"
        counts: Counter[str] = Counter()
        for line in path.read_text(errors="replace").splitlines() if path.exists() else []:
            for address in line.split()[1].split(","):
                if ":" in address:  # "-": answered by nginx itself (no instance reached)
                    counts[address.strip().rsplit(":", 1)[-1]] += 1
        return counts
