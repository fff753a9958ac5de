"""Steps that several flows share: a date, attachments and the final summary (a short text:
`dialogs.flows.short_text`, kept importable from here)."""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Mapping
from dataclasses import replace
from datetime import timedelta

from dialogs.context import Ctx, Refusal, prefixed, rows
from dialogs.dates import OLDEST_YEARS, DaySpan, earliest_day, read_days
from dialogs.flows.base import FreeTextStep, Step
from dialogs.flows.short_text import ShortTextStep as ShortTextStep
from dialogs.model import Button, FileRef, Outbound
from dialogs.parsing import clip

MEGABYTE = 1024 * 1024
WORDS_LIMIT = 40  # the words of a vague date, as kept with the case


class DateStep(FreeTextStep):
    """Ask for a day: today, yesterday, a typed date, or skip when optional.

    A vague answer (上个月中旬, 2024年底, last week; the rules are in `dialogs.dates`) is kept
    as its first day in `field`, with its last day and the words typed in `<field>_span`, so
    nobody has to guess later what the reporter said. A step that starts a clock from the day
    (`exact`) asks for the exact day instead.
    """

    def __init__(self, field: str, question: str, *, optional: bool, exact: bool = False) -> None:
        self.field = field
        self.question = question
        self.optional = optional
        self.exact = exact

    @property
    def span_field(self) -> str:
        """Return where a vague answer keeps its last day and its words."""
        return f"{self.field}_span"

    def prompt(self, ctx: Ctx) -> list[Outbound]:
        """Ask for the date with one-tap answers for today and yesterday."""
        days = (
            ctx.key_button("date.today", "day", "0"),
            ctx.key_button("date.yesterday", "day", "1"),
        )
        nav = self.nav_row(ctx, skip=self.optional)
        return [Outbound(ctx.t(self.question), (days, nav) if nav else (days,))]

    def on_button(self, ctx: Ctx, action: str, arg: str) -> list[Outbound]:
        """Take today or yesterday."""
        if action != "day" or arg not in ("0", "1"):
            raise Refusal("input.stale")
        day = ctx.services.today() - timedelta(days=int(arg))
        return self._keep(ctx, DaySpan(day, day), "")

    def on_text(self, ctx: Ctx, text: str) -> list[Outbound]:
        """Take a typed day or span, refusing what is no date or lies ahead."""
        span = read_days(text, ctx.services.today())
        if span is None:
            raise Refusal("date.invalid_optional" if self.optional else "date.invalid")
        return self._keep(ctx, span, text)

    def on_skip(self, ctx: Ctx) -> list[Outbound]:
        """Leave the date out when it is optional."""
        if not self.optional:
            raise Refusal("step.cannot_skip")
        ctx.data[self.field] = None
        ctx.data.pop(self.span_field, None)
        return self.flow.proceed(ctx)

    def _keep(self, ctx: Ctx, span: DaySpan, words: str) -> list[Outbound]:
        today = ctx.services.today()
        if span.first > today:
            raise Refusal("date.future")
        if span.first < earliest_day(today):
            oldest = earliest_day(today).isoformat()
            raise Refusal("date.too_old", earliest=oldest, years=OLDEST_YEARS)
        span = span.until(today)
        if not span.exact and self.exact:
            first, last = span.first.isoformat(), span.last.isoformat()
            raise Refusal("date.exact_needed", first=first, last=last)
        ctx.data[self.field] = span.first.isoformat()
        ctx.data.pop(self.span_field, None)
        if not span.exact:
            said = clip(" ".join(words.split()), WORDS_LIMIT)
            ctx.data[self.span_field] = {"last": span.last.isoformat(), "words": said}
        return self.flow.proceed(ctx)


def when_text(ctx: Ctx, day: str | None, span: dict[str, str] | None) -> str | None:
    """Return a kept date for people: the day, or the words typed with the span they name."""
    if not day or not span:
        return day
    return ctx.t("date.span", words=span["words"], first=day, last=span["last"])


def attached(attachments: list[dict[str, object]], file: FileRef) -> bool:
    """Return whether the dialog holds this file already: web chat and console name an upload
    by its SHA-256, Telegram a file by its file_unique_id, so the same file again takes no new
    slot (nor quota: uploads.take_upload)."""
    key = file.same_file_key
    return any((item.get("unique_id") or item.get("file_id")) == key for item in attachments)


def collect_file(ctx: Ctx, file: FileRef) -> Outbound:
    """Add a photo or document to the flow's attachments, within the limits."""
    limits = ctx.services.limits
    attachments: list[dict[str, object]] = ctx.data.setdefault("attachments", [])
    if attached(attachments, file):  # the same file again: no new slot
        count = len(attachments)
        return Outbound(ctx.t("files.already", count=count, max=limits.max_attachments))
    if len(attachments) >= limits.max_attachments:
        raise Refusal("files.full", max=limits.max_attachments)
    if file.size is not None and file.size > limits.max_attachment_bytes:
        raise Refusal("files.too_big", mb=megabytes(limits.max_attachment_bytes))
    attachments.append(file.to_dict())
    return Outbound(ctx.t("files.received", count=len(attachments), max=limits.max_attachments))


