"""Status of a case (`/status NUMBER [PIN]`) and the chat's own cases (`/mycases`)."""

from __future__ import annotations

from dialogs import texts
from dialogs.context import Ctx, Refusal
from dialogs.model import Outbound
from dialogs.parsing import parse_case_lookup
from dialogs.ports import StatusView

MY_CASES_LIMIT = 10


def show(ctx: Ctx, args: tuple[str, ...]) -> Outbound:
    """Answer the state of a case; an unknown number and a wrong PIN read the same.

    The arguments are read as one text (`HQ-261127-0001，494193` comes as one word, `HQ
    261127 0001 494193` as four); what is no number and PIN is explained, never looked up.
    """
    if not args:
        raise Refusal("status.usage")
    lookup = parse_case_lookup(" ".join(args))
    if lookup is None:
        raise Refusal("status.malformed")
    return _answer(ctx, lookup.number, lookup.pin)


def from_text(ctx: Ctx, text: str) -> Outbound | None:
    """Answer a case number (and PIN) sent without `/status` outside a dialog, else None."""
    lookup = parse_case_lookup(text)
    return _answer(ctx, lookup.number, lookup.pin) if lookup is not None else None


def _answer(ctx: Ctx, number: str, pin: str | None) -> Outbound:
    view = ctx.services.case_status(number, pin, ctx.chat)
    if view is None and pin is None:  # whether the case exists or not: nothing is confirmed
        return Outbound(ctx.t("status.pin_needed", number=number))
    if view is None:
        return Outbound(ctx.t("status.not_found"))
    return Outbound(render(ctx, view))


def render(ctx: Ctx, view: StatusView) -> str:
    """Return what a reporter may see of a case."""
    lines = [ctx.t("status.header", number=view.number, status=status_label(ctx, view.status))]
    holder = ctx.pick(view.holder_zh, view.holder_en)
    if holder:
        lines.append(ctx.t("status.holder", unit=holder))
    category = ctx.pick(view.category_zh, view.category_en)
    if category:
        lines.append(ctx.t("status.category", category=category))
    if view.updated_on:
        lines.append(ctx.t("status.updated", day=view.updated_on.isoformat()))
    if view.reply:
        lines.append(ctx.t("status.reply", reply=view.reply))
    if view.merged_into:
        lines.append(ctx.t("status.merged", number=view.merged_into))
    return "\n".join(lines)


def my_cases(ctx: Ctx) -> Outbound:
    """List the cases this chat filed or follows, newest first as the backend gives them."""
    cases = list(ctx.services.my_cases(ctx.chat))[:MY_CASES_LIMIT]
    if not cases:
        return Outbound(ctx.t("status.none_mine"))
    lines = [ctx.t("status.mine_title")]
    lines += [
        ctx.t(
            "status.mine_following" if case.following else "status.mine_line",
            number=case.number,
            status=status_label(ctx, case.status),
            day=case.filed_on.isoformat(),
        )
        for case in cases
    ]
    lines.append(ctx.t("status.mine_hint"))
    return Outbound("\n".join(lines))


def status_label(ctx: Ctx, status: str) -> str:
    """Return a case status for people (受理, 办理中, ...)."""
    key = f"case.{status}"
    return ctx.t(key) if texts.has(key) else status
