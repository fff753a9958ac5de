"""Where it happened: a street office by button, by shared location or by a typed name."""

from __future__ import annotations

from dialogs.context import Ctx, Refusal, rows
from dialogs.flows.base import FreeTextStep
from dialogs.model import GeoPoint, KeyboardRequest, Outbound
from dialogs.parsing import clip, normalise

UNSURE = "?"
# Typed answers that say what the 不确定 button says (a short answer holding one of these).
UNSURE_WORDS = (
    "不知道",
    "不清楚",
    "不确定",
    "说不清",
    "不晓得",
    "not sure",
    "unsure",
    "don't know",
    "dont know",
    "do not know",
    "no idea",
)
UNSURE_MAX_CHARS = 20  # longer, it is a place described, looked up as one


def says_unsure(text: str) -> bool:
    """Return whether a typed answer says the reporter does not know the street."""
    folded = normalise(text).lower().replace("’", "'")
    return len(folded) <= UNSURE_MAX_CHARS and any(word in folded for word in UNSURE_WORDS)


class StreetStep(FreeTextStep):
    """Ask for the street office (街道) of a street-level matter."""

    shows_keyboard = True

    def prompt(self, ctx: Ctx) -> list[Outbound]:
        """Show the streets as buttons, and ask for a location in a second message."""
        streets = [ctx.button(ctx.pick(s.zh, s.en), "st", s.code) for s in ctx.services.streets()]
        last = (ctx.key_button("street.unsure", "st", UNSURE), *self.nav_row(ctx))
        share = KeyboardRequest("location", ctx.t("street.share"))
        return [
            Outbound(ctx.t("street.ask"), (*rows(streets, 2), last)),
            Outbound(ctx.t("street.or_share"), request=share),
        ]

    def on_button(self, ctx: Ctx, action: str, arg: str) -> list[Outbound]:
        """Take the tapped street, or none when the reporter is not sure."""
        if action != "st":
            raise Refusal("input.stale")
        if arg == UNSURE:
            return self._keep(ctx, None)
        if arg not in {s.code for s in ctx.services.streets()}:
            raise Refusal("input.stale")
        return self._keep(ctx, arg)

    def on_text(self, ctx: Ctx, text: str) -> list[Outbound]:
        """Find the street in a typed community or street name ("不知道": none, as 不确定)."""
        if says_unsure(text):
            return self._keep(ctx, None)
        code = ctx.services.find_street(text)
        if code is None:
            raise Refusal("street.not_found")
        ctx.data["location_text"] = clip(text, 200)
        return self._keep(ctx, code)

    def on_location(self, ctx: Ctx, point: GeoPoint) -> list[Outbound]:
        """Find the street of a shared location."""
        code = ctx.services.street_at(point.latitude, point.longitude)
        if code is None:
            raise Refusal("street.outside")
        ctx.data["location"] = [point.latitude, point.longitude]
        return self._keep(ctx, code)

    def _keep(self, ctx: Ctx, code: str | None) -> list[Outbound]:
        ctx.data["street"] = code
        name = street_name(ctx, code) or ctx.t("street.unsure_label")
        # The message that answers also takes the location keyboard away.
        return [
            Outbound(ctx.t("street.kept", street=name), remove_keyboard=True),
            *self.flow.proceed(ctx),
        ]


def street_name(ctx: Ctx, code: str | None) -> str | None:
    """Return a street office's name in the chat's language."""
    for street in ctx.services.streets():
        if street.code == code:
            return ctx.pick(street.zh, street.en)
    return None
