"""Run real python-telegram-bot applications against ``FakeTelegram`` inside a test."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Coroutine
from contextlib import asynccontextmanager
from typing import Any, TypeVar

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp
from telegram import Update
from telegram.ext import Application, ApplicationBuilder, BaseHandler, ContextTypes

from tests.e2e.fake_telegram import PATIENCE, SECRET_HEADER, FakeTelegram
from tests.e2e.fake_telegram.serving import bind_free_socket, quiet_config
from tests.e2e.fake_telegram.store import Predicate

TOKEN = "123456:TEST-TOKEN"
RUN_TIMEOUT = 2 * PATIENCE  # a whole scenario: bounds only a hang
T = TypeVar("T")
AnyApp = Application[Any, Any, Any, Any, Any, Any]
AnyHandler = BaseHandler[Any, Any, Any]


def build_app(fake: FakeTelegram, *handlers: AnyHandler, updater: bool = True) -> AnyApp:
    """Build an Application talking to the fake; handler exceptions are collected."""
    builder = ApplicationBuilder().token(TOKEN)
    builder = builder.base_url(fake.base_url).base_file_url(fake.base_file_url)
    if not updater:
        builder = builder.updater(None)
    app = builder.build()
    app.add_handlers(list(handlers))
    errors: list[BaseException] = []
    app.bot_data["handler_errors"] = errors

    async def collect(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        if context.error is not None:
            errors.append(context.error)

    app.add_error_handler(collect)
    return app


def _raise_handler_errors(app: AnyApp) -> None:
    errors: list[BaseException] = app.bot_data["handler_errors"]
    if errors:
        raise AssertionError(f"a bot handler raised {errors[0]!r}") from errors[0]


@asynccontextmanager
async def polling(app: AnyApp) -> AsyncIterator[AnyApp]:
    """Initialise, start and long-poll; always stop and shut down on exit."""
    async with app:
        await app.start()
        try:
            assert app.updater is not None, "build the app with updater=True to poll"
            await app.updater.start_polling(poll_interval=0, timeout=1)
            try:
                yield app
            finally:
                await app.updater.stop()
        finally:
            await app.stop()
    _raise_handler_errors(app)


@asynccontextmanager
async def running(app: AnyApp) -> AsyncIterator[AnyApp]:
    """Initialise and start an app without polling (updates arrive on ``update_queue``)."""
    async with app:
        await app.start()
        try:
            yield app
        finally:
            await app.stop()
    _raise_handler_errors(app)


def webhook_receiver(app: AnyApp, secret: str, path: str = "/telegram") -> Starlette:
    """The customwebhookbot pattern: check the secret header, queue ``Update.de_json``."""

    async def receive(request: Request) -> Response:
        if request.headers.get(SECRET_HEADER) != secret:
            return Response(status_code=403)
        update = Update.de_json(await request.json(), app.bot)
        await app.update_queue.put(update)
        return Response()

    return Starlette(routes=[Route(path, receive, methods=["POST"])])


@asynccontextmanager
async def serve(asgi_app: ASGIApp) -> AsyncIterator[str]:
    """Serve an ASGI app with uvicorn in the current event loop; yield its base URL.

    The socket listens before uvicorn runs, so requests made at once simply queue.
    """
    sock = bind_free_socket()
    server = uvicorn.Server(quiet_config(asgi_app))
    task = asyncio.create_task(server.serve(sockets=[sock]))
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        await asyncio.wait_for(task, timeout=PATIENCE)


async def next_message(
    fake: FakeTelegram,
    chat_id: int,
    predicate: Predicate | None = None,
    timeout: float = PATIENCE,
) -> dict[str, Any]:
    """``fake.wait_for_message`` without blocking the event loop the bot runs on."""
    return await asyncio.to_thread(fake.wait_for_message, chat_id, predicate, timeout)


def run(scenario: Coroutine[Any, Any, T], timeout: float = RUN_TIMEOUT) -> T:
    """Run an async test scenario in a fresh event loop with an overall timeout."""
    return asyncio.run(asyncio.wait_for(scenario, timeout))
