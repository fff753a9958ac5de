"""Run an ASGI app with uvicorn on a free 127.0.0.1 port in a background thread."""

from __future__ import annotations

import socket
import threading

import uvicorn
from starlette.types import ASGIApp

START_TIMEOUT = 10.0


def bind_free_socket() -> socket.socket:
    """Return a listening socket on a free port; binding first avoids port races."""
    # IPPROTO_TCP set explicitly: asyncio turns TCP_NODELAY on only then (no 40 ms waits).
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    return sock


def quiet_config(app: ASGIApp) -> uvicorn.Config:
    """Return a uvicorn config for tests: no access log, no lifespan, short shutdown."""
    return uvicorn.Config(
        app,
        log_level="warning",
        access_log=False,
        lifespan="off",
        timeout_graceful_shutdown=1,
    )


class _SignallingServer(uvicorn.Server):
    def __init__(self, config: uvicorn.Config, ready: threading.Event) -> None:
        super().__init__(config)
        self._ready = ready

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        try:
            await super().startup(sockets=sockets)
        finally:
            self._ready.set()


class ServerThread:
    """uvicorn serving ``app`` in a daemon thread; ``start`` returns once it accepts requests."""

    def __init__(self, app: ASGIApp) -> None:
        self._app = app
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self.port = 0

    def start(self) -> int:
        """Start serving and return the port."""
        sock = bind_free_socket()
        self.port = sock.getsockname()[1]
        ready = threading.Event()
        self._server = _SignallingServer(quiet_config(self._app), ready)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [sock]}, name="fake-telegram-server"
        )
        self._thread.daemon = True
        self._thread.start()
        if not ready.wait(START_TIMEOUT) or not self._server.started:
            self.stop()
            raise RuntimeError("the fake Telegram server did not start")
        return self.port

    def stop(self) -> None:
        """Ask uvicorn to exit and wait for the thread."""
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=START_TIMEOUT)
        self._server = self._thread = None
