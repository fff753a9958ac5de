"""The README and the Makefile say what the code does: make run, settings, actions, filters."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from backend.cases.api import router as cases_router
from backend.cases.workflow import RULES
from backend.settings import Settings
from dialogs import commands

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def planned_run(*variables: str) -> str:
    """Return the command `make run` would start, without running anything (make -n)."""
    planned = subprocess.run(
        ["make", "-n", "-s", "run", *variables],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return planned.stdout.strip().splitlines()[-1]


@pytest.mark.skipif(shutil.which("make") is None, reason="no make on this machine")
def test_make_run_takes_another_port_and_address() -> None:
    assert planned_run("PORT=8080", "HOST=0.0.0.0") == (
        ".venv/bin/intake run --host 0.0.0.0 --port 8080"
    )
    assert planned_run() == ".venv/bin/intake run --host 127.0.0.1 --port 8000"
    assert "make run PORT=8080" in README


def test_every_setting_is_in_the_readme() -> None:
    missing = [name for name in Settings.model_fields if f"`INTAKE_{name.upper()}`" not in README]
    assert missing == []


def test_every_case_action_is_a_row_of_the_readmes_table() -> None:
    assert [action.value for action in RULES if f"\n| {action.value}" not in README] == []


def test_every_filter_of_the_case_list_is_in_the_readme() -> None:
    [listing] = [r for r in cases_router.routes if r.path == "/cases" and "GET" in r.methods]
    names = [field.name for field in listing.dependant.query_params]
    assert {"q", "kind"} <= set(names)
    assert [name for name in names if f"`{name}" not in README] == []


def test_every_chat_command_is_in_the_readme() -> None:
    names = {*commands._STARTERS, *commands._QUERIES, "lang", "cancel"}  # what `run` takes
    assert sorted(name for name in names if f"`/{name}" not in README) == []


def test_every_api_operation_is_in_the_readme(client: TestClient) -> None:
    def shape(path: str) -> str:
        return re.sub(r"\{[^}]*\}", "{}", path)

    named = {
        shape(path) for path in re.findall(r"/api/v1/[\w/{}.-]*\w}?", README.replace("\n", " "))
    }
    paths = client.get("/openapi.json").json()["paths"]
    assert sorted(path for path in paths if shape(path) not in named) == []
