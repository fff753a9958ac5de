"""The person or unit named in a record objects (异议, `/objection`) or, after rectification,
applies for credit repair (信用修复, `/repair`).

Both ask the same things: the record's number (checked at once: an unknown record, or one
that takes no such request now, is answered there), who asks (the person named, the unit
named, a representative), their name, the reasons, supporting files; then a summary to
confirm. The records service decides and files; its decision comes back to this chat.
"""

from __future__ import annotations

from typing import Any

from dialogs.context import Ctx, Refusal, prefixed, refusal_of
from dialogs.flows.base import Flow, FreeTextStep, Step
from dialogs.flows.common import (
    AttachmentsStep,
    ShortTextStep,
    SummaryStep,
    beginning,
    line,
    received,
    running,
)
from dialogs.model import Button, FileRef, Outbound
from dialogs.parsing import has_words, parse_case_number, visible_length
from dialogs.ports import SubmissionRefused
from dialogs.ports_records import REQUESTERS, RecordRequest, RecordRequestKind

NAME_LIMIT = 100
KINDS: tuple[RecordRequestKind, ...] = ("objection", "repair")


def _kind(ctx: Ctx) -> RecordRequestKind:
    return "repair" if ctx.state.flow == "repair" else "objection"


class RecordNumberStep(FreeTextStep):
    """Ask for the record's number and check at once that it takes this request now."""

    def prompt(self, ctx: Ctx) -> list[Outbound]:
        """Ask for the number."""
        nav = self.nav_row(ctx)
        return [Outbound(ctx.t(f"{_kind(ctx)}.number"), (nav,) if nav else ())]

    def on_text(self, ctx: Ctx, text: str) -> list[Outbound]:
        """Keep a record that takes the request; explain any other answer."""
        number = parse_case_number(text)
        if number is None:
            raise Refusal("requests.number_malformed")
        try:
            target = ctx.services.record_request_target(number, _kind(ctx))
        except SubmissionRefused as refused:
            raise refusal_of(refused, ctx.lang) from refused
        ctx.data["number"] = target.number
        ctx.data["target"] = {
            "person": target.person,
            "unit": ctx.pick(target.unit_zh, target.unit_en),
        }
        if target.person:  # on the public page: described as the page shows it
            found = ctx.t("requests.found", number=target.number, **ctx.data["target"])
        else:  # not published: the number alone (anyone can type one)
            found = ctx.t("requests.found_unpublished", number=target.number)
        return prefixed(found, self.flow.proceed(ctx))


class RequesterStep(Step):
    """Ask who objects or applies: the person named, the unit named, a representative."""

    def prompt(self, ctx: Ctx) -> list[Outbound]:
        """Offer the three kinds."""
        buttons: list[tuple[Button, ...]] = [
            (ctx.key_button(f"requests.requester.{k}", "who", k),) for k in REQUESTERS
        ]
        nav = self.nav_row(ctx)
        if nav:
            buttons.append(nav)
        return [Outbound(ctx.t("requests.requester"), tuple(buttons))]

    def on_button(self, ctx: Ctx, action: str, arg: str) -> list[Outbound]:
        """Keep the tapped kind."""
        if action != "who" or arg not in REQUESTERS:
            raise Refusal("input.stale")
        ctx.data["requester"] = arg
        return self.flow.proceed(ctx)


class ReasonsStep(FreeTextStep):
    """Ask for the facts and reasons (an objection) or the rectification done (repair)."""

    def prompt(self, ctx: Ctx) -> list[Outbound]:
        """Ask for the reasons."""
        minimum = ctx.services.limits.min_text_length
        nav = self.nav_row(ctx)
        return [Outbound(ctx.t(f"{_kind(ctx)}.reasons", min=minimum), (nav,) if nav else ())]

    def on_text(self, ctx: Ctx, text: str) -> list[Outbound]:
        """Keep the reasons when they say enough."""
        minimum = ctx.services.limits.min_text_length
        if visible_length(text) < minimum:
            raise Refusal("requests.too_short", min=minimum)
        if not has_words(text):  # the records service refuses it (reason_no_words): ask now
            raise Refusal("requests.no_words")
        ctx.data["reasons"] = text.strip()
        return self.flow.proceed(ctx)


class RequestSummary(SummaryStep):
    """Show the request before it is filed."""

    edits = {
        "record_number": "number",
        "requester": "requester",
        "requester_name": "name",
        "reasons": "reasons",
        "files": "files",
    }

    def render(self, ctx: Ctx) -> str:
        """Return every answer, one per line."""
        data = ctx.data
        who = ctx.t(f"requests.requester.{data['requester']}")
        target = data.get("target") or {}
        shown = [data["number"], target.get("person", ""), target.get("unit", "")]
        record = " · ".join(part for part in shown if part)
        return "\n".join(
            [
                ctx.t(f"summary.{_kind(ctx)}_title"),
                line(ctx, "summary.record_number", record),
                line(ctx, "summary.requester", f"{who} · {data.get('name', '')}"),
                line(ctx, "summary.reasons", beginning(ctx, data.get("reasons", ""))),
                ctx.t("summary.files", count=len(data.get("attachments", []))),
            ]
        )

    def submit(self, ctx: Ctx) -> list[Outbound]:
        """File the objection or the repair application with the lead office."""
        data, kind = ctx.data, _kind(ctx)
        request = RecordRequest(
            kind=kind,
            number=data["number"],
            chat=ctx.chat,
            language=ctx.lang,
            requester=data["requester"],
            name=data["name"],
            reasons=data["reasons"],
            attachments=tuple(FileRef.from_dict(raw) for raw in data.get("attachments", [])),
        )
        try:
            receipt = ctx.services.submit_record_request(request)
        except SubmissionRefused as refused:
            raise refusal_of(refused, ctx.lang) from refused
        ctx.end_flow()
        text = ctx.t(f"{kind}.filed", number=receipt.number, days=receipt.days)
        return [Outbound(text, resend_when_unsure=True)]


class RecordRequestFlow(Flow):
    """Record number, who asks, their name, reasons, files, confirm."""

    takes_files = True

    def __init__(self, name: RecordRequestKind) -> None:
        self.name = name
        super().__init__(
            {
                "number": RecordNumberStep(),
                "requester": RequesterStep(),
                "name": ShortTextStep("name", "requests.name", max_length=NAME_LIMIT, words=True),
                "reasons": ReasonsStep(),
                "files": AttachmentsStep("requests.files"),
                "confirm": RequestSummary(),
            }
        )

    def needs(self, step: str, data: dict[str, Any]) -> bool:
        """Return whether a step still waits for an answer."""
        if step in ("number", "requester", "name", "reasons"):
            return step not in data
        return step == "confirm" or not data.get("files_done")

    def on_file(self, ctx: Ctx, file: FileRef, caption: str, album: str = "") -> list[Outbound]:
        """Collect a document or photo at any step (an album's into one running answer)."""
        answer = received(ctx, file, album)
        if ctx.state.step in ("files", "confirm"):
            return running(prefixed(answer.text, self.prompt(ctx)), album)
        return [answer]


OBJECTION = RecordRequestFlow("objection")
REPAIR = RecordRequestFlow("repair")
FLOWS_BY_KIND = {"objection": OBJECTION, "repair": REPAIR}


def begin(ctx: Ctx, kind: str, reasons: str | None = None) -> list[Outbound]:
    """Start an objection or a repair application (with the reasons already typed, if any)."""
    data: dict[str, Any] = {"attachments": []}
    if reasons:
        data["reasons"] = reasons
    return FLOWS_BY_KIND[kind].begin(ctx, data)
