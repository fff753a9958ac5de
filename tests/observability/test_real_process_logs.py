"""A real `intake run` writes JSON lines only, uvicorn's access lines with the request id."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import httpx

from tests.durability.server_process import IntakeProcess


def test_intake_run_logs_json_lines_and_its_access_lines_carry_the_request_id(
    sqlite_template: Path, tmp_path: Path
) -> None:
    shutil.copy(sqlite_template, tmp_path / "intake.db")
    with IntakeProcess(database_url=f"sqlite:///{tmp_path / 'intake.db'}", folder=tmp_path) as app:
        answer = httpx.get(
            app.url + "/api/v1/health", headers={"X-Request-ID": "probe-1"}, timeout=30
        )
        refused = httpx.get(app.url + "/api/v1/cases", params={"pin": "123456"}, timeout=30)
        app.kill()
        text = app.log.read_text(encoding="utf-8")

    lines = [json.loads(line) for line in text.splitlines() if line.strip()]
    [access] = [line for line in lines if line.get("request_id") == "probe-1"]
    assert answer.headers["x-request-id"] == "probe-1"
    assert (access["logger"], access["method"], access["path"], access["status"]) == (
        "uvicorn.access",
        "GET",
        "/api/v1/health",
        200,
    )
    assert access["route"] == "/api/v1/health" and access["duration_ms"] >= 0
    assert refused.status_code == 401
    assert "123456" not in text
    assert any("Integrity Intake on" in line["message"] for line in lines)
