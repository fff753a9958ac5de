"""Backups: taken while cases are being filed, restored into a fresh folder, and read."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from backend.actors import SYSTEM
from backend.api.app import create_app
from backend.attachments.store import ContentStore, attach
from backend.backups.sqlite import BackupRefused, backup_sqlite, restore_sqlite
from backend.bootstrap import Container, build, prepare_database
from backend.cases.intake import Draft, submit
from backend.cases.models import Attachment, Case
from backend.db import make_engine, session_scope
from backend.people.service import create_staff
from backend.routing.router import Router
from backend.settings import load_settings
from tests.api.helpers import ARREARS
from tests.fakes import FakeClock, PublishedCalendar

EVIDENCE = b"\x89PNG\r\n\x1a\n a photo of the unpaid invoice"
WAIT = 120.0  # seconds; reached only if the filing thread hangs


def _container(folder: Path, router: Router, template: Path | None) -> Container:
    database = folder / "intake.db"
    folder.mkdir(parents=True, exist_ok=True)
    if template is not None:
        shutil.copy(template, database)
    settings = load_settings(
        env="test", database_url=f"sqlite:///{database}", data_dir=folder / "var"
    )
    return build(
        settings, clock=FakeClock(), router=router.clone(), published_calendar=PublishedCalendar()
    )


@pytest.fixture
def live(sqlite_template: Path, tmp_path: Path, router: Router) -> Iterator[Container]:
    """A running system's container on a SQLite file of its own (backups are SQLite's)."""
    container = _container(tmp_path / "live", router, sqlite_template)
    prepare_database(container)
    yield container
    container.engine.dispose()


class Filer(threading.Thread):
    """Files named complaints through the intake service until told to stop."""

    def __init__(self, container: Container) -> None:
        super().__init__(daemon=True)
        self.container = container
        self.acknowledged: list[str] = []  # numbers whose transaction committed
        self.changed = threading.Condition()
        self.stop = threading.Event()
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            while not self.stop.is_set():
                with session_scope(self.container.engine) as session:
                    draft = Draft(text=ARREARS, anonymous=False, reporter_name="王五")
                    receipt = submit(
                        session=session, draft=draft, actor=SYSTEM, env=self.container.case_env
                    )
                with self.changed:
                    self.acknowledged.append(receipt.case.number)
                    self.changed.notify_all()
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            self.error = exc
            with self.changed:
                self.changed.notify_all()

    def wait_for(self, count: int) -> list[str]:
        with self.changed:
            assert self.changed.wait_for(
                lambda: len(self.acknowledged) >= count or self.error is not None, WAIT
            )
            assert self.error is None, self.error
            return list(self.acknowledged)


def _file_with_evidence(container: Container) -> tuple[str, str]:
    store = ContentStore.under(container.settings.data_dir)
    with session_scope(container.engine) as session:
        receipt = submit(
            session=session, draft=Draft(text=ARREARS), actor=SYSTEM, env=container.case_env
        )
        row = attach(
            session=session,
            store=store,
            case=receipt.case,
            data=EVIDENCE,
            filename="invoice.png",
            content_type="image/png",
            clock=container.clock,
        )
    return receipt.case.number, row.sha256


def test_a_backup_taken_while_cases_are_filed_restores_every_acknowledged_case_and_its_files(
    live: Container, tmp_path: Path, router: Router
) -> None:
    with session_scope(live.engine) as session:
        _, token = create_staff(
            session=session, name="协调员", role="coordinator", department="fgw", clock=live.clock
        )
    with_evidence, digest = _file_with_evidence(live)
    filer = Filer(live)
    filer.start()
    before = filer.wait_for(5)

    report = backup_sqlite(
        database_url=live.settings.database_url,
        data_dir=live.settings.data_dir,
        folder=tmp_path / "backup",
        now=live.clock.now(),
    )
    after = filer.wait_for(len(filer.acknowledged) + 3)  # the filing went on throughout
    filer.stop.set()
    filer.join(WAIT)

    fresh = _container(tmp_path / "fresh", router, template=None)
    restored = restore_sqlite(
        database_url=fresh.settings.database_url,
        data_dir=fresh.settings.data_dir,
        folder=tmp_path / "backup",
        force=False,
        now=fresh.clock.now(),
    )
    with closing(sqlite3.connect(tmp_path / "fresh" / "intake.db")) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    with Session(fresh.engine) as session:
        numbers = set(session.exec(select(col(Case.number))).all())
        files = session.exec(
            select(Attachment.filename, Attachment.sha256)
            .join(Case, col(Case.id) == Attachment.case_id)
            .where(Case.number == with_evidence)
        ).all()
    assert set(before) | {with_evidence} <= numbers
    assert numbers <= set(after) | {with_evidence}  # nothing invented, nothing half-written
    assert (report.cases, report.files, restored.cases) == (len(numbers), 1, len(numbers))
    assert [tuple(row) for row in files] == [("invoice.png", digest)]
    assert ContentStore.under(fresh.settings.data_dir).get(digest) == EVIDENCE
    prepare_database(fresh)  # the schema is current: the system starts on the restored copy
    with TestClient(create_app(fresh)) as client:
        case = client.get(
            f"/api/v1/cases/{with_evidence}", headers={"Authorization": f"Bearer {token}"}
        )
    fresh.engine.dispose()
    assert case.status_code == 200, case.text
    assert case.json()["number"] == with_evidence


def test_a_restore_refuses_a_database_that_holds_cases_unless_forced(
    live: Container, tmp_path: Path, router: Router, sqlite_template: Path
) -> None:
    kept, _ = _file_with_evidence(live)
    backup_sqlite(
        database_url=live.settings.database_url,
        data_dir=live.settings.data_dir,
        folder=tmp_path / "backup",
        now=live.clock.now(),
    )
    other = _container(tmp_path / "other", router, sqlite_template)
    prepare_database(other)
    with session_scope(other.engine) as session:
        submit(session=session, draft=Draft(text=ARREARS), actor=SYSTEM, env=other.case_env)
    other.engine.dispose()
    arguments = {
        "database_url": other.settings.database_url,
        "data_dir": other.settings.data_dir,
        "folder": tmp_path / "backup",
        "now": other.clock.now(),
    }

    with pytest.raises(BackupRefused, match="already holds data.*--force"):
        restore_sqlite(force=False, **arguments)
    restore_sqlite(force=True, **arguments)

    engine = make_engine(other.settings.database_url)
    with Session(engine) as session:
        assert session.exec(select(col(Case.number))).all() == [kept]
    engine.dispose()


def test_a_backup_goes_into_a_new_or_empty_folder_only(live: Container, tmp_path: Path) -> None:
    used = tmp_path / "used"
    used.mkdir()
    (used / "something").write_text("x")

    with pytest.raises(BackupRefused, match="not an empty folder"):
        backup_sqlite(
            database_url=live.settings.database_url,
            data_dir=live.settings.data_dir,
            folder=used,
            now=live.clock.now(),
        )


def test_a_folder_without_a_backup_is_not_restored(tmp_path: Path) -> None:
    with pytest.raises(BackupRefused, match="not a backup folder"):
        restore_sqlite(
            database_url=f"sqlite:///{tmp_path / 'new.db'}",
            data_dir=tmp_path / "var",
            folder=tmp_path,
            force=False,
            now=FakeClock().now(),
        )
