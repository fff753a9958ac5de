"""``FakeTelegram``: start the fake Bot API, act as users, and inspect what the bot did."""

from __future__ import annotations

from types import TracebackType
from typing import Any

from .server import BotProfile, create_app
from .serving import ServerThread
from .simulator import UserSimulator, inline_callback_data
from .store import PATIENCE, ChatStore, Fault, Predicate
from .updates import UpdateQueue
from .webhook import Delivery, WebhookDeliverer


class FakeTelegram(UserSimulator):
    """A fake Telegram Bot API server for any token, driven directly from the test thread."""

    def __init__(
        self,
        *,
        bot_username: str = "fake_bot",
        bot_first_name: str = "Fake Bot",
        delivery_timeout: float = PATIENCE,
    ) -> None:
        super().__init__(ChatStore(), UpdateQueue(), WebhookDeliverer(delivery_timeout))
        profile = BotProfile(bot_username, bot_first_name)
        self._app = create_app(self._store, self._updates, self._deliverer.submit, profile)
        self._server: ServerThread | None = None

    # lifecycle

    def start(self) -> FakeTelegram:
        """Serve on a free 127.0.0.1 port in a background thread (no-op when running)."""
        if self._server is None:
            self._updates.closed = False
            self._deliverer.start()
            server = ServerThread(self._app)
            try:
                server.start()
            except BaseException:
                self._deliverer.stop()
                raise
            self._server = server
        return self

    def stop(self) -> None:
        """Release waiting getUpdates calls, stop the server and the webhook thread."""
        self._updates.close()
        if self._server is not None:
            self._server.stop()
            self._server = None
        self._deliverer.stop()

    def reset(self) -> None:
        """Forget chats, updates, calls, files, faults, webhooks and deliveries."""
        self._store.reset()
        self._updates.reset()
        self._deliverer.reset()

    def __enter__(self) -> FakeTelegram:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def url(self) -> str:
        """Root URL of the running server, e.g. ``http://127.0.0.1:54321``."""
        if self._server is None:
            raise RuntimeError("FakeTelegram is not started")
        return f"http://127.0.0.1:{self._server.port}"

    @property
    def base_url(self) -> str:
        """Value for ``ApplicationBuilder().base_url(...)`` (PTB appends token and method)."""
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        """Value for ``ApplicationBuilder().base_file_url(...)``."""
        return f"{self.url}/file/bot"

    # faults and webhooks

    def fail_next(
        self,
        method: str,
        status: int = 429,
        retry_after: int = 1,
        times: int = 1,
        *,
        after: int = 0,
    ) -> None:
        """Make ``times`` calls of ``method`` fail with ``status`` (429: retry_after), once
        ``after`` more calls have passed (``after=1``: the second part of a long text)."""
        if status < 400:
            raise ValueError("status must be an HTTP error code")
        self._store.add_fault(method, Fault(status, retry_after, after=after), times)

    def time_out_after_delivery(self, method: str, times: int = 1, *, after: int = 0) -> None:
        """Carry out ``times`` calls of ``method`` (after ``after`` others) but never answer
        them: the client gives up and raises ``TimedOut`` although the message arrived."""
        self._store.add_fault(method, Fault(504, 0, after=after, after_delivery=True), times)

    def set_webhook_targets(self, urls: list[str], secret_token: str | None = None) -> None:
        """Deliver updates to these URLs in turn, overriding the bot's webhook; [] clears it.

        Without ``secret_token`` the secret the bot passed to setWebhook is sent.
        """
        self._updates.set_targets(urls, secret_token)

    @property
    def deliveries(self) -> list[Delivery]:
        """Every webhook POST so far with its HTTP status, oldest first."""
        return self._deliverer.deliveries

    def wait_for_delivery(self, update_id: int, timeout: float = PATIENCE) -> Delivery:
        """Wait for the next webhook POST of ``update_id`` and return it."""
        return self._deliverer.wait_for(update_id, timeout)

    # what the bot did

    def sent(self, chat_id: int) -> list[dict[str, Any]]:
        """The bot's messages in a chat as they are now (edits applied), oldest first.

        ``reply_markup`` is kept for every keyboard kind, though Telegram only echoes inline ones.
        """
        return self._store.sent(chat_id)

    def calls(self, method: str) -> list[dict[str, Any]]:
        """Decoded params of every request to ``method``, including ones failed by faults."""
        return self._store.calls(method)

    def wait_for_message(
        self,
        chat_id: int,
        predicate: Predicate | None = None,
        timeout: float = PATIENCE,
        stall: float | None = None,
    ) -> dict[str, Any]:
        """Block until the bot sent a matching message not returned by an earlier wait.

        With `stall`: while the bot keeps working, for up to `timeout` (see ChatStore).
        """
        return self._store.wait_for_message(chat_id, predicate, timeout, stall)

    def wait_for_call(
        self, method: str, predicate: Predicate | None = None, timeout: float = PATIENCE
    ) -> dict[str, Any]:
        """Block until a matching request to ``method`` not returned by an earlier wait."""
        return self._store.wait_for_call(method, predicate, timeout)

    def last_keyboard(self, chat_id: int) -> list[str]:
        """callback_data of the bot's latest message in the chat that has an inline keyboard."""
        for message in reversed(self._store.sent(chat_id)):
            if data := inline_callback_data(message):
                return data
        return []

    def held(self, method: str) -> int:
        """How many calls of ``method`` are done but still unanswered
        (``time_out_after_delivery``): the bot is still waiting for them."""
        with self._store.changed:
            return self._store.held[method.lower()]

    @property
    def answered_callbacks(self) -> list[dict[str, Any]]:
        """Params of every successful answerCallbackQuery."""
        with self._store.changed:
            return [dict(params) for params in self._store.answered]

    @property
    def pending_updates(self) -> list[dict[str, Any]]:
        """Updates queued for getUpdates and not yet confirmed by an offset."""
        return self._updates.pending()

    def file_bytes(self, file_id: str) -> bytes:
        """Bytes behind a file_id, e.g. of a photo the bot sent."""
        stored = self._store.file_by_id(file_id)
        if stored is None:
            raise KeyError(file_id)
        return stored.data
