"""Follow-up (回访): the reporter rates a resolved case, with an optional comment."""

from __future__ import annotations

from typing import Any

from dialogs.context import Ctx, Refusal, refusal_of
from dialogs.flows.base import Flow, Step
from dialogs.model import Outbound
from dialogs.ports import RATINGS, SubmissionRefused

COMMENT_LIMIT = 500


class ScoreStep(Step):
    """Ask satisfied, basically satisfied or dissatisfied."""

    back_allowed = False

    def prompt(self, ctx: Ctx) -> list[Outbound]:
        """Ask for the rating of the case."""
        buttons = tuple((ctx.key_button(f"rating.{r}", "rate", r),) for r in RATINGS)
        return [Outbound(ctx.t("rating.ask", number=ctx.data["number"]), buttons)]

    def on_button(self, ctx: Ctx, action: str, arg: str) -> list[Outbound]:
        """Keep the rating and ask for a comment."""
        if action != "rate" or arg not in RATINGS:
            raise Refusal("input.stale")
        ctx.data["rating"] = arg
        return self.flow.proceed(ctx)


class CommentStep(Step):
    """Ask for an optional comment, then pass the rating on."""

    def prompt(self, ctx: Ctx) -> list[Outbound]:
        """Ask for a comment; a dissatisfied reporter is asked what is still wrong."""
        key = "rating.why" if ctx.data.get("rating") == "dissatisfied" else "rating.comment"
        return [Outbound(ctx.t(key), (self.nav_row(ctx, skip=True),))]

    def on_text(self, ctx: Ctx, text: str) -> list[Outbound]:
        """Pass the rating on with the comment."""
        if len(text.strip()) > COMMENT_LIMIT:
            raise Refusal("step.too_long", max=COMMENT_LIMIT)
        return _rate(ctx, text.strip())

    def on_skip(self, ctx: Ctx) -> list[Outbound]:
        """Pass the rating on without a comment."""
        return _rate(ctx, None)


class RatingFlow(Flow):
    """Score, then comment."""

    name = "rating"

    def needs(self, step: str, data: dict[str, Any]) -> bool:
        """Return whether a step still waits for an answer."""
        return step == "comment" or "rating" not in data


RATING = RatingFlow({"score": ScoreStep(), "comment": CommentStep()})


def begin(ctx: Ctx, number: str) -> list[Outbound]:
    """Ask the reporter to rate a case."""
    return RATING.begin(ctx, {"number": number})


def _rate(ctx: Ctx, comment: str | None) -> list[Outbound]:
    number, rating = ctx.data["number"], ctx.data["rating"]
    try:
        ctx.services.rate_case(number, rating, comment, ctx.chat)
    except SubmissionRefused as refused:
        raise refusal_of(refused) from refused
    ctx.end_flow()
    text = ctx.t("rating.thanks", number=number)
    if rating == "dissatisfied":
        text += "\n" + ctx.t("rating.reopened")
    return [Outbound(text)]
