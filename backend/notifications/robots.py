"""Work-messenger group robots: the `robot` channel of the outbox, a JSON POST with httpx.

Each service has its own body, signing, size limit and rate limit (as documented by the
services): 企业微信 (WeCom) takes 2,048 bytes of text and 20 messages a minute per robot,
钉钉 (DingTalk) 20 a minute (signed with `timestamp` and `sign` in the address), 飞书 (Feishu)
100 a minute and 5 a second (signed in the body), and a plain JSON robot has no limit of its
own. A text too long is cut, keeping the link; a robot over its rate waits (the row is
retried after the wait, no request sent); an answer 429, 5xx, or 200 with an error code in
its body is a retry, never a success.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import urllib.parse
from collections import defaultdict, deque
from dataclasses import dataclass
from typing import Any, NoReturn

import httpx
from sqlalchemy import Engine

from backend.cases.models import Case
from backend.clock import Clock
from backend.db import read_scope
from backend.notifications.channels import record_outcome, reference
from backend.notifications.models import ChannelState, ContactChannel
from backend.ports import DeliveryFailed, DeliveryUnconfirmed, OutboundMessage, PartsSent
from backend.settings import Settings


@dataclass(frozen=True)
class Service:
    """What a robot service accepts: bytes of text, messages per minute and per second."""

    max_bytes: int
    per_minute: int | None
    per_second: int | None = None


SERVICES = {
    "wecom": Service(max_bytes=2048, per_minute=20),
    "dingtalk": Service(max_bytes=18000, per_minute=20),
    "feishu": Service(max_bytes=18000, per_minute=100, per_second=5),
    "json": Service(max_bytes=60000, per_minute=None),
}
# Error codes in a 200 answer that mean "too fast": wait a minute, then retry.
RATE_CODES = {45009, 130101, 9499, 11232}


def cut(text: str, link: str | None, max_bytes: int) -> str:
    """Return the text and link within `max_bytes` of UTF-8, cutting the text, never the link."""
    tail = f"\n{link}" if link else ""
    whole = text + tail
    if len(whole.encode()) <= max_bytes:
        return whole
    room = max_bytes - len(tail.encode()) - len("…".encode())
    kept = text.encode()[: max(room, 0)].decode(errors="ignore")
    return kept + "…" + tail


def signed_url(url: str, secret: str, now_ms: int) -> str:
    """Return DingTalk's address with `timestamp` and `sign` (HMAC-SHA256 of both, base64)."""
    to_sign = f"{now_ms}\n{secret}".encode()
    digest = hmac.new(secret.encode(), to_sign, hashlib.sha256).digest()
    sign = urllib.parse.quote_plus(base64.b64encode(digest))
    return f"{url}{'&' if '?' in url else '?'}timestamp={now_ms}&sign={sign}"


def feishu_sign(secret: str, now_s: int) -> str:
    """Return Feishu's `sign`: HMAC-SHA256 keyed with "timestamp\\nsecret" of nothing, base64."""
    key = f"{now_s}\n{secret}".encode()
    return base64.b64encode(hmac.new(key, b"", hashlib.sha256).digest()).decode()


def request_of(
    robot: ContactChannel, text: str, extra: dict[str, Any], now: float
) -> tuple[str, dict[str, Any]]:
    """Return the address and the JSON body of a message for a robot of its kind."""
    if robot.kind == "wecom":
        return robot.address, {"msgtype": "text", "text": {"content": text}}
    if robot.kind == "dingtalk":
        url = (
            signed_url(robot.address, robot.secret, int(now * 1000))
            if robot.secret
            else robot.address
        )
        return url, {"msgtype": "text", "text": {"content": text}}
    if robot.kind == "feishu":
        body: dict[str, Any] = {"msg_type": "text", "content": {"text": text}}
        if robot.secret:
            body |= {"timestamp": str(int(now)), "sign": feishu_sign(robot.secret, int(now))}
        return robot.address, body
    return robot.address, {"text": text, **extra}


def answer_error(response: httpx.Response) -> tuple[str | None, bool]:
    """Return what went wrong in a robot's answer (None: delivered), and whether: too fast."""
    if response.status_code == 429:
        return "429 too many requests", True
    if response.status_code >= 300:
        return f"HTTP {response.status_code}: {response.text[:200]}", False
    try:
        body = response.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None, False  # a plain robot may answer 200 with no JSON at all
    if not isinstance(body, dict):
        return None, False
    code = body.get("errcode", body.get("code", body.get("StatusCode", 0)))
    if code in (0, None, "0"):
        return None, False
    message = body.get("errmsg", body.get("msg", body.get("StatusMessage", "")))
    return f"error {code}: {str(message)[:200]}", code in RATE_CODES


