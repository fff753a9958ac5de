"""What case services need from the outside world, wired once by the composition root."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from backend.clock import Clock
from backend.ports import CaseGuard, CaseListener, CaseRule
from backend.request_types.catalogue import RequestTypes
from backend.routing.danger import DangerWords
from backend.routing.router import Router
from backend.taxonomy.models import Taxonomy


@dataclass(frozen=True)
class CaseEnv:
    """Configuration and ports of the case services."""

    taxonomy: Taxonomy
    router: Router
    clock: Clock
    timezone: str = "Asia/Shanghai"
    min_text_length: int = 5
    max_text_length: int = 5000
    max_returns: int = 3
    listeners: Sequence[CaseListener] = field(default=())
    # Asked before an action is offered or taken (workflow.refusal), so the two agree.
    guards: Sequence[CaseGuard] = field(default=())
    # The key of PIN hashes (backend.cases.numbers.pin_key), from the signing secret.
    pin_key: bytes = field(default=b"", repr=False)
    # Asked after the guards: the hand-off rules (backend.handoff.rules), coded refusals.
    rules: Sequence[CaseRule] = field(default=())
    # Words of immediate danger (policy `urgent.danger`): a case that has them is urgent
    # unless whoever filed it said otherwise.
    danger: DangerWords = field(default_factory=lambda: DangerWords({}))
    # 诉求类型: detects a complaint's request type from its text (None: every one a complaint).
    request_types: RequestTypes | None = None
    # An SMTP server is set: an address a request gives is sent its confirmation link
    # (backend.notifications.email_confirmation); without one it is only kept.
    sends_email: bool = False
