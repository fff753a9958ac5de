"""Immediate danger: asked when the description has words of danger (issue 12).

The router flags the words (`danger_of`); the reporter says whether life, health or
property is in danger right now. Yes marks the complaint urgent (its unit and the staff on
duty are told at once, day or night); either way the reporter is told to call 110, 119 or
120 where that applies, since those services, not a complaint, help at once.
"""

from __future__ import annotations

from dialogs.context import Ctx, Refusal, prefixed
from dialogs.flows.base import Step
from dialogs.model import Outbound

CHECKED = "danger_checked"  # the description the words of danger were looked for in


def check_danger(ctx: Ctx) -> None:
    """Look for words of danger in a new or changed description; forget an earlier answer."""
    data = ctx.data
    text = data.get("text")
    if text is None or data.get(CHECKED) == text:
        return
    data[CHECKED] = text
    data.pop("urgent", None)
    danger = ctx.services.danger_of(text)
    if danger is None:
        data.pop("danger", None)
    else:
        data["danger"] = danger


def needs_answer(data: dict[str, object]) -> bool:
    """Return whether the danger question waits for an answer."""
    return bool(data.get("danger")) and "urgent" not in data


class DangerStep(Step):
    """Ask whether the danger is immediate; say whom to call."""

    def prompt(self, ctx: Ctx) -> list[Outbound]:
        """Ask, with the emergency number the words call for."""
        call = ctx.t(f"urgent.call_{ctx.data.get('danger', 'other')}")
        buttons = (
            (ctx.key_button("urgent.yes", "urgent", "yes"),),
            (ctx.key_button("urgent.no", "urgent", "no"),),
        )
        nav = self.nav_row(ctx)
        return [Outbound(f"{ctx.t('urgent.ask')}\n{call}", (*buttons, nav) if nav else buttons)]

    def on_button(self, ctx: Ctx, action: str, arg: str) -> list[Outbound]:
        """Keep the answer; an urgent complaint is confirmed with whom to call."""
        if action != "urgent" or arg not in ("yes", "no"):
            raise Refusal("input.stale")
        ctx.data["urgent"] = arg == "yes"
        if arg == "no":
            return self.flow.proceed(ctx)
        call = ctx.t(f"urgent.call_{ctx.data.get('danger', 'other')}")
        return prefixed(f"{ctx.t('urgent.marked')}\n{call}", self.flow.proceed(ctx))
