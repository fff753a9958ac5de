"""A question of a short typed answer: a name, a post, an authority, a document number."""

from __future__ import annotations

from dialogs.context import Ctx, Refusal
from dialogs.flows.base import FreeTextStep
from dialogs.model import Outbound
from dialogs.parsing import has_letter, short_answer


class ShortTextStep(FreeTextStep):
    """Ask for a short typed answer (a name, a unit, a document number).

    `words`: the answer names someone or something, so it needs a letter ("。。。" is asked
    again); a document number may be digits and marks.
    """

    def __init__(
        self,
        field: str,
        question: str,
        *,
        max_length: int = 100,
        optional: bool = False,
        words: bool = False,
    ) -> None:
        self.field = field
        self.question = question
        self.max_length = max_length
        self.optional = optional
        self.words = words

    def prompt(self, ctx: Ctx) -> list[Outbound]:
        """Ask the question."""
        nav = self.nav_row(ctx, skip=self.optional)
        return [Outbound(ctx.t(self.question), (nav,) if nav else ())]

    def on_text(self, ctx: Ctx, text: str) -> list[Outbound]:
        """Keep the answer as one line a reader sees whole (`short_answer`) and go on."""
        answer = short_answer(text)
        if len(answer) > self.max_length:
            raise Refusal("step.too_long", max=self.max_length)
        if self.words and not has_letter(answer):
            raise Refusal("step.no_words")
        ctx.data[self.field] = answer
        return self.flow.proceed(ctx)

    def on_skip(self, ctx: Ctx) -> list[Outbound]:
        """Leave an optional answer out."""
        if not self.optional:
            raise Refusal("step.cannot_skip")
        ctx.data[self.field] = None
        return self.flow.proceed(ctx)
