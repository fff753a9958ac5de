"""Anonymous or named; a named reporter shares a contact or types a phone number."""

from __future__ import annotations

from dialogs.context import Ctx, Refusal
from dialogs.flows.base import FreeTextStep, Step
from dialogs.model import KeyboardRequest, Outbound
from dialogs.parsing import clip, parse_phone, without_direction_controls

NAME_LIMIT = 50


class IdentityStep(Step):
    """Ask whether to stay anonymous (tracked with a PIN) or give a name and phone."""

    def prompt(self, ctx: Ctx) -> list[Outbound]:
        """Offer anonymous and named."""
        choices = (
            ctx.key_button("identity.anonymous", "id", "anon"),
            ctx.key_button("identity.named", "id", "named"),
        )
        nav = self.nav_row(ctx)
        return [Outbound(ctx.t("identity.ask"), (choices, nav) if nav else (choices,))]

    def on_button(self, ctx: Ctx, action: str, arg: str) -> list[Outbound]:
        """Keep the choice; a named report asks for the phone (again) next."""
        if action != "id" or arg not in ("anon", "named"):
            raise Refusal("input.stale")
        ctx.data["anonymous"] = arg == "anon"
        ctx.data.pop("phone", None)
        ctx.data.pop("name", None)
        return self.flow.proceed(ctx)


class ContactStep(FreeTextStep):
    """Ask for a phone number: shared contact or typed."""

    shows_keyboard = True

    def prompt(self, ctx: Ctx) -> list[Outbound]:
        """Ask with a share-contact keyboard, and a back button in a second message."""
        share = KeyboardRequest("contact", ctx.t("contact.share"))
        replies = [Outbound(ctx.t("contact.ask"), request=share)]
        nav = self.nav_row(ctx)
        if nav:
            replies.append(Outbound(ctx.t("contact.or_back"), (nav,)))
        return replies

    def on_contact(self, ctx: Ctx, phone: str, name: str) -> list[Outbound]:
        """Take the shared phone number, and the name with it."""
        number = parse_phone(phone)
        if number is None:
            raise Refusal("contact.shared_invalid")
        name = without_direction_controls(name)
        if name:
            ctx.data["name"] = clip(name, NAME_LIMIT)
        return self._keep(ctx, number)

    def on_text(self, ctx: Ctx, text: str) -> list[Outbound]:
        """Take a typed phone number when it is a Chinese mobile or landline."""
        number = parse_phone(text)
        if number is None:
            raise Refusal("contact.invalid")
        return self._keep(ctx, number)

    def _keep(self, ctx: Ctx, number: str) -> list[Outbound]:
        ctx.data["phone"] = number
        return [
            Outbound(ctx.t("contact.kept", phone=number), remove_keyboard=True),
            *self.flow.proceed(ctx),
        ]
