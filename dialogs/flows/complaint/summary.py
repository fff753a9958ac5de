"""The complaint's summary: confirm, change a field, or cancel; then file it."""

from __future__ import annotations

from datetime import date

from dialogs.context import Ctx, Refusal, refusal_of
from dialogs.flows.common import SummaryStep, beginning, line, when_text
from dialogs.flows.complaint.place import street_name
from dialogs.flows.complaint.request_type import request_type_of
from dialogs.model import FileRef, GeoPoint, Outbound
from dialogs.ports import ComplaintDraft, SubmissionRefused

SPAN = "occurred_on_span"  # a vague date: its last day and the words typed (DateStep)


class ComplaintSummary(SummaryStep):
    """Show the complaint before it is filed."""

    edits = {
        "text": "what",
        "category": "category",
        "street": "street",
        "when": "when",
        "files": "evidence",
        "identity": "identity",
        "request_type": "request_type",
    }

    def render(self, ctx: Ctx) -> str:
        """Return every answer, one per line."""
        data = ctx.data
        category = ctx.pick(data.get("category_zh"), data.get("category_en"))
        place = street_name(ctx, data.get("street")) or data.get("location_text")
        if data.get("anonymous"):
            who = ctx.t("summary.anonymous")
        else:
            who = ctx.t("summary.named", name=data.get("name") or "-", phone=data.get("phone"))
        lines = [
            ctx.t("summary.complaint_title"),
            line(ctx, "summary.text", beginning(ctx, data["text"])),
            line(ctx, "summary.category", category or ctx.t("summary.category_none")),
            line(ctx, "summary.request_type", ctx.t(f"request_type.{request_type_of(data)}")),
            line(ctx, "summary.street", place),
            line(ctx, "summary.when", when_text(ctx, data.get("occurred_on"), data.get(SPAN))),
            ctx.t("summary.files", count=len(data.get("attachments", []))),
            who,
        ]
        if data.get("urgent"):
            lines.insert(1, ctx.t("summary.urgent"))
        return "\n".join(lines)

    def submit(self, ctx: Ctx) -> list[Outbound]:
        """File the complaint and give the reporter its number (and PIN when anonymous)."""
        services = ctx.services
        limit = services.limits.daily_complaints
        if services.complaints_today(ctx.chat) >= limit:
            raise Refusal("complaint.daily_limit", limit=limit)
        try:
            receipt = services.submit_complaint(draft_of(ctx))
        except SubmissionRefused as refused:
            raise refusal_of(refused) from refused
        ctx.end_flow()
        if receipt.pin:
            text = ctx.t("complaint.filed_anonymous", number=receipt.number, pin=receipt.pin)
        else:
            text = ctx.t("complaint.filed_named", number=receipt.number)
        if (
            ctx.chat.channel == "web"
            and services.sends_email()
            and services.reporter_email(ctx.chat) is None
        ):
            text += "\n" + ctx.t("receipt.email")  # the page shows updates only while open
        return [Outbound(text, resend_when_unsure=True)]  # the PIN is shown this once


def draft_of(ctx: Ctx) -> ComplaintDraft:
    """Build the draft the backend files from the dialog's answers."""
    data = ctx.data
    where = data.get("location")
    when = data.get("occurred_on")
    span = data.get(SPAN) if when else None
    anonymous = bool(data.get("anonymous"))
    return ComplaintDraft(
        chat=ctx.chat,
        language=ctx.lang,
        text=data["text"],
        category=data.get("category"),
        street=data.get("street"),
        location_text=data.get("location_text"),
        location=GeoPoint(where[0], where[1]) if where else None,
        occurred_on=date.fromisoformat(when) if when else None,
        occurred_until=date.fromisoformat(span["last"]) if span else None,
        occurred_as=span["words"] if span else None,
        attachments=tuple(FileRef.from_dict(raw) for raw in data.get("attachments", [])),
        anonymous=anonymous,
        name=None if anonymous else data.get("name"),
        phone=None if anonymous else data.get("phone"),
        street_unsure=bool(data.get("street_level")) and data.get("street", "") is None,
        urgent=data.get("urgent"),
        request_type=request_type_of(data),
    )
