"""Through the production proxy settings, a client cannot name its own address.

The compose file trusts X-Forwarded-For from any address of its network ("*"), and uvicorn
then believes the header's first entry: nginx must send only the address it saw. Limits by
client address (lookups by PIN from web chats, backend.cases.pins) rest on it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import httpx

from tests.deploy.nginx import Balancer
from tests.durability.server_process import IntakeProcess


def test_a_forged_x_forwarded_for_never_reaches_the_app_as_the_clients_address(
    sqlite_template: Path, tmp_path: Path
) -> None:
    shutil.copy(sqlite_template, tmp_path / "intake.db")
    url = f"sqlite:///{tmp_path / 'intake.db'}"
    with IntakeProcess(database_url=url, folder=tmp_path, forwarded_allow_ips="*") as app:
        balancer = Balancer(tmp_path / "nginx", [app.port]).start()
        try:
            forged = {"X-Forwarded-For": "203.0.113.99", "X-Request-ID": "forged-1"}
            answer = httpx.get(balancer.url + "/api/v1/health", headers=forged, timeout=30)
        finally:
            balancer.stop()
        app.kill()
        lines = [json.loads(line) for line in app.log.read_text().splitlines() if line.strip()]

    [access] = [line for line in lines if line.get("request_id") == "forged-1"]
    assert answer.status_code == 200
    assert access["client"].rpartition(":")[0] == "127.0.0.1"
