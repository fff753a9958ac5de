"""What case services need from the outside world, wired once by the composition root."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from backend.clock import Clock
from backend.ports import CaseGuard, CaseListener
from backend.request_types.catalogue import RequestTypes
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
    max_returns: int = 2
    listeners: Sequence[CaseListener] = field(default=())
    # Asked before an action is offered or taken (workflow.refusal), so the two agree.
    guards: Sequence[CaseGuard] = field(default=())
    # 诉求类型: detects a complaint's request type from its text (None: every one a complaint).
    request_types: RequestTypes | None = None
