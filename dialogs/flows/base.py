"""Steps and flows: a flow asks its steps in order, skipping those already answered."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from typing import Any

from dialogs.context import Ctx, Refusal
from dialogs.model import Button, FileRef, GeoPoint, Outbound


class Step(ABC):
    """One question of a flow; a subclass answers the inputs it accepts."""

    flow: Flow  # set by the flow that owns the step
    back_allowed = True
    shows_keyboard = False  # asks for a location or contact with a reply keyboard
    free_text = False  # see FreeTextStep

    @abstractmethod
    def prompt(self, ctx: Ctx) -> list[Outbound]:
        """Return the question, rendered from the state alone so it can be shown again."""

    def on_text(self, ctx: Ctx, text: str) -> list[Outbound]:
        """Answer typed text."""
        raise Refusal("step.use_buttons")

    def on_button(self, ctx: Ctx, action: str, arg: str) -> list[Outbound]:
        """Answer a tap on one of this step's buttons."""
        raise Refusal("input.stale")

    def on_location(self, ctx: Ctx, point: GeoPoint) -> list[Outbound]:
        """Answer a shared location."""
        raise Refusal("step.no_location")

    def on_contact(self, ctx: Ctx, phone: str, name: str) -> list[Outbound]:
        """Answer a shared contact."""
        raise Refusal("step.no_contact")

    def on_skip(self, ctx: Ctx) -> list[Outbound]:
        """Answer "skip"; only optional steps accept it."""
        raise Refusal("step.cannot_skip")

    def nav_row(self, ctx: Ctx, *, skip: bool = False) -> tuple[Button, ...]:
        """Return "skip" when optional, then "back", or "cancel" on a flow's first question."""
        row = [ctx.key_button("nav.skip", "nav", "skip")] if skip else []
        if not ctx.state.history:
            row.append(ctx.key_button("nav.cancel", "nav", "cancel"))
        elif self.back_allowed:
            row.append(ctx.key_button("nav.back", "nav", "back"))
        return tuple(row)


class FreeTextStep(Step):
    """A question whose answer is typed text of its own (a description, a name, a place, a date).

    The step alone reads what is typed: text it refuses is never taken for the words of one of
    its buttons, as it is at a question of buttons (`dialogs.engine`), so a complaint or a
    name that happens to be "完成" stays what it is.
    """

    free_text = True


class Flow(ABC):
    """An ordered set of steps that fills `state.data`; the first unanswered step comes next."""

    name = ""
    takes_files = False  # photos and documents are evidence of this flow (`on_file`)

    def __init__(self, steps: Mapping[str, Step]) -> None:
        self.steps = dict(steps)
        for step in self.steps.values():
            step.flow = self

    @abstractmethod
    def needs(self, step: str, data: dict[str, Any]) -> bool:
        """Return whether a step still waits for an answer."""

    def current(self, ctx: Ctx) -> Step:
        """Return the step the chat is at (the first one if the saved name is unknown)."""
        return self.steps.get(ctx.state.step or "") or next(iter(self.steps.values()))

    def prompt(self, ctx: Ctx) -> list[Outbound]:
        """Return the question of the current step."""
        return self.current(ctx).prompt(ctx)

    def begin(self, ctx: Ctx, data: dict[str, Any]) -> list[Outbound]:
        """Start the flow and ask its first question."""
        ctx.start_flow(self.name, data)
        return self.proceed(ctx)

    def proceed(self, ctx: Ctx) -> list[Outbound]:
        """Go to the first step still waiting for an answer and ask it."""
        following = next(name for name in self.steps if self.needs(name, ctx.data))
        return self.goto(ctx, following)

    def goto(self, ctx: Ctx, step: str) -> list[Outbound]:
        """Go to a named step (for an edit from the summary) and ask it."""
        ctx.enter(step)
        return self.prompt(ctx)

    def refresh(self, ctx: Ctx) -> list[Outbound]:
        """Ask the current step again with new buttons (its choices changed)."""
        step = ctx.state.step
        assert step is not None, "refresh needs a current step"
        ctx.enter(step, remember=False)
        return self.prompt(ctx)

    def back(self, ctx: Ctx) -> list[Outbound]:
        """Return to the step before this one."""
        if not ctx.state.history or not self.current(ctx).back_allowed:
            raise Refusal("step.no_back")
        leaving = self.current(ctx)
        *rest, previous = ctx.state.history
        ctx.state.history = rest
        ctx.enter(previous, remember=False)
        if leaving.shows_keyboard:  # a message of its own takes the reply keyboard away
            return [Outbound(ctx.t("nav.went_back"), remove_keyboard=True), *self.prompt(ctx)]
        return self.prompt(ctx)

    def on_file(self, ctx: Ctx, file: FileRef, caption: str, album: str = "") -> list[Outbound]:
        """Answer a photo or document sent at any step (`album`: the album it came in)."""
        raise Refusal("step.no_file")
