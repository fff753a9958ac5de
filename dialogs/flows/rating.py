"""Follow-up (回访): the reporter rates a resolved case, with an optional comment.

The question ends with its case. When the case no longer waits for a rating (it closed
unrated, a coordinator closed or reopened it), the flow turns "late": an answer to it (a
tap on its buttons, a comment, text typed instead of a tap) still reaches the case, as a
note, and anything else (a command, another button) ends it at once, keeping a rating
already chosen as a note too. It never asks the same question again in a loop.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from dialogs.context import Ctx, Refusal, refusal_of
from dialogs.flows.base import Flow, FreeTextStep, Step
from dialogs.model import ChatRef, DialogState, Inbound, Outbound
from dialogs.parsing import as_command, split_payload
from dialogs.ports import RATINGS, DialogServices, Rating, SubmissionRefused

COMMENT_LIMIT = 500
_WITHIN = frozenset({"cancel", "back", "skip"})  # commands that move within the question


class ScoreStep(Step):
    """Ask satisfied, basically satisfied or dissatisfied."""

    back_allowed = False

    def prompt(self, ctx: Ctx) -> list[Outbound]:
        """Ask for the rating of the case (saying it is closed, when it is)."""
        buttons = tuple((ctx.key_button(f"rating.{r}", "rate", r),) for r in RATINGS)
        key = "rating.ask_late" if is_late(ctx) else "rating.ask"
        return [Outbound(ctx.t(key, number=ctx.data["number"]), buttons)]

    def on_button(self, ctx: Ctx, action: str, arg: str) -> list[Outbound]:
        """Keep the rating and ask for a comment (late: only a dissatisfied one is asked)."""
        if action != "rate" or arg not in RATINGS:
            raise Refusal("input.stale")
        ctx.data["rating"] = arg
        if is_late(ctx) and arg != "dissatisfied":
            return _note(ctx, None)
        return self.flow.proceed(ctx)

    def on_text(self, ctx: Ctx, text: str) -> list[Outbound]:
        """Late: keep text typed instead of a tap as a comment; otherwise ask for a tap."""
        if not is_late(ctx):
            raise Refusal("step.use_buttons")
        return _note(ctx, _comment(text))


class CommentStep(FreeTextStep):
    """Ask for an optional comment, then pass the rating on."""

    def prompt(self, ctx: Ctx) -> list[Outbound]:
        """Ask for a comment; a dissatisfied reporter is asked what is still wrong."""
        key = "rating.why" if ctx.data.get("rating") == "dissatisfied" else "rating.comment"
        if is_late(ctx):
            key = "rating.why_late"
        return [Outbound(ctx.t(key), (self.nav_row(ctx, skip=True),))]

    def on_text(self, ctx: Ctx, text: str) -> list[Outbound]:
        """Pass the rating on with the comment."""
        comment = _comment(text)
        return _note(ctx, comment) if is_late(ctx) else _rate(ctx, comment)

    def on_skip(self, ctx: Ctx) -> list[Outbound]:
        """Pass the rating on without a comment."""
        return _note(ctx, None) if is_late(ctx) else _rate(ctx, None)


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


def is_late(ctx: Ctx) -> bool:
    """Return whether the chat is in a rating question whose case no longer waits for it."""
    return ctx.state.flow == RATING.name and bool(ctx.data.get("late"))


def with_lapse(state: DialogState, services: DialogServices, chat: ChatRef) -> DialogState:
    """Return the state with its rating question marked late if its case no longer waits."""
    if state.flow != RATING.name or state.data.get("late"):
        return state
    if services.rating_open(state.data["number"], chat):
        return state
    current = state.copy()
    current.data["late"] = True
    return current


@dataclass(frozen=True)
class LateQuestion:
    """A late rating question ended by another command: its case and a rating chosen."""

    number: str
    rating: str | None


def end_if_not_answered(ctx: Ctx, inbound: Inbound) -> LateQuestion | None:
    """End a late rating question unless this event answers it; return what it held.

    Answers are taps on the question's own buttons and text that is not a command; "cancel",
    "back" and "skip" move within it as anywhere; any other command or button ends it.
    """
    if not is_late(ctx) or _answers(ctx, inbound):
        return None
    ended = LateQuestion(ctx.data["number"], ctx.data.get("rating"))
    ctx.end_flow()
    return ended


def keep_ended(ctx: Ctx, ended: LateQuestion) -> str:
    """Keep the rating an ended late question held, as a note; return what to tell the chat."""
    if ended.rating is not None:
        _keep(ctx, ended.number, ended.rating, None)
    return ctx.t("rating.lapsed", number=ended.number)


def _answers(ctx: Ctx, inbound: Inbound) -> bool:
    """Return whether an event is for the question: an answer, or moving within it."""
    if inbound.kind == "text":
        command = as_command(inbound.text)
        return command is None or command[0] in _WITHIN
    if inbound.kind == "button":
        parts = split_payload(inbound.payload)
        if parts is None or parts[0] != ctx.state.token:
            return True  # a stale button: refused as usual, the question stays
        return parts[1] in ("rate", "nav")
    if inbound.kind == "command":
        return inbound.command.lstrip("/").lower() in _WITHIN
    return True  # media, files, edits: refused as at any question


def _comment(text: str) -> str:
    comment = text.strip()
    if len(comment) > COMMENT_LIMIT:
        raise Refusal("step.too_long", max=COMMENT_LIMIT)
    return comment


def _rate(ctx: Ctx, comment: str | None) -> list[Outbound]:
    number, rating = ctx.data["number"], ctx.data["rating"]
    try:
        rated = ctx.services.rate_case(number, rating, comment, ctx.chat)
    except SubmissionRefused as refused:
        raise refusal_of(refused) from refused
    ctx.end_flow()
    if not rated:  # the case closed while the reporter was answering: kept as a note
        return [Outbound(_noted(ctx, number, rating))]
    text = ctx.t("rating.thanks", number=number)
    if rating == "dissatisfied":
        text += "\n" + ctx.t("rating.reopened")
    return [Outbound(text)]


def _note(ctx: Ctx, comment: str | None) -> list[Outbound]:
    """Keep the late answer on the case as a note and end the question (even if refused)."""
    number, rating = ctx.data["number"], ctx.data.get("rating")
    kept = _keep(ctx, number, rating, comment)
    ctx.end_flow()
    return [Outbound(_noted(ctx, number, rating) if kept else ctx.t("refused.not_ratable"))]


def _keep(ctx: Ctx, number: str, rating: str | None, comment: str | None) -> bool:
    """Keep a late rating or comment as a note; False when the backend refused it."""
    try:
        ctx.services.note_rating(number, cast(Rating | None, rating), comment, ctx.chat)
    except SubmissionRefused:
        return False
    return True


def _noted(ctx: Ctx, number: str, rating: str | None) -> str:
    text = ctx.t("rating.noted", number=number)
    if rating in ("dissatisfied", None):
        text += "\n" + ctx.t("rating.noted_dissatisfied")
    return text
