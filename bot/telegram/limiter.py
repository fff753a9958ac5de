"""Pace outgoing Bot API calls per chat, notifications overall, and wait out flood control.

Telegram asks for about one message a second in a chat (short bursts are fine), twenty a
minute in a group, and thirty a second for bulk notifications; beyond that it answers 429 with
`retry_after`. PTB's `AIORateLimiter` would need the `aiolimiter` extra; this is the small
part of it we need, in token buckets.
"""

from __future__ import annotations

import asyncio
import logging
import time
import warnings
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter
from telegram.warnings import PTBDeprecationWarning

log = logging.getLogger(__name__)
OUTBOX = "outbox"  # rate_limit_args of a notification: paced overall, a 429 goes back at once
_MAX_BUCKETS = 10_000
Result = bool | dict[str, Any] | list[dict[str, Any]]


def retry_seconds(error: RetryAfter) -> float:
    """Return how long Telegram asked to wait (PTB gives an int or a timedelta)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


@dataclass
class Bucket:
    """A token bucket that hands out reservations: each call says how long to wait."""

    capacity: float
    per_second: float
    tokens: float = field(init=False)
    stamp: float = field(default_factory=time.monotonic)

    def __post_init__(self) -> None:
        self.tokens = self.capacity

    def reserve(self, now: float) -> float:
        """Take one token and return the seconds until it is really there."""
        self._refill(now)
        self.tokens -= 1
        return 0.0 if self.tokens >= 0 else -self.tokens / self.per_second

    def idle(self, now: float) -> bool:
        """Return whether the bucket is full again (it can be forgotten)."""
        self._refill(now)
        return self.tokens >= self.capacity

    def _refill(self, now: float) -> None:
        self.tokens = min(self.capacity, self.tokens + (now - self.stamp) * self.per_second)
        self.stamp = now


@dataclass(frozen=True)
class Limits:
    """The rates, as Telegram documents them."""

    chat_burst: float = 20
    chat_per_second: float = 1.0
    group_burst: float = 20
    group_per_second: float = 20 / 60
    overall_burst: float = 30
    overall_per_second: float = 30.0
    reply_retries: int = 1  # a reply to a user is tried again once after a 429
    longest_wait: float = 60.0  # a longer retry_after is not waited out in the request


class ChatRateLimiter(BaseRateLimiter[str]):
    """Per-chat buckets for every call, an overall bucket for notifications, 429 handling."""

    def __init__(self, limits: Limits | None = None) -> None:
        self.limits = limits or Limits()
        self._chats: dict[str, Bucket] = {}
        self._overall = Bucket(self.limits.overall_burst, self.limits.overall_per_second)
        self._paused_until = 0.0

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Forget the buckets."""
        self._chats.clear()

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: str | None,
    ) -> Result:
        """Wait for the chat's (and for notifications the overall) turn, then call."""
        outbox = rate_limit_args == OUTBOX
        retries = 0 if outbox else self.limits.reply_retries
        for attempt in range(retries + 1):
            await self._wait_turn(data.get("chat_id"), outbox)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as error:
                wait = retry_seconds(error)
                self._paused_until = max(self._paused_until, time.monotonic() + wait)
                if attempt == retries or wait > self.limits.longest_wait:
                    raise
                log.warning("telegram flood control on %s: waiting %.1f s", endpoint, wait)
        raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises

    async def _wait_turn(self, chat_id: object, outbox: bool) -> None:
        now = time.monotonic()
        delay = self._paused_until - now
        if chat_id is not None:
            delay = max(delay, self._bucket(str(chat_id), now).reserve(now))
        if outbox:
            delay = max(delay, self._overall.reserve(now))
        if delay > 0:
            await asyncio.sleep(delay)

    def _bucket(self, chat_id: str, now: float) -> Bucket:
        bucket = self._chats.get(chat_id)
        if bucket is None:
            if len(self._chats) >= _MAX_BUCKETS:
                self._chats = {k: b for k, b in self._chats.items() if not b.idle(now)}
            limits = self.limits
            # Negative ids are groups and channels, as are @usernames.
            if chat_id.isdigit():
                bucket = Bucket(limits.chat_burst, limits.chat_per_second, stamp=now)
            else:
                bucket = Bucket(limits.group_burst, limits.group_per_second, stamp=now)
            self._chats[chat_id] = bucket
        return bucket
