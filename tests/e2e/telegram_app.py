"""Intake processes with the Telegram channel, served for real against ``FakeTelegram``.

A process is a new container and ``bot.serve.build_web_app`` served by uvicorn (lifespan on)
on an event loop in a thread of its own. ``stop`` is a graceful shutdown; ``kill`` stops the
loop where it stands: no lifespan exit, no PTB shutdown, no last getUpdates that confirms the
offset, as when the process is killed (``reap`` frees what it left once the test is over).
A ``Cluster`` starts processes on one database and stops whatever is left at the end.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
import time
from pathlib import Path
from types import TracebackType

import httpx
import uvicorn
from sqlmodel import select

from backend.bootstrap import Container, build, prepare_database
from backend.cases.models import Attachment, Case
from backend.db import session_scope
from backend.people.models import StaffAccount
from backend.people.service import create_staff
from backend.routing.router import Router
from backend.settings import Settings, load_settings
from bot.serve import build_web_app
from tests.e2e.fake_telegram import PATIENCE, FakeTelegram
from tests.fakes import FakeClock

TOKEN = "123456:TEST-TOKEN"
SECRET = "webhook-secret-42"
WEBHOOK_PATH = "/telegram/webhook"
START_TIMEOUT = PATIENCE  # waits end when the process is up: bounds only a hang
STOP_TIMEOUT = PATIENCE


def bind_socket() -> socket.socket:
    """Return a listening TCP socket on a free port of 127.0.0.1.

    Made with IPPROTO_TCP so that asyncio sets TCP_NODELAY on its connections (it checks
    ``sock.proto``); without it every keep-alive request waits ~40 ms for a delayed ACK.
    """
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    return sock


class AppProcess:
    """One intake process: its own container, web app, event loop and uvicorn server."""

    def __init__(self, container: Container, sock: socket.socket) -> None:
        self.container = container
        self.sock = sock
        self.url = f"http://127.0.0.1:{sock.getsockname()[1]}"
        self.loop = asyncio.new_event_loop()
        config = uvicorn.Config(
            build_web_app(container),
            log_level="warning",
            access_log=False,
            lifespan="on",
            timeout_graceful_shutdown=2,
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self._serve, name="intake-process", daemon=True)
        self.alive = False

    @property
    def webhook_url(self) -> str:
        """Where this process takes webhook posts."""
        return self.url + WEBHOOK_PATH

    def start(self) -> AppProcess:
        """Serve, and return once the app's lifespan has started."""
        self.thread.start()
        deadline = time.monotonic() + START_TIMEOUT
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                self.kill()
                raise RuntimeError("the intake process did not start")
            time.sleep(0.01)
        self.alive = True
        return self

    def stop(self) -> None:
        """Shut down gracefully (lifespan exit stops the bot); kill when that hangs."""
        if not self.alive:
            return
        self.server.should_exit = True
        self.thread.join(STOP_TIMEOUT)
        if self.thread.is_alive():
            self.kill()
            return
        self._release()

    def kill(self) -> None:
        """Stop the event loop at once: nothing of the shutdown runs."""
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(STOP_TIMEOUT)
        self._release()

    def reap(self) -> None:
        """Free what a killed process left, as the system would (after the test's checks)."""
        pending = asyncio.all_tasks(self.loop)
        for task in pending:
            task.cancel()
        with contextlib.suppress(Exception):
            gathered = asyncio.gather(*pending, return_exceptions=True)
            self.loop.run_until_complete(asyncio.wait_for(gathered, STOP_TIMEOUT))
        self.loop.close()

    def api(
        self, method: str, path: str, headers: dict[str, str], json: object = None
    ) -> httpx.Response:
        """Call the admin API of this process over HTTP."""
        with httpx.Client(base_url=self.url, timeout=PATIENCE, trust_env=False) as client:
            return client.request(method, "/api/v1" + path, headers=headers, json=json)

    def _serve(self) -> None:
        asyncio.set_event_loop(self.loop)
        # A killed process raises "Event loop stopped before Future completed".
        with contextlib.suppress(RuntimeError):
            self.loop.run_until_complete(self.server.serve(sockets=[self.sock]))

    def _release(self) -> None:
        self.alive = False
        self.sock.close()
        self.container.engine.dispose()


class Cluster:
    """Processes on one database, talking to one fake Telegram; all stopped on exit."""

    def __init__(
        self,
        fake: FakeTelegram,
        database_url: str,
        data_dir: Path,
        clock: FakeClock,
        router: Router,
    ) -> None:
        self.fake, self.database_url, self.data_dir = fake, database_url, data_dir
        self.clock, self.router = clock, router
        self.processes: list[AppProcess] = []

    def settings(self, webhook_url: str | None = None, **overrides: object) -> Settings:
        """Return the settings of a process polling the fake, or taking its webhook posts."""
        values: dict[str, object] = {
            "env": "test",
            "database_url": self.database_url,
            "data_dir": self.data_dir,
            "telegram_token": TOKEN,
            "telegram_base_url": self.fake.base_url,
            "telegram_base_file_url": self.fake.base_file_url,
            "telegram_webhook_url": webhook_url,
            "telegram_webhook_secret": SECRET if webhook_url else None,
            "webchat": False,
            "scheduler": False,
            "max_text_length": 1000,
        }
        return load_settings(**(values | overrides))

    def start(self, *, webhook: bool = False, **overrides: object) -> AppProcess:
        """Start a new process (a new container) on the cluster's database."""
        sock = bind_socket()
        url = f"http://127.0.0.1:{sock.getsockname()[1]}{WEBHOOK_PATH}" if webhook else None
        container = build(self.settings(url, **overrides), clock=self.clock, router=self.router)
        prepare_database(container)
        process = AppProcess(container, sock)
        self.processes.append(process)
        process.start()
        if webhook:
            self.fake.wait_for_call("setWebhook", lambda p: p.get("url") == url, START_TIMEOUT)
        return process

    def close(self) -> None:
        """Stop every process still running and close the loops of all of them."""
        for process in self.processes:
            process.stop()
        for process in self.processes:
            process.reap()

    def __enter__(self) -> Cluster:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def cases(container: Container) -> list[Case]:
    """Return every case in the database, oldest first."""
    with session_scope(container.engine) as session:
        return list(session.exec(select(Case).order_by(Case.id)).all())  # type: ignore[arg-type]


def attachments(container: Container, case: Case) -> list[Attachment]:
    """Return the files stored with a case."""
    with session_scope(container.engine) as session:
        return list(session.exec(select(Attachment).where(Attachment.case_id == case.id)).all())


def staff_member(
    container: Container, role: str, department: str, name: str
) -> tuple[StaffAccount, dict[str, str]]:
    """Create a staff account; return it and its API headers."""
    with session_scope(container.engine) as session:
        staff, token = create_staff(
            session=session, name=name, role=role, department=department, clock=container.clock
        )
    return staff, {"Authorization": f"Bearer {token}"}
