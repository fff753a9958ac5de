"""Clerks (联络员): bind the chat to a staff account, see the queue, sign for cases (签收)."""

from __future__ import annotations

from dialogs.context import Ctx, Refusal, prefixed, refusal_of
from dialogs.flows.start import menu
from dialogs.model import Button, Outbound
from dialogs.parsing import clip, normalise, parse_case_number
from dialogs.ports import ClerkView, SubmissionRefused

QUEUE_LIMIT = 10
EXCERPT_LIMIT = 60


def bind(ctx: Ctx, args: tuple[str, ...]) -> list[Outbound]:
    """Link this chat to the staff account that a one-time code names."""
    if not args:
        raise Refusal("clerk.bind_usage")
    # A code read out over the phone is often typed in its two halves: "ABCD EFGH".
    view = ctx.services.bind_clerk(normalise("".join(args)), ctx.chat, ctx.state.language)
    if view is None:
        raise Refusal("clerk.bind_failed")
    ctx.state.clerk = view.to_dict()
    unit = ctx.pick(view.unit_zh, view.unit_en)
    return prefixed(ctx.t("clerk.bound", name=view.name, unit=unit), [menu(ctx)])


def require_clerk(ctx: Ctx) -> ClerkView:
    """Return the bound staff account, or refuse: the action is for clerks."""
    clerk = ctx.clerk
    if clerk is None:
        raise Refusal("clerk.not_bound")
    return clerk


def queue(ctx: Ctx) -> Outbound:
    """List the cases of the clerk's unit waiting to be signed for, each with a sign button."""
    try:
        items = list(ctx.services.clerk_queue(require_clerk(ctx)))[:QUEUE_LIMIT]
    except SubmissionRefused as refused:
        raise refusal_of(refused) from refused
    record = (ctx.key_button("menu.record", "go", "record"),)
    if not items:
        return Outbound(ctx.t("clerk.queue_empty"), (record,))
    lines = [ctx.t("clerk.queue_title", count=len(items))]
    buttons: list[tuple[Button, ...]] = []
    for item in items:
        due = item.due_on.isoformat() if item.due_on else "-"
        category = ctx.pick(item.category_zh, item.category_en) or "-"
        excerpt = clip(item.excerpt, EXCERPT_LIMIT)
        lines.append(
            ctx.t(
                "clerk.queue_item",
                number=item.number,
                category=category,
                due=due,
                excerpt=excerpt,
            )
        )
        buttons.append((ctx.key_button("clerk.sign", "sign", item.number, number=item.number),))
    buttons.append(record)
    return Outbound("\n".join(lines), tuple(buttons))


def sign(ctx: Ctx, args: tuple[str, ...]) -> list[Outbound]:
    """Sign for a case of the clerk's unit, then show what is still waiting."""
    clerk = require_clerk(ctx)
    if not args:
        raise Refusal("clerk.sign_usage")
    number = parse_case_number(" ".join(args))
    if number is None:
        raise Refusal("number.malformed")
    try:
        ctx.services.sign_case(clerk, number)
    except SubmissionRefused as refused:
        raise refusal_of(refused) from refused
    return prefixed(ctx.t("clerk.signed", number=number), [queue(ctx)])
