"""Decision 10: what the API acknowledged survives a SIGKILL right after the answer.

A real `intake run` is killed the moment its answer arrives, then the database is read by a
fresh engine: every acknowledged case and every acknowledged `sign` is there, and a case
filed after the restarts never gets a number that was handed out before.
"""

from __future__ import annotations

from pathlib import Path

import httpx
from sqlmodel import select

from backend.cases.models import Case
from backend.db import make_engine, session_scope
from backend.settings import Settings
from tests.api.helpers import ARREARS
from tests.conftest import Staff
from tests.durability.server_process import IntakeProcess

ROUNDS = 3  # each round: a case filed, acknowledged, the process killed; then the same for sign


def _stored(database_url: str) -> dict[str, str]:
    engine = make_engine(database_url)
    with session_scope(engine) as session:
        rows = session.exec(select(Case.number, Case.status)).all()
    engine.dispose()
    return dict(rows)


def test_cases_and_signs_acknowledged_just_before_a_sigkill_are_all_stored(
    settings: Settings, staff: Staff, tmp_path: Path
) -> None:
    migrated_url, coordinator, clerk = settings.database_url, staff.coordinator, staff.czj_clerk
    filed: list[str] = []
    signed: list[str] = []
    for round_ in range(ROUNDS):
        with IntakeProcess(database_url=migrated_url, folder=tmp_path) as server:
            answer = httpx.post(
                server.url + "/api/v1/cases",
                json={"text": f"{ARREARS}（第{round_}次）"},
                headers=coordinator,
                timeout=30,
            )
            server.kill()
        assert answer.status_code == 201, answer.text
        assert answer.json()["status"] == "routed"
        filed.append(answer.json()["number"])
        version = answer.json()["version"]
        with IntakeProcess(database_url=migrated_url, folder=tmp_path) as server:
            answer = httpx.post(
                f"{server.url}/api/v1/cases/{filed[-1]}/actions",
                json={"action": "sign", "version": version},
                headers=clerk,
                timeout=30,
            )
            server.kill()
        assert answer.status_code == 200, answer.text
        signed.append(filed[-1])

    stored = _stored(migrated_url)
    assert [n for n in filed if n not in stored] == []
    assert [n for n in signed if stored[n] != "signed"] == []

    with IntakeProcess(database_url=migrated_url, folder=tmp_path) as server:
        later = httpx.post(
            server.url + "/api/v1/cases", json={"text": ARREARS}, headers=coordinator, timeout=30
        )
    assert later.status_code == 201, later.text
    assert later.json()["number"] not in filed


def test_a_case_is_readable_by_its_number_the_moment_its_201_arrives(
    settings: Settings, staff: Staff, tmp_path: Path
) -> None:
    engine = make_engine(settings.database_url)
    missing: list[str] = []
    with IntakeProcess(database_url=settings.database_url, folder=tmp_path) as server:
        for n in range(20):
            created = httpx.post(
                server.url + "/api/v1/cases",
                json={"text": f"{ARREARS} {n}"},
                headers=staff.coordinator,
                timeout=30,
            )
            assert created.status_code == 201, created.text
            number = created.json()["number"]
            with session_scope(engine) as session:  # another connection, as another instance
                if session.exec(select(Case.number).where(Case.number == number)).first() is None:
                    missing.append(number)
            read = httpx.get(f"{server.url}/api/v1/cases/{number}", headers=staff.coordinator)
            assert read.status_code == 200, read.text
    engine.dispose()
    assert missing == []
