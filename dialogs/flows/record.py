"""A clerk files a dishonesty record (政务失信记录, `/record`) for the lead office's ledger."""

from __future__ import annotations

from datetime import date
from typing import Any

from dialogs.context import Ctx, Refusal, prefixed, refusal_of
from dialogs.flows.base import Flow, FreeTextStep, Step
from dialogs.flows.clerk import require_clerk
from dialogs.flows.common import (
    AttachmentsStep,
    DateStep,
    ShortTextStep,
    SummaryStep,
    beginning,
    line,
    received,
    running,
)
from dialogs.model import Button, FileRef, Outbound
from dialogs.parsing import has_words, visible_length
from dialogs.ports import FINDINGS, SEVERITIES, RecordDraft, SubmissionRefused


class UnitStep(ShortTextStep):
    """Ask for the official's unit, with the clerk's own unit one tap away."""

    def prompt(self, ctx: Ctx) -> list[Outbound]:
        """Ask for the unit."""
        clerk = require_clerk(ctx)
        own = (ctx.key_button("record.own_unit", "unit", "own", unit=clerk.unit_zh),)
        nav = self.nav_row(ctx)
        return [Outbound(ctx.t(self.question), (own, nav) if nav else (own,))]

    def on_text(self, ctx: Ctx, text: str) -> list[Outbound]:
        """Keep a unit the district knows, by its official Chinese name; refuse any other."""
        if len(text.strip()) > self.max_length:
            raise Refusal("step.too_long", max=self.max_length)
        unit = ctx.services.record_unit(text.strip())
        if unit is None:
            raise Refusal("record.unit_unknown")
        ctx.data[self.field] = unit
        return self.flow.proceed(ctx)

    def on_button(self, ctx: Ctx, action: str, arg: str) -> list[Outbound]:
        """Take the clerk's own unit (its official Chinese name)."""
        if action != "unit" or arg != "own":
            raise Refusal("input.stale")
        ctx.data[self.field] = require_clerk(ctx).unit_zh
        return self.flow.proceed(ctx)


class FindingStep(Step):
    """Ask which kind of decision found the dishonesty."""

    def prompt(self, ctx: Ctx) -> list[Outbound]:
        """Offer the four kinds of finding."""
        buttons: list[tuple[Button, ...]] = [
            (ctx.key_button(f"finding.{f}", "fd", f),) for f in FINDINGS
        ]
        nav = self.nav_row(ctx)
        if nav:
            buttons.append(nav)
        return [Outbound(ctx.t("record.finding"), tuple(buttons))]

    def on_button(self, ctx: Ctx, action: str, arg: str) -> list[Outbound]:
        """Keep the tapped kind."""
        if action != "fd" or arg not in FINDINGS:
            raise Refusal("input.stale")
        ctx.data["finding"] = arg
        return self.flow.proceed(ctx)


class SeverityStep(Step):
    """Ask how serious the dishonesty is (it sets the publicity period)."""

    def prompt(self, ctx: Ctx) -> list[Outbound]:
        """Offer the three severities."""
        buttons: list[tuple[Button, ...]] = [
            tuple(ctx.key_button(f"severity.{s}", "sv", s) for s in SEVERITIES)
        ]
        nav = self.nav_row(ctx)
        if nav:
            buttons.append(nav)
        return [Outbound(ctx.t("record.severity"), tuple(buttons))]

    def on_button(self, ctx: Ctx, action: str, arg: str) -> list[Outbound]:
        """Keep the tapped severity."""
        if action != "sv" or arg not in SEVERITIES:
            raise Refusal("input.stale")
        ctx.data["severity"] = arg
        return self.flow.proceed(ctx)


class FactsStep(FreeTextStep):
    """Ask for a summary of the facts and the decision."""

    def prompt(self, ctx: Ctx) -> list[Outbound]:
        """Ask for the summary."""
        nav = self.nav_row(ctx)
        return [Outbound(ctx.t("record.facts"), (nav,) if nav else ())]

    def on_text(self, ctx: Ctx, text: str) -> list[Outbound]:
        """Keep the summary when it says enough."""
        minimum = ctx.services.limits.min_text_length
        if visible_length(text) < minimum:
            raise Refusal("record.too_short", min=minimum)
        if not has_words(text):  # the records service refuses it (text_no_words): ask now
            raise Refusal("record.no_words")
        ctx.data["facts"] = text.strip()
        return self.flow.proceed(ctx)


class SourceStep(ShortTextStep):
    """Ask which complaint case the record came from, if any (the two are linked both ways)."""

    def on_text(self, ctx: Ctx, text: str) -> list[Outbound]:
        """Keep the number of a complaint of the clerk's unit; refuse any other."""
        try:
            number = ctx.services.record_source(require_clerk(ctx), text.strip())
        except SubmissionRefused as refused:
            raise refusal_of(refused, ctx.lang) from refused
        if number is None:
            raise Refusal("record.source_unknown")
        ctx.data[self.field] = number
        return self.flow.proceed(ctx)


