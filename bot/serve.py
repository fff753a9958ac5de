"""`intake run` (API, web chat, Telegram, scheduler in one process) and `intake scheduler`."""

from __future__ import annotations

import gc
import logging
import signal
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from functools import partial
from typing import Annotated

import typer
import uvicorn
from apscheduler.schedulers.background import BackgroundScheduler
from fastapi import FastAPI
from fastapi.responses import RedirectResponse

from backend.api.app import LifespanHook, create_app
from backend.backups.in_use import hold_in_use
from backend.bootstrap import Container, build, prepare_database
from backend.observability.logs import configure_logging, uvicorn_options
from backend.query_strings import reads_no_query
from backend.scheduler.runner import background, blocking
from bot.channels import wire_conversations
from bot.telegram.setup import telegram_channel
from bot.webchat.notifier import WebNotifier
from bot.webchat.setup import mount_webchat

log = logging.getLogger(__name__)


def run(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    with_scheduler: Annotated[
        bool | None,
        typer.Option(
            "--scheduler/--no-scheduler",
            help="Run the scheduler in this process (default: INTAKE_SCHEDULER, true). Off "
            "on every instance behind a load balancer; run `intake scheduler` beside them.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Start the API, the web chat (/chat), the console (/console), Telegram and the scheduler."""
    container = build()
    configure_logging(container.settings)  # JSON lines outside development, uvicorn's too
    # Held while the process lives (SQLite): `intake db restore` refuses to run under it.
    in_use = hold_in_use(container.settings.database_url)
    prepare_database(container)
    wanted = container.settings.scheduler if with_scheduler is None else with_scheduler
    scheduler = background(container) if wanted else None
    app = build_web_app(container, hooks=[partial(_closing, container, scheduler)])
    if scheduler is not None:
        scheduler.start()
    telegram = "on" if container.settings.telegram_token else "off (no INTAKE_TELEGRAM_TOKEN)"
    log.info(
        "Integrity Intake on http://%s:%s  (web chat: /chat, staff console: /console, "
        "API docs: /docs, metrics: /metrics, Telegram: %s)",
        host,
        port,
        telegram,
    )
    freeze_heap()
    try:
        # Behind nginx: the client's address and scheme come from X-Forwarded-For/-Proto,
        # believed only from INTAKE_FORWARDED_ALLOW_IPS (README, "Production deployment").
        uvicorn.run(
            app,
            host=host,
            port=port,
            proxy_headers=True,
            forwarded_allow_ips=container.settings.forwarded_allow_ips,
            **uvicorn_options(container.settings),
        )
    finally:  # the app did not start (the hook below did not run), or uvicorn returned
        if scheduler is not None and scheduler.running:
            scheduler.shutdown(wait=False)
        container.engine.dispose()
        if in_use is not None:
            in_use.close()


@asynccontextmanager
async def _closing(
    container: Container, scheduler: BackgroundScheduler | None, _app: FastAPI
) -> AsyncIterator[None]:
    """At the app's shutdown (SIGTERM, Ctrl-C): stop the scheduler, close the pool.

    Run by the app's lifespan because uvicorn ends the process by the signal it caught once
    the app is shut down, so code after `uvicorn.run` does not run then. Closing every
    connection lets SQLite's last one copy the log back and remove the -wal and -shm files:
    the database is one file again (a copy taken by hand is whole).
    """
    yield
    if scheduler is not None and scheduler.running:
        scheduler.shutdown(wait=False)
    container.engine.dispose()


def build_web_app(container: Container, hooks: Sequence[LifespanHook] = ()) -> FastAPI:
    """Return the web app with every channel this process serves wired in; `hooks` run for
    the app's lifetime, the first given ending last."""
    conversations, notifier = wire_conversations(container)
    hooks = list(hooks)
    telegram = telegram_channel(container, conversations)
    if telegram is not None:
        notifier.register("telegram", telegram.notifier)
        conversations.fetchers["telegram"] = telegram.fetcher
        hooks.append(telegram.lifespan)
    app = create_app(container, hooks=hooks)
    if telegram is not None:
        telegram.mount(app)
    if container.settings.webchat:
        webchat = mount_webchat(app, container, conversations)
        notifier.register("web", webchat.notifier)
        conversations.fetchers["web"] = webchat.fetcher

        @app.get("/", include_in_schema=False)
        @reads_no_query
        def home() -> RedirectResponse:
            """Send a visitor of the bare address to the web chat."""
            return RedirectResponse("/chat")

    return app


def scheduler() -> None:
    """Run the scheduler alone (any number may run against one PostgreSQL)."""
    container = build()
    configure_logging(container.settings)
    in_use = hold_in_use(container.settings.database_url)  # as `intake run`
    prepare_database(container)
    _, notifier = wire_conversations(container)
    notifier.register("web", WebNotifier(container.engine, container.clock))
    telegram = telegram_channel(container, None)
    if telegram is not None:
        notifier.register("telegram", telegram.notifier)
    # SIGTERM (systemd, `docker stop`) ends it as Ctrl-C does, through the `finally` below.
    signal.signal(signal.SIGTERM, _exit_on_signal)
    runner = blocking(container)
    try:
        log.info("scheduler running (Ctrl-C to stop)")
        freeze_heap()
        runner.start()
    except (KeyboardInterrupt, SystemExit):
        log.info("scheduler stopped")
    finally:
        if runner.running:
            runner.shutdown(wait=False)
        container.engine.dispose()  # as `intake run` does: SQLite's log files removed
        if in_use is not None:
            in_use.close()


def _exit_on_signal(signum: int, _frame: object) -> None:
    raise SystemExit(0)


def freeze_heap() -> None:
    """Move everything start-up made into the collector's permanent generation (`gc.freeze`).

    Modules, the taxonomy, jieba's dictionary and the routing tables live as long as the
    process (about 350,000 objects); unfrozen, every full collection walks them again, which
    cost a chat turn about 15 % of its CPU (issue 13). Objects made later are collected as
    before.
    """
    gc.collect()
    gc.freeze()
