"""Commands (`/start`, `/report`, `/cancel`, ...): what each does, inside a flow or outside."""

from __future__ import annotations

from collections.abc import Callable

from dialogs.context import Ctx, Refusal, prefixed
from dialogs.flows import clerk, complaint, email, record, record_requests, start, status
from dialogs.flows.registry import current_flow
from dialogs.model import Outbound

# Commands that begin something new: refused in the middle of a flow.
_STARTERS: dict[str, Callable[[Ctx, tuple[str, ...]], list[Outbound]]] = {
    "report": lambda ctx, _args: complaint.begin(ctx),
    "record": lambda ctx, _args: record.begin(ctx),
    "bind": clerk.bind,
    "objection": lambda ctx, _args: record_requests.begin(ctx, "objection"),
    "repair": lambda ctx, _args: record_requests.begin(ctx, "repair"),
}
# Commands that only answer: allowed anywhere, followed by the current question again.
_QUERIES: dict[str, Callable[[Ctx, tuple[str, ...]], list[Outbound]]] = {
    "start": lambda ctx, _args: [start.greet(ctx)],
    "help": lambda ctx, _args: [start.help_text(ctx)],
    "menu": lambda ctx, _args: [start.menu(ctx)],
    "status": lambda ctx, args: [status.show(ctx, args)],
    "mycases": lambda ctx, _args: [status.my_cases(ctx)],
    "queue": lambda ctx, _args: [clerk.queue(ctx)],
    "sign": clerk.sign,
    "email": email.command,
}
# The command that starts a flow again, where it is not the flow's name.
_RESTARTS = {"complaint": "report"}
MENU_COMMANDS = frozenset({"report", "mycases", "queue", "record", "lang"})
MENU_COMMANDS |= {"objection", "repair"}


def run(ctx: Ctx, name: str, args: tuple[str, ...]) -> list[Outbound]:
    """Carry out a command."""
    flow = current_flow(ctx)
    if name in _STARTERS:
        if flow is not None:
            raise Refusal("command.busy", flow=ctx.t(f"flow.{flow.name}"))
        return _STARTERS[name](ctx, args)
    if name in _QUERIES:
        replies = _QUERIES[name](ctx, args)
        if flow is not None:
            return [*replies, *flow.prompt(ctx)]
        if name == "start":
            return prefixed(replies[0].text, [start.menu(ctx)])
        return replies
    if name == "lang":
        return _language(ctx, args)
    if name in ("cancel", "back", "skip"):
        return _navigate(ctx, name)
    raise Refusal("command.unknown")


def _language(ctx: Ctx, args: tuple[str, ...]) -> list[Outbound]:
    if not args:
        return [start.ask_language(ctx)]
    switched = start.choose_language(ctx, args[0].lower())
    flow = current_flow(ctx)
    return [switched, *(flow.prompt(ctx) if flow else [start.menu(ctx)])]


def _navigate(ctx: Ctx, name: str) -> list[Outbound]:
    flow = current_flow(ctx)
    if flow is None:
        raise Refusal("command.idle" if name != "cancel" else "cancel.nothing")
    if name == "back":
        return flow.back(ctx)
    if name == "skip":
        return flow.current(ctx).on_skip(ctx)
    ctx.end_flow()
    again = _RESTARTS.get(flow.name, flow.name)
    if again not in _STARTERS:  # a rating is not started by a command: nothing to send
        return [Outbound(ctx.t("cancel.done_plain"), remove_keyboard=True)]
    return [Outbound(ctx.t("cancel.done", command=again), remove_keyboard=True)]
