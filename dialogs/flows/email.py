"""`/email`: a reporter gives an email address, so their cases' updates also come by email.

A new address is used once its owner confirmed it by the link sent to it
(backend/notifications/email_confirmation.py); until then the chat says it waits for that.
"""

from __future__ import annotations

import re

from dialogs.context import Ctx, Refusal
from dialogs.model import Outbound

MAX_LENGTH = 254  # reporters.email
REMOVE = "off"  # `/email off`, and the remove button's argument
_SAID = {"confirmed": "email.saved", "limited": "email.limited"}  # else: a link is on its way
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_ADDRESS = re.compile(rf"[A-Za-z0-9.!#$%&'*+/=?^_`{{|}}~-]{{1,64}}@{_LABEL}(?:\.{_LABEL})+")


def parse_email(text: str) -> str | None:
    """Return the address in a normal form (domain in lower case), or None if it is malformed."""
    address = text.strip()
    if len(address) > MAX_LENGTH or not _ADDRESS.fullmatch(address):
        return None
    local, domain = address.rsplit("@", 1)
    if local.startswith(".") or local.endswith(".") or ".." in local:
        return None
    return f"{local}@{domain.lower()}"


def command(ctx: Ctx, args: tuple[str, ...]) -> list[Outbound]:
    """Show the address (with a button to remove it), keep a new one, or remove it.

    Where the deployment sends no email, only the removal of an address kept before works;
    anything else says so (a confirmation link could never arrive)."""
    removal = len(args) == 1 and args[0].lower() == REMOVE
    if not removal and not ctx.services.sends_email():
        return [Outbound(ctx.t("email.unavailable"))]
    if not args:
        return [_show(ctx)]
    if removal:
        ctx.services.set_reporter_email(ctx.chat, None, ctx.lang)
        return [Outbound(ctx.t("email.removed"))]
    address = parse_email(" ".join(args)) if len(args) == 1 else None
    if address is None:
        raise Refusal("email.malformed")
    # A new address is sent a confirmation link first; the same one again stays confirmed.
    asked = ctx.services.set_reporter_email(ctx.chat, address, ctx.lang)
    said = _SAID.get(asked, "email.confirm_sent")
    return [Outbound(ctx.t(said, address=address))]


def _show(ctx: Ctx) -> Outbound:
    address = ctx.services.reporter_email(ctx.chat)
    if address is None:
        return Outbound(ctx.t("email.none"))
    remove = ctx.key_button("email.remove", "email", REMOVE)
    shown = "email.current" if ctx.services.email_confirmed(ctx.chat) else "email.pending"
    return Outbound(ctx.t(shown, address=address), ((remove,),))
