"""Helpers for the PIN tests: cases filed directly, a scrypt counter, statement recorders."""

from __future__ import annotations

import hashlib
import secrets
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

import pytest
from sqlalchemy import Engine, event
from sqlmodel import select

from backend.actors import REPORTER
from backend.bootstrap import Container
from backend.cases import pins
from backend.cases.intake import Draft, submit
from backend.cases.models import Case
from backend.cases.numbers import SCRYPT_N
from backend.cases.pins import PinCheck
from backend.conversations import dialog_services
from backend.conversations.service import ConversationService
from backend.db import session_scope
from dialogs.model import ChatRef
from tests.conftest import open_engine
from tests.conversations.driver import Chat

ARREARS = "区里的项目做完了，工程款一直拖欠不付，已经拖了半年"
REPORTER_CHAT = ChatRef("console", "reporter")


def file_case(
    container: Container, *, anonymous: bool = True, chat_id: str = "reporter"
) -> tuple[str, str | None]:
    """File a complaint from a console chat; return its number and PIN (None when named)."""
    draft = Draft(
        text=ARREARS,
        anonymous=anonymous,
        reporter_name=None if anonymous else "李四",
        reporter_phone=None if anonymous else "13800000000",
        channel="console",
        chat_id=chat_id,
    )
    with session_scope(container.engine) as session:
        receipt = submit(session=session, draft=draft, actor=REPORTER, env=container.case_env)
        return receipt.case.number, receipt.pin


def scrypt_hash(pin: str) -> str:
    """Return a PIN hash as filing made them before issue 13 (scrypt, cost 2**12)."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=SCRYPT_N, r=8, p=1, dklen=32)
    return f"scrypt${SCRYPT_N}${salt.hex()}${digest.hex()}"


def wrong_pin(pin: str | None) -> str:
    """Return a PIN that is not this one."""
    return "000000" if pin != "000000" else "111111"


def case_row(container: Container, number: str) -> Case:
    """Read a case afresh."""
    with session_scope(container.engine) as session:
        return session.exec(select(Case).where(Case.number == number)).one()


class ScryptCounter:
    """Stands in for hashlib.scrypt: does the real work and remembers each salt and cost."""

    def __init__(self) -> None:
        self.real: Callable[..., bytes] = hashlib.scrypt
        self.calls: list[tuple[bytes, int]] = []
        self._lock = threading.Lock()

    def __call__(self, password: bytes, *, salt: bytes, n: int, **rest: Any) -> bytes:
        with self._lock:
            self.calls.append((bytes(salt), n))
        return self.real(password, salt=salt, n=n, **rest)

    def install(self, monkeypatch: pytest.MonkeyPatch) -> ScryptCounter:
        """Stand in for hashlib.scrypt until the test ends; forget earlier calls."""
        monkeypatch.setattr(hashlib, "scrypt", self)
        self.calls.clear()
        return self

    def against(self, pin_hash: str | None) -> int:
        """Count the verifications against this stored hash (the PINs actually checked)."""
        salt = bytes.fromhex((pin_hash or "").split("$")[2])
        return sum(1 for called, _ in self.calls if called == salt)


class PinCheckRecorder:
    """Stands in for the chat's case_by_pin: does the real lookup and remembers each outcome."""

    def __init__(self) -> None:
        self.real = pins.case_by_pin
        self.outcomes: list[PinCheck] = []
        self._lock = threading.Lock()

    def __call__(self, **arguments: Any) -> PinCheck:
        outcome = self.real(**arguments)
        with self._lock:
            self.outcomes.append(outcome)
        return outcome

    @property
    def checked(self) -> list[bool]:
        """Say for each lookup whether its PIN was weighed against the case, checked first."""
        return sorted((o.checked for o in self.outcomes), reverse=True)

    def install(self, monkeypatch: pytest.MonkeyPatch) -> PinCheckRecorder:
        """Stand in for the chat's lookups by PIN until the test ends."""
        monkeypatch.setattr(dialog_services, "case_by_pin", self)
        return self


@dataclass
class StatementLog:
    """The SQL statements an engine ran (their text, without the values)."""

    statements: list[str] = field(default_factory=list)

    def __call__(self, _conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        self.statements.append(" ".join(statement.split()))


@contextmanager
def recording(engine: Engine) -> Iterator[StatementLog]:
    """Record the statements run on the engine while the block runs."""
    log = StatementLog()
    event.listen(engine, "before_cursor_execute", log)
    try:
        yield log
    finally:
        event.remove(engine, "before_cursor_execute", log)


def burst(container: Container, number: str, pins: list[str], engines: int = 10) -> list[str]:
    """Send `/status NUMBER PIN` once per PIN, all at once, each from its own chat.

    Each chat talks to a conversation service of its own on an engine of its own (other
    processes, in effect); all wait at a barrier and then send together. Returns the answers.
    """
    opened = [open_engine(container.settings.database_url) for _ in range(engines)]
    services = [ConversationService(replace(container, engine=e)) for e in opened]
    barrier = threading.Barrier(len(pins))

    def guess(index: int) -> str:
        chat = Chat(services[index % engines], chat=ChatRef("web", f"burst-{index}"))
        barrier.wait(timeout=60)
        chat.command("status", number, pins[index])
        return chat.text

    try:
        with ThreadPoolExecutor(max_workers=len(pins)) as pool:
            return list(pool.map(guess, range(len(pins))))
    finally:
        for engine in opened:
            engine.dispose()
