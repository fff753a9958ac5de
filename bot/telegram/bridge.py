"""Run bot calls on the event loop that owns the bot, from the threads that need them.

The scheduler's sender and the conversation service (fetching evidence at submission) are
synchronous code on threads of their own; python-telegram-bot is asyncio. A bridge hands a
coroutine to the bot's loop and waits for its result with a timeout.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable, Coroutine
from concurrent.futures import Future
from typing import Any, TypeVar

from telegram.error import TimedOut
from telegram.ext import ExtBot

T = TypeVar("T")
BotCall = Callable[[ExtBot[Any]], Coroutine[Any, Any, T]]


class BotNotRunning(Exception):
    """The bot is not (yet, or any more) running in this process."""


def _wait(future: Future[T], timeout: float) -> T:
    try:
        return future.result(timeout)
    except TimeoutError:
        future.cancel()
        raise TimedOut(f"no answer from the bot's event loop within {timeout:g} s") from None


def _submit(loop: asyncio.AbstractEventLoop, call: Coroutine[Any, Any, T]) -> Future[T]:
    try:
        running = asyncio.get_running_loop()
    except RuntimeError:
        running = None
    if running is loop:
        call.close()
        raise RuntimeError("a blocking bot call on the bot's own event loop would deadlock")
    return asyncio.run_coroutine_threadsafe(call, loop)


class ApplicationBridge:
    """The loop and bot of the running Application (set by the channel's lifespan)."""

    def __init__(self) -> None:
        self._target: tuple[asyncio.AbstractEventLoop, ExtBot[Any]] | None = None

    def attach(self, loop: asyncio.AbstractEventLoop, bot: ExtBot[Any]) -> None:
        """Accept calls: the application is initialised on this loop."""
        self._target = (loop, bot)

    def detach(self) -> None:
        """Refuse calls: the application is shutting down."""
        self._target = None

    def run(self, call: BotCall[T], timeout: float) -> T:
        """Run `call(bot)` on the application's loop and return its result."""
        target = self._target
        if target is None:
            raise BotNotRunning("the Telegram bot is not running in this process")
        loop, bot = target
        return _wait(_submit(loop, call(bot)), timeout)


class OwnLoopBridge:
    """A loop in a daemon thread with a bot of its own, for processes without the Application
    (`intake scheduler`); started at the first call."""

    def __init__(self, make_bot: Callable[[], ExtBot[Any]]) -> None:
        self._make_bot = make_bot
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._bot: ExtBot[Any] | None = None

    def run(self, call: BotCall[T], timeout: float) -> T:
        """Run `call(bot)` on the private loop and return its result."""
        loop, bot = self._started(timeout)
        return _wait(_submit(loop, call(bot)), timeout)

    def _started(self, timeout: float) -> tuple[asyncio.AbstractEventLoop, ExtBot[Any]]:
        with self._lock:
            if self._loop is None:
                loop = asyncio.new_event_loop()
                thread = threading.Thread(target=loop.run_forever, name="telegram-notifier")
                thread.daemon = True
                thread.start()
                self._loop, self._thread = loop, thread
            if self._bot is None:
                bot = self._make_bot()
                _wait(_submit(self._loop, bot.initialize()), timeout)
                self._bot = bot
            return self._loop, self._bot

    def close(self, timeout: float = 10.0) -> None:
        """Shut the bot down and stop the loop (a later call starts them again)."""
        with self._lock:
            loop, thread, bot = self._loop, self._thread, self._bot
            self._loop = self._thread = self._bot = None
        if loop is None or thread is None:
            return
        if bot is not None:
            with contextlib.suppress(Exception):
                _wait(_submit(loop, bot.shutdown()), timeout)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout)
        if not thread.is_alive():
            loop.close()
