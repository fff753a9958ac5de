"""The complaint flow (投诉举报, `/report`), one step per module role."""

from __future__ import annotations

from typing import Any

from dialogs.context import Ctx, Refusal, prefixed
from dialogs.flows.base import Flow
from dialogs.flows.common import AttachmentsStep, DateStep, ShortTextStep, received, running
from dialogs.flows.complaint.danger import DangerStep, check_danger, needs_answer
from dialogs.flows.complaint.describe import CategoryStep, WhatStep
from dialogs.flows.complaint.place import StreetStep
from dialogs.flows.complaint.reporter import NAME_LIMIT, ContactStep, IdentityStep
from dialogs.flows.complaint.request_type import RequestTypeStep, asks_request_type
from dialogs.flows.complaint.similar import SimilarStep, look_for_similar
from dialogs.flows.complaint.summary import ComplaintSummary
from dialogs.model import FileRef, Outbound


class ComplaintFlow(Flow):
    """What, danger (when words of it), category, street, when, evidence, identity, summary."""

    name = "complaint"
    takes_files = True

    def needs(self, step: str, data: dict[str, Any]) -> bool:
        """Return whether a step still waits for an answer."""
        named = data.get("anonymous") is False
        waiting = {
            "what": "text" not in data,
            "danger": needs_answer(data),
            "category": "category" not in data,
            "street": bool(data.get("street_level")) and "street" not in data,
            "similar": bool(data.get("similar")) and "follow" not in data,
            "request_type": asks_request_type(data),
            "when": "occurred_on" not in data,
            "evidence": not data.get("files_done"),
            "identity": "anonymous" not in data,
            "contact": named and "phone" not in data,
            "name": named and "name" not in data,
            "summary": True,
        }
        return waiting[step]

    def proceed(self, ctx: Ctx) -> list[Outbound]:
        """Before asking when, look for open cases like this one (offered as "follow").

        A new description is first looked at for words of danger (the urgent question).
        """
        check_danger(ctx)
        placed = "category" in ctx.data and not self.needs("street", ctx.data)
        if placed and self.needs("when", ctx.data):
            look_for_similar(ctx)
        return super().proceed(ctx)

    def on_file(self, ctx: Ctx, file: FileRef, caption: str, album: str = "") -> list[Outbound]:
        """Collect a photo or document at any step; a caption may be the description.

        The photos of an album share one answer, edited as they come (`Outbound.replaces`).
        """
        answer = received(ctx, file, album)
        step = ctx.state.step
        if step == "what" and caption.strip():
            return [answer, *self.current(ctx).on_text(ctx, caption)]
        if step in ("evidence", "summary"):
            return running(prefixed(answer.text, self.prompt(ctx)), album)
        return [answer]


COMPLAINT = ComplaintFlow(
    {
        "what": WhatStep(),
        "danger": DangerStep(),
        "category": CategoryStep(),
        "street": StreetStep(),
        "similar": SimilarStep(),
        "request_type": RequestTypeStep(),
        "when": DateStep("occurred_on", "complaint.when", optional=True),
        "evidence": AttachmentsStep("complaint.evidence"),
        "identity": IdentityStep(),
        "contact": ContactStep(),
        "name": ShortTextStep("name", "complaint.name", max_length=NAME_LIMIT, optional=True),
        "summary": ComplaintSummary(),
    }
)


def begin(ctx: Ctx) -> list[Outbound]:
    """Start a complaint unless the chat reached today's limit."""
    limit = ctx.services.limits.daily_complaints
    if ctx.services.complaints_today(ctx.chat) >= limit:
        raise Refusal("complaint.daily_limit", limit=limit)
    return COMPLAINT.begin(ctx, {"attachments": []})
