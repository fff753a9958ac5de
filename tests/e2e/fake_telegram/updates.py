"""Pending updates, getUpdates offset rules and the webhook configuration (thread-safe)."""

from __future__ import annotations

import copy
import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .objects import update_type

# Telegram only sends these when they are asked for explicitly in allowed_updates.
OPT_IN_TYPES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
FIRST_UPDATE_ID = 100_000


@dataclass(frozen=True)
class WebhookTarget:
    """Where one update is POSTed in webhook mode."""

    url: str
    secret_token: str | None


@dataclass
class _Entry:
    update: dict[str, Any]
    redelivery: bool = False
    returned: bool = False


class UpdateQueue:
    """Updates waiting for getUpdates, or routed to a webhook when one is active."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._ids = itertools.count(FIRST_UPDATE_ID)
        self._listeners: dict[int, Callable[[], None]] = {}
        self._listener_keys = itertools.count()
        self._poll_generation = 0
        self.closed = False
        self.reset()

    def reset(self) -> None:
        """Forget updates and webhook settings; update ids keep increasing across resets."""
        with self._lock:
            self._pending: list[_Entry] = []
            self._history: dict[int, dict[str, Any]] = {}
            self._allowed: frozenset[str] | None = None
            self._webhook_url = ""
            self._secret_token: str | None = None
            self._targets: list[str] = []
            self._target_secret: str | None = None
            self._next_target = 0
        self._notify()

    def new_id(self) -> int:
        """Return the next update_id."""
        return next(self._ids)

    def original(self, update_id: int) -> dict[str, Any]:
        """Return a copy of an update injected earlier."""
        with self._lock:
            if update_id not in self._history:
                raise KeyError(f"no update with update_id {update_id}")
            return copy.deepcopy(self._history[update_id])

    def push(self, update: dict[str, Any], *, redelivery: bool = False) -> WebhookTarget | None:
        """Queue an update for getUpdates, or return the webhook target that should get it."""
        with self._lock:
            self._history[update["update_id"]] = copy.deepcopy(update)
            target = self._pick_target()
            if target is None:
                self._pending.append(_Entry(copy.deepcopy(update), redelivery=redelivery))
                self._pending.sort(key=lambda entry: entry.update["update_id"])
        if target is None:
            self._notify()
        return target

    def _pick_target(self) -> WebhookTarget | None:
        if self._targets:
            url = self._targets[self._next_target % len(self._targets)]
            self._next_target += 1
            secret = self._target_secret or self._secret_token
            return WebhookTarget(url, secret)
        if self._webhook_url:
            return WebhookTarget(self._webhook_url, self._secret_token)
        return None

    @property
    def webhook_active(self) -> bool:
        """True when updates go to a webhook instead of getUpdates."""
        with self._lock:
            return bool(self._webhook_url or self._targets)

    def confirm(self, offset: int, allowed_updates: list[str] | None) -> None:
        """Apply getUpdates' offset (drop confirmed updates) and allowed_updates setting."""
        with self._lock:
            if allowed_updates is not None:
                self._allowed = frozenset(allowed_updates) or None
            if offset > 0:
                self._pending = [
                    e
                    for e in self._pending
                    if e.update["update_id"] >= offset or (e.redelivery and not e.returned)
                ]
            elif offset < 0:
                self._pending = self._pending[offset:]

    def collect(self, limit: int) -> list[dict[str, Any]]:
        """Return up to ``limit`` pending updates of allowed types; others are discarded."""
        with self._lock:
            self._pending = [e for e in self._pending if self._is_allowed(e.update)]
            batch = self._pending[:limit]
            for entry in batch:
                entry.returned = True
            return [copy.deepcopy(entry.update) for entry in batch]

    def _is_allowed(self, update: dict[str, Any]) -> bool:
        kind = update_type(update)
        if self._allowed is None:
            return kind not in OPT_IN_TYPES
        return kind in self._allowed

    def pending(self) -> list[dict[str, Any]]:
        """Return copies of the updates not yet confirmed by getUpdates."""
        with self._lock:
            return [copy.deepcopy(entry.update) for entry in self._pending]

    def begin_poll(self) -> int:
        """Register a getUpdates call; an older call still waiting gets a 409 Conflict."""
        with self._lock:
            self._poll_generation += 1
            generation = self._poll_generation
        self._notify()
        return generation

    def is_current_poll(self, generation: int) -> bool:
        """True while no newer getUpdates call has started."""
        with self._lock:
            return generation == self._poll_generation

    def add_listener(self, callback: Callable[[], None]) -> int:
        """Call ``callback`` (from any thread) whenever updates or polls change."""
        with self._lock:
            key = next(self._listener_keys)
            self._listeners[key] = callback
            return key

    def remove_listener(self, key: int) -> None:
        """Stop calling a listener added with ``add_listener``."""
        with self._lock:
            self._listeners.pop(key, None)

    def close(self) -> None:
        """Wake every waiting getUpdates so the server can shut down at once."""
        self.closed = True
        self._notify()

    def _notify(self) -> None:
        with self._lock:
            listeners = list(self._listeners.values())
        for callback in listeners:
            callback()

    def set_webhook(
        self, url: str, secret_token: str | None, allowed: list[str] | None, drop_pending: bool
    ) -> list[tuple[WebhookTarget, dict[str, Any]]]:
        """Activate a webhook; pending updates are returned for delivery unless dropped."""
        if not url:
            self.delete_webhook(drop_pending)
            return []
        with self._lock:
            self._webhook_url, self._secret_token = url, secret_token
            if allowed is not None:
                self._allowed = frozenset(allowed) or None
            entries, self._pending = self._pending, []
            if drop_pending:
                return []
            flushed: list[tuple[WebhookTarget, dict[str, Any]]] = []
            for entry in entries:
                target = self._pick_target()
                if target is not None and self._is_allowed(entry.update):
                    flushed.append((target, entry.update))
            return flushed

    def delete_webhook(self, drop_pending: bool) -> None:
        """Switch back to getUpdates, optionally dropping pending updates."""
        with self._lock:
            self._webhook_url, self._secret_token = "", None
            if drop_pending:
                self._pending = []

    def set_targets(self, urls: list[str], secret_token: str | None) -> None:
        """Override the bot's webhook with URLs used in turn (a load balancer); [] clears it."""
        with self._lock:
            self._targets, self._target_secret = list(urls), secret_token
            self._next_target = 0

    def webhook_info(self) -> dict[str, Any]:
        """Return a WebhookInfo object."""
        with self._lock:
            info: dict[str, Any] = {
                "url": self._webhook_url or (self._targets[0] if self._targets else ""),
                "has_custom_certificate": False,
                "pending_update_count": len(self._pending),
                "max_connections": 40,
            }
            if self._allowed is not None:
                info["allowed_updates"] = sorted(self._allowed)
            return info
