"""Clients as real ones behave behind a load balancer: a request that got no answer, a 502
or a 503 is sent again, with the same client message id or Idempotency-Key.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, field
from typing import Any

import httpx

from tests.deploy.seeding import ARREARS, ENFORCEMENT, NAMED

RETRIED = frozenset({502, 503, 504})
MAX_ATTEMPTS = 60  # a client gives up after this many; an instance restarts well within them
BACKOFF = 0.25  # seconds before sending again (a Retry-After is honoured up to 1 s)
NUMBER = re.compile(r"HQ-\d{6}-\d{4}")
# The buttons of an anonymous complaint with a confident route, in the order the dialog shows
# them; "file a new one anyway" only when it finds a similar open case (跟进 or not).
BUTTONS = ["✅ 对", "仍然提交新的投诉", "今天", "跳过", "🕶 匿名", "✅ 确认提交"]
ANYWAY = "仍然提交新的投诉"
MAX_TURNS = 20  # a dialog that has not filed after this many events is counted lost


class GaveUp(Exception):
    """A request that got no usable answer in MAX_ATTEMPTS."""


@dataclass
class Traffic:
    """Everything the clients sent and got."""

    base_url: str
    requests: int = 0
    resent: int = 0
    statuses: dict[int, int] = field(default_factory=dict)
    dialogs: dict[int, str | None] = field(default_factory=dict)  # dialog -> case number
    intakes: dict[int, str | None] = field(default_factory=dict)  # intake -> case number
    payloads: dict[str, str] = field(default_factory=dict)  # button label -> payload seen
    done: int = 0

    async def send(
        self, http: httpx.AsyncClient, method: str, path: str, **kwargs: Any
    ) -> httpx.Response:
        """Send until an answer other than 502/503/504 comes; the same body every time."""
        for attempt in range(MAX_ATTEMPTS):
            if attempt:
                self.resent += 1
            self.requests += 1
            try:
                response = await http.request(method, self.base_url + path, **kwargs)
            except httpx.TransportError:
                self.statuses[0] = self.statuses.get(0, 0) + 1
                await asyncio.sleep(BACKOFF)  # a client's pause before it sends again
                continue
            self.statuses[response.status_code] = self.statuses.get(response.status_code, 0) + 1
            if response.status_code not in RETRIED:
                return response
            wait = float(response.headers.get("retry-after") or BACKOFF)
            await asyncio.sleep(min(wait, 1.0))  # a client's pause before it sends again
        raise GaveUp(f"{method} {path}")

    async def dialog(self, http: httpx.AsyncClient, n: int) -> None:
        """File one complaint through the web chat as a citizen would; keep its case number.

        Each turn taps the button the last answer showed; when an answer was lost (the event
        sent again answers no replies: only a receipt comes again), it taps the button that
        comes next, with the payload other dialogs were shown for it.
        """
        self.dialogs[n] = None
        try:
            opened = await self.send(http, "POST", "/chat/api/session", json={})
            assert opened.status_code == 201, opened.text
            headers = {"Authorization": f"Bearer {opened.json()['token']}"}
            self._learn(opened.json())
            events: list[dict[str, Any]] = [
                {"kind": "command", "command": "report", "args": []},
                {"kind": "text", "text": f"{ARREARS}（网聊第{n}号）"},
            ]
            shown: dict[str, str] = {}
            tapped = -1
            for turn in range(MAX_TURNS):
                if turn < len(events):
                    event = events[turn]
                else:
                    labels = [b for b in BUTTONS if b in shown]
                    label = labels[0] if labels else _next_after(tapped)
                    tapped = BUTTONS.index(label)
                    payload = shown.get(label) or self.payloads.get(label)
                    assert payload, f"dialog {n}: no button {label!r} seen yet"
                    event = {"kind": "button", "payload": payload}
                body = {"client_id": f"d{n}-{turn}", **event}
                answer = await self.send(
                    http, "POST", "/chat/api/messages", json=body, headers=headers
                )
                assert answer.status_code == 200, answer.text
                shown = self._learn(answer.json())
                found = NUMBER.search("\n".join(r["text"] for r in answer.json()["replies"]))
                if found and tapped == BUTTONS.index("✅ 确认提交"):
                    self.dialogs[n] = found.group(0)
                    return
        except GaveUp:
            pass
        finally:
            self.done += 1

    async def intake(self, http: httpx.AsyncClient, n: int, coordinator: dict[str, str]) -> None:
        """File one case through the API with an Idempotency-Key; keep its number."""
        self.intakes[n] = None
        text = f"{ENFORCEMENT if n % 2 else ARREARS}（接口第{n}号）"
        headers = {**coordinator, "Idempotency-Key": f"intake-{n:06d}"}
        try:
            answer = await self.send(
                http,
                "POST",
                "/api/v1/cases",
                json={"text": text, "reporter": NAMED},
                headers=headers,
            )
            assert answer.status_code == 201, answer.text
            self.intakes[n] = answer.json()["number"]
        except GaveUp:
            pass
        finally:
            self.done += 1

    def _learn(self, answer: dict[str, Any]) -> dict[str, str]:
        """Return the buttons of an answer by label, and remember them for the next dialogs.

        A repeated event answers no replies (only a receipt comes again): a dialog whose
        answer was lost goes on with the buttons another dialog was shown at that step.
        """
        shown = {
            label: b["payload"]
            for reply in answer.get("replies", [])
            for row in reply.get("buttons", [])
            for b in row
            for label in BUTTONS
            if label in b["label"]  # the label as the helper taps it: "跳过" in "⏭ 跳过"
        }
        self.payloads.update(shown)
        return shown


def _next_after(tapped: int) -> str:
    """Return the button after the one tapped last, passing over the optional one."""
    following = [b for b in BUTTONS[tapped + 1 :] if b != ANYWAY]
    return following[0] if following else BUTTONS[-1]
