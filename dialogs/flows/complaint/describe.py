"""What happened (free text) and which category it belongs to."""

from __future__ import annotations

from typing import Any

from dialogs.context import Ctx, Refusal, prefixed
from dialogs.flows import record_requests
from dialogs.flows.base import FreeTextStep, Step
from dialogs.flows.records_intent import offer_in_complaint
from dialogs.model import Button, Outbound
from dialogs.parsing import drop_direction_controls, has_words, typed_choice, visible_length

_ROUTE_KEYS = (
    "route",
    "category",
    "category_zh",
    "category_en",
    "street_level",
    "category_mode",
    "request_type",  # a new text is read for its type again
)


class WhatStep(FreeTextStep):
    """Ask what happened; the text is routed to propose a category."""

    def prompt(self, ctx: Ctx) -> list[Outbound]:
        """Ask for the description."""
        limits = ctx.services.limits
        text = ctx.t("complaint.what", min=limits.min_text_length, max=limits.max_text_length)
        return [Outbound(text, (self.nav_row(ctx),))]

    def on_text(self, ctx: Ctx, text: str) -> list[Outbound]:
        """Keep the description and ask the router where it belongs."""
        minimum = ctx.services.limits.min_text_length
        if visible_length(text) < minimum:
            raise Refusal("complaint.too_short", min=minimum)
        if not has_words(text):
            raise Refusal("complaint.no_words")
        offered = offer_in_complaint(ctx, text)  # an objection or repair is no complaint
        if offered is not None:
            return offered
        data = ctx.data
        data["text"] = drop_direction_controls(text).strip()  # as intake keeps it (check_text)
        for key in _ROUTE_KEYS:  # a new text needs a new proposal
            data.pop(key, None)
        proposal = ctx.services.route(data["text"])
        data["route"] = {
            "confident": proposal.confident,
            "street": proposal.street,
            "request_type": proposal.request_type,
            "candidates": [
                {"id": c.id, "zh": c.zh, "en": c.en, "street_level": c.street_level}
                for c in proposal.candidates
            ],
        }
        if not proposal.candidates:
            choose_category(ctx, None)
            return prefixed(ctx.t("category.none_found"), self.flow.proceed(ctx))
        data["category_mode"] = "confirm" if proposal.confident else "choose"
        return self.flow.proceed(ctx)

    def on_button(self, ctx: Ctx, action: str, arg: str) -> list[Outbound]:
        """Go to the records dialog offered for the text, or take it as a complaint after all."""
        text = ctx.data.pop("intent_text", None)
        if action != "intent" or text is None:
            raise Refusal("input.stale")
        if arg == "complaint":
            ctx.data["intent_declined"] = text
            return self.on_text(ctx, text)
        if arg not in record_requests.KINDS:
            raise Refusal("input.stale")
        ctx.end_flow()
        return record_requests.begin(ctx, arg, reasons=text)


class CategoryStep(Step):
    """Confirm the router's category with one tap, or pick one of its candidates."""

    def prompt(self, ctx: Ctx) -> list[Outbound]:
        """Show the proposal: one category to confirm, or the top choices."""
        candidates = _candidates(ctx)
        nav = self.nav_row(ctx)
        # Once answered (an edit from the summary), show every choice at once.
        if ctx.data.get("category_mode") == "confirm" and "category" not in ctx.data:
            top = candidates[0]
            text = ctx.t("category.confirm", category=ctx.pick(top["zh"], top["en"]))
            buttons: list[tuple[Button, ...]] = [
                (ctx.key_button("category.yes", "cat", "0"),),
                (ctx.key_button("category.not_right", "cat", "more"),),
            ]
        else:
            text = ctx.t("category.choose")
            buttons = [
                (ctx.button(ctx.pick(c["zh"], c["en"]), "cat", str(i)),)
                for i, c in enumerate(candidates)
            ]
            buttons.append((ctx.key_button("category.none", "cat", "none"),))
        if nav:
            buttons.append(nav)
        return [Outbound(text, tuple(buttons))]

    def on_text(self, ctx: Ctx, text: str) -> list[Outbound]:
        """Take a category typed by its name, shown or not (the proposal asks only 对吗？)."""
        names = [
            (name, str(i)) for i, c in enumerate(_candidates(ctx)) for name in (c["zh"], c["en"])
        ]
        chosen = typed_choice(names, text)
        if chosen is None:
            raise Refusal("step.use_buttons")  # the engine still reads the buttons' words
        choose_category(ctx, _candidates(ctx)[int(chosen)])
        return self.flow.proceed(ctx)

    def on_button(self, ctx: Ctx, action: str, arg: str) -> list[Outbound]:
        """Take the tapped category, or show the other choices."""
        candidates = _candidates(ctx)
        if action != "cat":
            raise Refusal("input.stale")
        if arg == "more" and ctx.data.get("category_mode") == "confirm":
            ctx.data["category_mode"] = "choose"
            return self.flow.refresh(ctx)
        if arg == "none":
            choose_category(ctx, None)
        elif arg.isdecimal() and int(arg) < len(candidates):
            choose_category(ctx, candidates[int(arg)])
        else:
            raise Refusal("input.stale")
        return self.flow.proceed(ctx)


def choose_category(ctx: Ctx, choice: dict[str, Any] | None) -> None:
    """Keep a category (None: "none of these", the lead office places it)."""
    data = ctx.data
    data["category"] = choice["id"] if choice else None
    data["category_zh"] = choice["zh"] if choice else None
    data["category_en"] = choice["en"] if choice else None
    data["street_level"] = bool(choice and choice["street_level"])
    named_street = data.get("route", {}).get("street")
    if data["street_level"] and named_street and "street" not in data:
        data["street"] = named_street  # the description already says where


def _candidates(ctx: Ctx) -> list[dict[str, Any]]:
    candidates: list[dict[str, Any]] = ctx.data.get("route", {}).get("candidates", [])
    return candidates