class RateBook:
    """The moments each robot was sent to, to keep within its service's rate (per process)."""

    def __init__(self) -> None:
        self.sent: dict[int, deque[float]] = defaultdict(deque)

    def wait(self, robot_id: int, service: Service, now: float) -> float:
        """Return how many seconds until the robot may take another message (0: now)."""
        times = self.sent[robot_id]
        while times and times[0] <= now - 60:
            times.popleft()
        waits = [0.0]
        if service.per_minute is not None and len(times) >= service.per_minute:
            waits.append(times[-service.per_minute] + 60 - now)
        if service.per_second is not None:
            recent = [t for t in times if t > now - 1]
            if len(recent) >= service.per_second:
                waits.append(recent[-service.per_second] + 1 - now)
        return max(waits)

    def record(self, robot_id: int, now: float) -> None:
        """Remember a message sent to a robot now."""
        self.sent[robot_id].append(now)


class RobotNotifier:
    """Send the outbox's `robot` rows; count each robot's failures in a row."""

    def __init__(
        self,
        *,
        engine: Engine,
        settings: Settings,
        clock: Clock,
        client: httpx.Client | None = None,
    ) -> None:
        self.engine, self.settings, self.clock = engine, settings, clock
        self.client = client or httpx.Client(timeout=settings.robot_timeout_seconds)
        self.rates = RateBook()

    def send(self, message: OutboundMessage, progress: PartsSent | None = None) -> None:
        """Post one notice to a robot, within its service's size and rate."""
        _, robot_id = reference(message.chat_id)
        with read_scope(self.engine) as session:
            robot = session.get(ContactChannel, robot_id)
            case = session.get(Case, message.case_id) if message.case_id else None
        if robot is None or robot.id is None:
            raise DeliveryFailed("the robot was removed", permanent=True)
        if robot.state == ChannelState.failing:
            raise DeliveryFailed("the robot is marked failing", permanent=True)
        service = SERVICES.get(robot.kind, SERVICES["json"])
        now = self.clock.now().timestamp()
        wait = self.rates.wait(robot.id, service, now)
        if wait > 0:
            raise DeliveryFailed(f"robot {robot.id} is at its rate limit", retry_after=wait)
        base = self.settings.public_url.rstrip("/")
        link = f"{base}/console/cases/{case.number}" if case is not None else None
        extra = {"kind": message.kind, "case": case.number if case else None, "link": link}
        text = cut(message.text, link, service.max_bytes)
        self.rates.record(robot.id, now)
        url, body = request_of(robot, text, extra, now)
        try:
            response = self.client.post(
                url, json=body, timeout=self.settings.robot_timeout_seconds
            )
        except (httpx.ReadTimeout, httpx.RemoteProtocolError) as exc:
            # The request went out: the message may be in the group (backend/notifications/
            # policy.py says whether a notice of this kind is sent again).
            if not message.resend_when_unsure:
                raise DeliveryUnconfirmed(f"robot: {type(exc).__name__}: {exc}") from exc
            self._failed(robot.id, f"{type(exc).__name__}: {exc}", None)
        except httpx.HTTPError as exc:
            self._failed(robot.id, f"{type(exc).__name__}: {exc}", None)
        error, too_fast = answer_error(response)
        if error is not None:
            self._failed(robot.id, error, 60.0 if too_fast else None)
        if robot.failures:  # a success ends a run of failures (written only then)
            record_outcome(
                self.engine, robot.id, now=self.clock.now(), error=None, failing_after=1
            )
        if progress is not None:
            progress(1)

    def _failed(self, robot_id: int, error: str, retry_after: float | None) -> NoReturn:
        if retry_after is not None:  # too fast: the robot works, the message waits its turn
            raise DeliveryFailed(f"robot: {error}", retry_after=retry_after)
        failing = record_outcome(
            self.engine,
            robot_id,
            now=self.clock.now(),
            error=error,
            failing_after=self.settings.channel_failing_after,
        )
        raise DeliveryFailed(f"robot: {error}", retry_after=retry_after, permanent=failing)
