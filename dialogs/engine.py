"""The dialog engine: one inbound event and the saved state in, the new state and replies out.

Pure apart from the `DialogServices` it is given: no I/O, no clock, no randomness of its own.
"""

from __future__ import annotations

import hashlib

from dialogs import commands
from dialogs.context import Ctx, Refusal, prefixed
from dialogs.flows import rating, start
from dialogs.flows.registry import current_flow
from dialogs.model import ChatRef, DialogState, Inbound, Outbound, Turn
from dialogs.parsing import as_command, split_payload, visible_length
from dialogs.ports import DialogServices

UNSTORABLE_INPUT = "input.unstorable"  # a text the database cannot keep (NUL, ...)
_MEDIA = frozenset({"sticker", "voice", "video", "unsupported"})
_NAVIGATION = frozenset({"back", "skip", "cancel"})


def advance(state: DialogState | None, inbound: Inbound, services: DialogServices) -> Turn:
    """Advance one chat's dialog by one inbound event; refused input leaves the state as it was."""
    base = state if state is not None else new_state(inbound.language_hint, inbound.event_id)
    ctx = Ctx(base.copy(), services, inbound.chat)
    try:
        replies = _dispatch(ctx, inbound)
        replies += _ask_pending_rating(ctx)
    except Refusal as refusal:
        return Turn(base, tuple(_refused(base, refusal, services, inbound.chat)))
    return Turn(ctx.state, tuple(replies))


def refuse(
    state: DialogState | None, inbound: Inbound, services: DialogServices, key: str
) -> Turn:
    """Refuse an event before any step sees it: say why (text `key`), ask the question again."""
    base = state if state is not None else new_state(inbound.language_hint, inbound.event_id)
    return Turn(base, tuple(_refused(base, Refusal(key), services, inbound.chat)))


def start_rating(
    state: DialogState | None,
    number: str,
    services: DialogServices,
    chat: ChatRef,
    language: str | None = None,
) -> Turn:
    """Ask the reporter to rate a resolved case (回访) now, or after the flow they are in."""
    base = state if state is not None else new_state(language, f"rating:{number}")
    ctx = Ctx(base.copy(), services, chat)
    asked = ctx.state.flow == "rating" and ctx.data.get("number") == number
    if asked or number in ctx.state.pending_ratings:
        return Turn(base, ())
    if current_flow(ctx) is not None:
        ctx.state.pending_ratings.append(number)
        return Turn(ctx.state, ())
    return Turn(ctx.state, tuple(rating.begin(ctx, number)))


def new_state(language_hint: str | None, seed: str) -> DialogState:
    """Return the state of a chat seen for the first time."""
    epoch = hashlib.blake2s(seed.encode(), digest_size=2).hexdigest()
    return DialogState(language=start.language_from_hint(language_hint), epoch=epoch)


def _dispatch(ctx: Ctx, inbound: Inbound) -> list[Outbound]:
    if inbound.chat_kind != "private":
        raise Refusal("input.group")
    kind = inbound.kind
    if kind == "edited":
        raise Refusal("input.edited")
    if kind in _MEDIA:
        raise Refusal("input.media")
    if kind == "command":
        return commands.run(ctx, inbound.command.lstrip("/").lower(), inbound.args)
    if kind == "button":
        return _tap(ctx, inbound.payload)
    if kind == "text":
        command = as_command(inbound.text)
        if command is not None:
            return commands.run(ctx, *command)
        if visible_length(inbound.text) == 0:
            raise Refusal("input.empty")
    limit = ctx.services.limits.max_text_length
    if len(inbound.text) > limit:
        raise Refusal("input.too_long", length=len(inbound.text), max=limit)
    return _answer(ctx, inbound)


def _answer(ctx: Ctx, inbound: Inbound) -> list[Outbound]:
    """Hand text, a file, a location or a contact to the current step."""
    flow = current_flow(ctx)
    kind = inbound.kind
    if flow is None:
        if kind == "text":
            return [start.menu(ctx, "menu.idle")]
        raise Refusal("input.idle_attachment")
    step = flow.current(ctx)
    if kind == "text":
        return step.on_text(ctx, inbound.text)
    if kind in ("photo", "document") and inbound.file is not None:
        return flow.on_file(ctx, inbound.file, inbound.text)
    if kind == "location" and inbound.location is not None:
        return step.on_location(ctx, inbound.location)
    if kind == "contact" and inbound.phone:
        return step.on_contact(ctx, inbound.phone, inbound.contact_name)
    raise Refusal("input.media")


def _tap(ctx: Ctx, payload: str) -> list[Outbound]:
    """Answer a button; a button from an earlier step or flow is stale."""
    parts = split_payload(payload)
    if parts is None or parts[0] != ctx.state.token:
        raise Refusal("input.stale")
    _, action, arg = parts
    if action == "nav" and arg in _NAVIGATION:
        return commands.run(ctx, arg, ())
    if action == "lang":
        return commands.run(ctx, "lang", (arg,))
    if action == "go" and arg in commands.MENU_COMMANDS:
        return commands.run(ctx, arg, ())
    if action == "sign":
        return commands.run(ctx, "sign", (arg,))
    flow = current_flow(ctx)
    if flow is None:
        raise Refusal("input.stale")
    return flow.current(ctx).on_button(ctx, action, arg)


def _ask_pending_rating(ctx: Ctx) -> list[Outbound]:
    """Ask a rating that waited for the flow to end."""
    if ctx.state.flow is not None or not ctx.state.pending_ratings:
        return []
    number, *rest = ctx.state.pending_ratings
    ctx.state.pending_ratings = rest
    return rating.begin(ctx, number)


def _refused(
    base: DialogState, refusal: Refusal, services: DialogServices, chat: ChatRef
) -> list[Outbound]:
    """Explain the refusal and ask the current question again, from the unchanged state."""
    ctx = Ctx(base.copy(), services, chat)
    text = ctx.t(refusal.key, **refusal.params)
    flow = current_flow(ctx)
    if flow is None:
        return [Outbound(text)]
    return prefixed(text, flow.prompt(ctx))
