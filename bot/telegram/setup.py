"""Wire the Telegram channel: its notifier and fetcher, the bot's lifespan, the webhook route."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from typing import TypeVar
from urllib.parse import urlsplit

from fastapi import FastAPI
from telegram.error import BadRequest, InvalidToken, NetworkError, RetryAfter

from backend.bootstrap import Container
from backend.conversations.service import ConversationService
from backend.settings import Settings
from bot.telegram.application import TelegramApp, build_application, build_bot, has_token
from bot.telegram.bridge import ApplicationBridge, OwnLoopBridge
from bot.telegram.handlers import DialogHandlers
from bot.telegram.inbound import ALLOWED_UPDATES
from bot.telegram.limiter import retry_seconds
from bot.telegram.notifier import TelegramFetcher, TelegramNotifier
from bot.telegram.ordering import ChatOrderedProcessor
from bot.telegram.webhook import WebhookReceiver

log = logging.getLogger(__name__)
T = TypeVar("T")
LONGEST_BACKOFF = 60.0


def telegram_channel(
    container: Container, conversations: ConversationService | None
) -> TelegramChannel | None:
    """Return the Telegram channel when a token is set, else None.

    Without conversations (the scheduler process) only the notifier works, with a bot on an
    event loop of its own; with them the channel runs the dialogs in the web app's lifespan.
    """
    settings = container.settings
    if not has_token(settings):
        return None
    if conversations is None:
        return TelegramChannel(settings, OwnLoopBridge(lambda: build_bot(settings)))
    # Sized with the pool in backend.capacity (why SQLite gets fewer threads is said there).
    threads = container.capacity.chat_turn_threads
    executor = ThreadPoolExecutor(threads, thread_name_prefix="telegram-dialog")
    return TelegramChannel(settings, ApplicationBridge(), DialogHandlers(conversations, executor))


class TelegramChannel:
    """The bot of this process: `lifespan` runs it, `mount` adds the webhook route."""

    def __init__(
        self,
        settings: Settings,
        bridge: ApplicationBridge | OwnLoopBridge,
        handlers: DialogHandlers | None = None,
    ) -> None:
        self.settings = settings
        self.bridge = bridge
        self.notifier = TelegramNotifier(bridge)
        self.fetcher = TelegramFetcher(bridge)
        self.handlers = handlers
        self.processor = ChatOrderedProcessor()
        self.application: TelegramApp | None = None
        if handlers is not None:
            self.application = build_application(settings, handlers, self.processor)

    @property
    def webhook_url(self) -> str | None:
        """Return the public URL Telegram posts to, or None when polling."""
        return self.settings.telegram_webhook_url or None

    def mount(self, app: FastAPI) -> None:
        """Add the webhook route at the path of the webhook URL (nothing when polling).

        Also shows the count of failed updates on the app's /metrics, polling or not.
        """
        if self.handlers is not None:
            self.handlers.failed.register(getattr(app.state, "metrics_registry", None))
        secret = self.settings.telegram_webhook_secret
        if not self.webhook_url or secret is None:  # the settings refuse a URL without secret
            return
        receiver = WebhookReceiver(self._application(), self.processor, secret.get_secret_value())
        path = urlsplit(self.webhook_url).path or "/"
        app.add_api_route(path, receiver, methods=["POST"], include_in_schema=False)

    @asynccontextmanager
    async def lifespan(self, _app: FastAPI) -> AsyncIterator[None]:
        """Run the bot while the web app runs; Telegram being unreachable does not stop it."""
        application = self._application()
        starting = asyncio.create_task(self._start(application), name="telegram-start")
        starting.add_done_callback(_log_failure)
        try:
            yield
        finally:
            starting.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await starting
            if isinstance(self.bridge, ApplicationBridge):
                self.bridge.detach()
            if application.updater is not None and application.updater.running:
                await application.updater.stop()
            if application.running:
                await application.stop()
            await application.shutdown()
            if self.handlers is not None:
                self.handlers.executor.shutdown(wait=False)

    def close(self) -> None:
        """Stop the notifier's own loop, when it has one (a process without the Application)."""
        if isinstance(self.bridge, OwnLoopBridge):
            self.bridge.close()

    async def _start(self, application: TelegramApp) -> None:
        await _retrying("initialise", application.initialize)
        if isinstance(self.bridge, ApplicationBridge):
            self.bridge.attach(asyncio.get_running_loop(), application.bot)
        await application.start()
        url, secret = self.webhook_url, self.settings.telegram_webhook_secret
        if url and secret is not None:
            await _retrying(
                "set the webhook",
                lambda: application.bot.set_webhook(
                    url, secret_token=secret.get_secret_value(), allowed_updates=ALLOWED_UPDATES
                ),
            )
            log.info("telegram: webhook at %s", url)
            return
        assert application.updater is not None, "built with an Updater when polling"
        await application.updater.start_polling(
            allowed_updates=ALLOWED_UPDATES, drop_pending_updates=False, bootstrap_retries=-1
        )
        log.info("telegram: polling")

    def _application(self) -> TelegramApp:
        if self.application is None:
            raise RuntimeError("this Telegram channel only sends notifications (no dialogs)")
        return self.application


async def _retrying(what: str, call: Callable[[], Awaitable[T]]) -> T:
    """Call until Telegram answers: network trouble and flood control are waited out."""
    delay = 1.0
    while True:
        try:
            return await call()
        except RetryAfter as error:
            wait = retry_seconds(error)
        except (BadRequest, InvalidToken):
            raise  # a wrong token or URL does not heal by waiting
        except NetworkError as error:
            log.warning("telegram: cannot %s yet (%s); again in %.0f s", what, error, delay)
            wait, delay = delay, min(delay * 2, LONGEST_BACKOFF)
        await asyncio.sleep(wait)


def _log_failure(task: asyncio.Task[None]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.error("the Telegram channel did not start", exc_info=task.exception())
