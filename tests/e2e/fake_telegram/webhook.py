"""POST updates to webhook URLs from a background thread, one at a time, like Telegram."""

from __future__ import annotations

import queue
import threading
from dataclasses import dataclass
from typing import Any

import httpx

from .store import PATIENCE
from .updates import WebhookTarget

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


@dataclass(frozen=True)
class Delivery:
    """One webhook POST: the HTTP status, or None and the error when it did not connect."""

    update_id: int
    url: str
    status: int | None
    error: str | None = None


_Job = tuple[int, WebhookTarget, dict[str, Any]]


class WebhookDeliverer:
    """Delivers queued updates in order; failed deliveries are recorded, not retried."""

    def __init__(self, timeout: float = PATIENCE) -> None:
        self._timeout = timeout
        self._jobs: queue.Queue[_Job | None] = queue.Queue()
        self._changed = threading.Condition()
        self._deliveries: list[Delivery] = []
        self._seen: set[int] = set()
        self._generation = 0
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Start the delivery thread."""
        self._thread = threading.Thread(target=self._run, name="fake-telegram-webhook")
        self._thread.daemon = True
        self._thread.start()

    def stop(self) -> None:
        """Finish the delivery in progress and stop the thread."""
        if self._thread is not None:
            self._jobs.put(None)
            self._thread.join(timeout=self._timeout + 1)
            self._thread = None

    def reset(self) -> None:
        """Forget recorded deliveries; queued ones from before are dropped."""
        with self._changed:
            self._generation += 1
            self._deliveries, self._seen = [], set()

    def submit(self, target: WebhookTarget, update: dict[str, Any]) -> None:
        """Queue one update for delivery to ``target``."""
        with self._changed:
            generation = self._generation
        self._jobs.put((generation, target, update))

    @property
    def deliveries(self) -> list[Delivery]:
        """Every delivery attempt so far, oldest first."""
        with self._changed:
            return list(self._deliveries)

    def wait_for(self, update_id: int, timeout: float) -> Delivery:
        """Return the first delivery of ``update_id`` not returned by an earlier wait."""

        def find() -> Delivery | None:
            for index, delivery in enumerate(self._deliveries):
                if delivery.update_id == update_id and index not in self._seen:
                    self._seen.add(index)
                    return delivery
            return None

        with self._changed:
            found = self._changed.wait_for(find, timeout)
        if found is None:
            raise TimeoutError(f"update {update_id} was not delivered within {timeout}s")
        return found

    def _run(self) -> None:
        with httpx.Client(timeout=self._timeout, trust_env=False) as client:
            while (job := self._jobs.get()) is not None:
                generation, target, update = job
                delivery = self._post(client, target, update)
                with self._changed:
                    if generation == self._generation:
                        self._deliveries.append(delivery)
                        self._changed.notify_all()

    @staticmethod
    def _post(client: httpx.Client, target: WebhookTarget, update: dict[str, Any]) -> Delivery:
        headers = {SECRET_HEADER: target.secret_token} if target.secret_token else {}
        update_id = update["update_id"]
        try:
            response = client.post(target.url, json=update, headers=headers)
        except httpx.HTTPError as exc:
            return Delivery(update_id, target.url, None, f"{type(exc).__name__}: {exc}")
        return Delivery(update_id, target.url, response.status_code)
