"""The flows a dialog state may be in, by name."""

from __future__ import annotations

from dialogs.context import Ctx
from dialogs.flows.base import Flow
from dialogs.flows.complaint import COMPLAINT
from dialogs.flows.rating import RATING
from dialogs.flows.record import RECORD
from dialogs.flows.record_requests import OBJECTION, REPAIR

FLOWS: dict[str, Flow] = {flow.name: flow for flow in (COMPLAINT, RECORD, RATING)}
FLOWS.update({flow.name: flow for flow in (OBJECTION, REPAIR)})


def current_flow(ctx: Ctx) -> Flow | None:
    """Return the flow the chat is in, or None when idle (or in a flow no longer known)."""
    return FLOWS.get(ctx.state.flow or "")
