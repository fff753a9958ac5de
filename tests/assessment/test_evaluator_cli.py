"""`intake users create --role evaluator`: a read-only account of the lead office."""

from __future__ import annotations

from fastapi.testclient import TestClient

from backend.settings import Settings
from tests.cli.test_cli import intake


def test_an_evaluator_is_created_reads_and_may_not_write(
    settings: Settings, client: TestClient
) -> None:
    created = intake(settings, "users", "create", "--role", "evaluator", "--name", "评估机构 陈")

    assert created.returncode == 0, created.stderr
    assert "created evaluator" in created.stdout and "(fgw)" in created.stdout
    headers = {"Authorization": f"Bearer {created.stdout.strip().splitlines()[-1]}"}
    assert client.get("/api/v1/assessment", headers=headers).status_code == 200
    refused = client.post("/api/v1/cases", json={"text": "x" * 20}, headers=headers)
    assert refused.status_code == 403


def test_an_unknown_role_is_refused_with_the_roles_named(settings: Settings) -> None:
    refused = intake(settings, "users", "create", "--role", "auditor", "--name", "陈")

    assert refused.returncode != 0 and "evaluator" in refused.stderr