def collect_album_file(ctx: Ctx, file: FileRef, album: str) -> Outbound:
    """Count a photo or document of an album in, or out when full or too large, and return
    the album's one running answer (how many it brought, and how many were not taken)."""
    limits = ctx.services.limits
    attachments: list[dict[str, object]] = ctx.data.setdefault("attachments", [])
    counts = ctx.data.get("album")
    if not isinstance(counts, dict) or counts.get("id") != album:
        counts = {"id": album, "taken": 0, "full": 0, "too_big": 0}
    if attached(attachments, file):  # the same file twice in an album: taken once
        pass
    elif len(attachments) >= limits.max_attachments:
        counts["full"] += 1
    elif file.size is not None and file.size > limits.max_attachment_bytes:
        counts["too_big"] += 1
    else:
        attachments.append(file.to_dict())
        counts["taken"] += 1
    ctx.data["album"] = counts
    lines = []
    if counts["taken"]:
        total = len(attachments)
        lines.append(
            ctx.t("files.album", taken=counts["taken"], count=total, max=limits.max_attachments)
        )
    if counts["full"]:
        lines.append(ctx.t("files.album_full", count=counts["full"], max=limits.max_attachments))
    if counts["too_big"]:
        mb = megabytes(limits.max_attachment_bytes)
        lines.append(ctx.t("files.album_too_big", count=counts["too_big"], mb=mb))
    return Outbound("\n".join(lines), replaces=album_answer(album))


def album_answer(album: str) -> str:
    """Return the name of an album's running answer (see `Outbound.replaces`)."""
    return f"album:{album}"


def running(replies: list[Outbound], album: str) -> list[Outbound]:
    """Make the first reply the album's running answer (all replies as they are without one)."""
    if not album or not replies:
        return replies
    return [replace(replies[0], replaces=album_answer(album)), *replies[1:]]


def received(ctx: Ctx, file: FileRef, album: str) -> Outbound:
    """Take a photo or document: one of an album into its running answer, else on its own."""
    return collect_album_file(ctx, file, album) if album else collect_file(ctx, file)


def megabytes(size: int) -> str:
    """Return a byte count as megabytes for people."""
    return f"{size / MEGABYTE:g}"


class AttachmentsStep(Step):
    """Invite photos and documents until "done"; the flow's `on_file` collects them."""

    def __init__(self, question: str) -> None:
        self.question = question

    def prompt(self, ctx: Ctx) -> list[Outbound]:
        """Ask for files, showing how many came so far."""
        limits = ctx.services.limits
        count = len(ctx.data.get("attachments", []))
        text = ctx.t(
            self.question,
            max=limits.max_attachments,
            mb=megabytes(limits.max_attachment_bytes),
            count=count,
        )
        if count:
            first: tuple[Button, ...] = (
                ctx.key_button("files.done", "files", "done", count=count),
                ctx.key_button("files.clear", "files", "clear"),
            )
        else:
            first = (ctx.key_button("nav.skip", "nav", "skip"),)
        nav = self.nav_row(ctx)
        return [Outbound(text, (first, nav) if nav else (first,))]

    def on_button(self, ctx: Ctx, action: str, arg: str) -> list[Outbound]:
        """Finish the step, or drop the files sent so far."""
        if action == "files" and arg == "done":
            return self.on_skip(ctx)
        if action == "files" and arg == "clear":
            ctx.data["attachments"] = []
            return prefixed(ctx.t("files.cleared"), self.prompt(ctx))
        raise Refusal("input.stale")

    def on_text(self, ctx: Ctx, text: str) -> list[Outbound]:
        """Explain that this step waits for files."""
        raise Refusal("files.use_files")

    def on_skip(self, ctx: Ctx) -> list[Outbound]:
        """Go on with the files sent so far."""
        ctx.data["files_done"] = True
        return self.flow.proceed(ctx)


class SummaryStep(Step):
    """Show every answer with confirm, a button per field to change it, and cancel."""

    edits: Mapping[str, str] = {}  # button key "edit.<name>" -> the step that asks it

    @abstractmethod
    def render(self, ctx: Ctx) -> str:
        """Return the summary text."""

    @abstractmethod
    def submit(self, ctx: Ctx) -> list[Outbound]:
        """File what the summary shows."""

    def prompt(self, ctx: Ctx) -> list[Outbound]:
        """Show the summary and its buttons."""
        edits = [ctx.key_button(f"edit.{name}", "edit", name) for name in self.edits]
        buttons = (
            *rows(edits, 3),
            (ctx.key_button("summary.confirm", "ok"),),
            (ctx.key_button("nav.cancel", "nav", "cancel"),),
        )
        return [Outbound(self.render(ctx), buttons)]

    def on_button(self, ctx: Ctx, action: str, arg: str) -> list[Outbound]:
        """Confirm, or go to the step of the field to change."""
        if action == "ok":
            return self.submit(ctx)
        if action == "edit" and arg in self.edits:
            return self.flow.goto(ctx, self.edits[arg])
        raise Refusal("input.stale")

    def on_text(self, ctx: Ctx, text: str) -> list[Outbound]:
        """Explain that the summary waits for a tap."""
        raise Refusal("summary.use_buttons")


def line(ctx: Ctx, key: str, value: str | None) -> str:
    """Return one summary line, with "not given" for an empty value."""
    return ctx.t(key, value=value if value else ctx.t("summary.not_given"))


def beginning(ctx: Ctx, text: str, limit: int = 300) -> str:
    """Return the start of a long text for a summary, saying that all of it is kept."""
    text = text.strip()
    if len(text) <= limit:
        return text
    return text[:limit] + ctx.t("summary.clipped", length=len(text))
