"""What kind of request it is (诉求类型): asked when the text reads as more than a complaint."""

from __future__ import annotations

from typing import Any

from dialogs.context import Ctx, Refusal, prefixed, rows
from dialogs.flows.base import Step
from dialogs.model import Button, Outbound

# In the order the buttons show them; a complaint is what /report files by default.
REQUEST_TYPES = ("complaint", "report", "help", "inquiry", "suggestion")
DEFAULT = "complaint"


def detected(data: dict[str, Any]) -> str:
    """Return the type the router read in the text (a complaint when it read none)."""
    found = data.get("route", {}).get("request_type")
    return found if found in REQUEST_TYPES else DEFAULT


def request_type_of(data: dict[str, Any]) -> str:
    """Return the type the reporter chose, else the one read in the text."""
    chosen = data.get("request_type")
    return chosen if chosen in REQUEST_TYPES else detected(data)


def asks_request_type(data: dict[str, Any]) -> bool:
    """Return whether the type step waits: the text reads as another type than a complaint.

    A text read as a complaint (what /report is for) is not asked about: its summary shows the
    type with a button to change it.
    """
    return "request_type" not in data and "text" in data and detected(data) != DEFAULT


class RequestTypeStep(Step):
    """Confirm the type read in the text with one tap, or pick another."""

    def prompt(self, ctx: Ctx) -> list[Outbound]:
        """Show the type read in the text first, then the others."""
        current = request_type_of(ctx.data)
        name = ctx.t(f"request_type.{current}")
        others = [
            ctx.button(ctx.t(f"request_type.{code}"), "rt", code)
            for code in REQUEST_TYPES
            if code != current
        ]
        buttons: list[tuple[Button, ...]] = [
            (ctx.key_button("request_type.yes", "rt", current, type=name),),
            *rows(others, 2),
        ]
        nav = self.nav_row(ctx)
        if nav:
            buttons.append(nav)
        return [Outbound(ctx.t("request_type.ask", type=name), tuple(buttons))]

    def on_button(self, ctx: Ctx, action: str, arg: str) -> list[Outbound]:
        """Keep the tapped type."""
        if action != "rt" or arg not in REQUEST_TYPES:
            raise Refusal("input.stale")
        ctx.data["request_type"] = arg
        kept = ctx.t("request_type.kept", type=ctx.t(f"request_type.{arg}"))
        return prefixed(kept, self.flow.proceed(ctx))

    def on_text(self, ctx: Ctx, text: str) -> list[Outbound]:
        """Explain that the type is chosen with a tap."""
        raise Refusal("request_type.use_buttons")