class RecordSummary(SummaryStep):
    """Show the record before it is filed."""

    edits = {
        "person": "person",
        "unit": "unit",
        "finding": "finding",
        "document": "document",
        "arose": "arose",
        "facts": "facts",
        "source": "source",
        "files": "files",
        "post": "post",
        "severity": "severity",
        "authority": "authority",
    }

    def render(self, ctx: Ctx) -> str:
        """Return every answer, one per line."""
        data = ctx.data
        return "\n".join(
            [
                ctx.t("summary.record_title"),
                line(ctx, "summary.person", data.get("person")),
                line(ctx, "summary.post", data.get("post")),
                line(ctx, "summary.unit", data.get("unit")),
                line(ctx, "summary.finding", ctx.t(f"finding.{data['finding']}")),
                line(ctx, "summary.authority", data.get("authority")),
                line(ctx, "summary.severity", ctx.t(f"severity.{data['severity']}")),
                line(ctx, "summary.document", data.get("document_number"))
                if data.get("document_number")
                else ctx.t("summary.draft"),
                line(ctx, "summary.arose", data.get("arose_on")),
                line(ctx, "summary.facts", beginning(ctx, data.get("facts", ""))),
                line(ctx, "summary.source", data.get("source_case")),
                ctx.t("summary.files", count=len(data.get("attachments", []))),
            ]
        )

    def submit(self, ctx: Ctx) -> list[Outbound]:
        """File the record with the lead office."""
        data = ctx.data
        draft = RecordDraft(
            clerk=require_clerk(ctx),
            chat=ctx.chat,
            language=ctx.lang,
            person=data["person"],
            unit=data["unit"],
            finding=data["finding"],
            document_number=data.get("document_number"),
            arose_on=date.fromisoformat(data["arose_on"]),
            summary=data["facts"],
            source_case=data.get("source_case"),
            attachments=tuple(FileRef.from_dict(raw) for raw in data.get("attachments", [])),
            post=data.get("post") or "",
            severity=data["severity"],
            authority=data.get("authority") or "",
        )
        try:
            receipt = ctx.services.submit_record(draft)
        except SubmissionRefused as refused:
            raise refusal_of(refused, ctx.lang) from refused
        ctx.end_flow()
        key = "record.filed" if draft.document_number else "record.filed_draft"
        return [Outbound(ctx.t(key, number=receipt.number), resend_when_unsure=True)]


class RecordFlow(Flow):
    """Person, post, unit, finding, authority, severity, document, day, facts, source, files."""

    name = "record"
    takes_files = True

    def needs(self, step: str, data: dict[str, Any]) -> bool:
        """Return whether a step still waits for an answer."""
        field = {
            "person": "person",
            "post": "post",
            "unit": "unit",
            "finding": "finding",
            "authority": "authority",
            "severity": "severity",
            "document": "document_number",
            "arose": "arose_on",
            "facts": "facts",
            "source": "source_case",
        }.get(step)
        if field is not None:
            return field not in data
        return step == "confirm" or not data.get("files_done")

    def on_file(self, ctx: Ctx, file: FileRef, caption: str, album: str = "") -> list[Outbound]:
        """Collect a document or photo at any step (an album's into one running answer)."""
        answer = received(ctx, file, album)
        if ctx.state.step in ("files", "confirm"):
            return running(prefixed(answer.text, self.prompt(ctx)), album)
        return [answer]


RECORD = RecordFlow(
    {
        "person": ShortTextStep("person", "record.person", words=True),
        "post": ShortTextStep("post", "record.post", optional=True, words=True),
        "unit": UnitStep("unit", "record.unit"),
        "finding": FindingStep(),
        # The deciding authority (认定机关): the court, agency or discipline body.
        "authority": ShortTextStep("authority", "record.authority", max_length=200, words=True),
        "severity": SeverityStep(),
        # No document yet: skipped, the record is registered as a draft (its clock runs).
        "document": ShortTextStep("document_number", "record.document_or_draft", optional=True),
        # The day starts the 7 working days to report it: a span is asked again as a day.
        "arose": DateStep("arose_on", "record.arose", optional=False, exact=True),
        "facts": FactsStep(),
        "source": SourceStep("source_case", "record.source", optional=True),
        "files": AttachmentsStep("record.files"),
        "confirm": RecordSummary(),
    }
)


def begin(ctx: Ctx) -> list[Outbound]:
    """Start a record; only a bound clerk may."""
    require_clerk(ctx)
    return RECORD.begin(ctx, {"attachments": []})
