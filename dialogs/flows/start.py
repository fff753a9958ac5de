"""Greeting, menu, help and language (`/start`, `/menu`, `/help`, `/lang`)."""

from __future__ import annotations

from dialogs.context import Ctx, Refusal
from dialogs.model import Button, Outbound

LANGUAGES = ("zh", "en")


def language_from_hint(hint: str | None) -> str:
    """Return the dialog language for a client's language code: Chinese unless English."""
    return "en" if hint and hint.strip().lower().startswith("en") else "zh"


def menu(ctx: Ctx, title: str = "menu.title") -> Outbound:
    """Return the menu: report, my cases, language; for a bound clerk also queue and record."""
    entries = [("menu.report", "report"), ("menu.mycases", "mycases")]
    if ctx.state.clerk:
        entries += [("menu.queue", "queue"), ("menu.record", "record")]
    entries += [("menu.objection", "objection"), ("menu.repair", "repair")]
    entries.append(("menu.lang", "lang"))
    buttons = tuple((ctx.key_button(key, "go", command),) for key, command in entries)
    return Outbound(ctx.t(title), buttons)


def greet(ctx: Ctx) -> Outbound:
    """Return the greeting: what the service is for and where urgent dangers go."""
    return Outbound(ctx.t("start.greeting"))


def help_text(ctx: Ctx) -> Outbound:
    """Return the list of commands, with the clerk's when the chat is bound."""
    text = ctx.t("help.citizen")
    if ctx.services.sends_email():
        text += "\n" + ctx.t("help.email")
    if ctx.state.clerk:
        text += "\n\n" + ctx.t("help.clerk")
    text += "\n\n" + ctx.t("help.records")
    return Outbound(text)


def ask_language(ctx: Ctx) -> Outbound:
    """Offer 中文 and English."""
    choices: tuple[Button, ...] = (
        ctx.button("中文", "lang", "zh"),
        ctx.button("English", "lang", "en"),
    )
    return Outbound(ctx.t("lang.ask"), (choices,))


def choose_language(ctx: Ctx, code: str) -> Outbound:
    """Switch the chat's language."""
    if code not in LANGUAGES:
        raise Refusal("lang.unknown")
    ctx.state.language = code
    ctx.services.keep_language(ctx.chat, code)  # the chat's notices follow it
    return Outbound(ctx.t("lang.switched"))
