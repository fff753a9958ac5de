"""The dialog engine: one inbound event and the saved state in, the new state and replies out.

Pure apart from the `DialogServices` it is given: no I/O, no clock, no randomness of its own.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection

from dialogs import commands
from dialogs.context import Ctx, Refusal, prefixed
from dialogs.flows import rating, start, status
from dialogs.flows.base import Step
from dialogs.flows.common import running
from dialogs.flows.rating import LateQuestion
from dialogs.flows.records_intent import offer_when_idle
from dialogs.flows.registry import FLOWS, current_flow
from dialogs.model import ChatKind, ChatRef, DialogState, Inbound, Outbound, Turn
from dialogs.parsing import as_command, split_payload, typed_choice, visible_length
from dialogs.ports import DialogServices, Limits

UNSTORABLE_INPUT = "input.unstorable"  # a text the database cannot keep (NUL, ...)
_MEDIA = frozenset({"sticker", "voice", "video", "unsupported"})
_NAVIGATION = frozenset({"back", "skip", "cancel"})


def advance(state: DialogState | None, inbound: Inbound, services: DialogServices) -> Turn:
    """Advance one chat's dialog by one inbound event; refused input leaves the state as it was."""
    base = state if state is not None else new_state(inbound.language_hint, inbound.event_id)
    base, cut_off = _with_current_binding(base, services, inbound.chat)
    # A rating question whose case closed turns late: answered, it is kept as a note; any
    # other command ends it, so the chat is never held by a question that cannot be rated.
    base = rating.with_lapse(base, services, inbound.chat)
    ctx = Ctx(base.copy(), services, inbound.chat)
    try:
        if cut_off:
            raise Refusal("clerk.unbound")
        ended = rating.end_if_not_answered(ctx, inbound)
        replies = _dispatch(ctx, inbound)
        if ended is not None:  # kept once the event was taken: a refused one keeps nothing
            replies = prefixed(rating.keep_ended(ctx, ended), replies)
        replies += _ask_pending_rating(ctx)
    except Refusal as refusal:
        refused = _refused(base, refusal, services, inbound.chat)
        return Turn(base, tuple(running(refused, inbound.album)))  # once for a whole album
    return Turn(ctx.state, tuple(replies))


def refuse(
    state: DialogState | None, inbound: Inbound, services: DialogServices, key: str
) -> Turn:
    """Refuse an event before any step sees it: say why (text `key`), ask the question again."""
    base = state if state is not None else new_state(inbound.language_hint, inbound.event_id)
    refused = _refused(base, Refusal(key), services, inbound.chat)
    return Turn(base, tuple(running(refused, inbound.album)))


def start_rating(
    state: DialogState | None,
    number: str,
    services: DialogServices,
    chat: ChatRef,
    language: str | None = None,
) -> Turn:
    """Ask the reporter to rate a resolved case (回访) now, or after the flow they are in."""
    base = state if state is not None else new_state(language, f"rating:{number}")
    base = rating.with_lapse(base, services, chat)
    ctx = Ctx(base.copy(), services, chat)
    if rating.is_late(ctx):  # the question asked before no longer applies: ask this one
        ended = LateQuestion(ctx.data["number"], ctx.data.get("rating"))
        ctx.end_flow()
        rating.keep_ended(ctx, ended)
    asked = ctx.state.flow == "rating" and ctx.data.get("number") == number
    if asked or number in ctx.state.pending_ratings:
        return Turn(base, ())
    if current_flow(ctx) is not None:
        ctx.state.pending_ratings.append(number)
        return Turn(ctx.state, ())
    return Turn(ctx.state, tuple(rating.begin(ctx, number)))


def file_refusal(
    state: DialogState | None, limits: Limits, chat_kind: ChatKind = "private"
) -> Refusal | None:
    """Return why the dialog would refuse a photo or document now, or None when it takes one.

    Evidence is taken only in a private chat while a complaint or a record is open (at any of
    its steps) and below its attachment limit. Channels ask this before they store or count an
    upload, and the engine asks it too, so the two never disagree.
    """
    if chat_kind != "private":
        return Refusal("input.group")
    flow = FLOWS.get(state.flow or "") if state is not None else None
    if state is None or flow is None:
        return Refusal("input.idle_attachment")
    if not flow.takes_files:
        return Refusal("step.no_file")
    if len(state.data.get("attachments") or []) >= limits.max_attachments:
        return Refusal("files.full", max=limits.max_attachments)
    return None


def forget_files(state: DialogState, file_ids: Collection[str]) -> DialogState:
    """Return the state without the attachments whose files were removed (abandoned uploads)."""
    kept = state.copy()
    attachments = kept.data.get("attachments")
    if isinstance(attachments, list):
        kept.data["attachments"] = [
            item
            for item in attachments
            if not (isinstance(item, dict) and item.get("file_id") in file_ids)
        ]
    return kept


def new_state(language_hint: str | None, seed: str) -> DialogState:
    """Return the state of a chat seen for the first time."""
    epoch = hashlib.blake2s(seed.encode(), digest_size=2).hexdigest()
    return DialogState(language=start.language_from_hint(language_hint), epoch=epoch)


def _with_current_binding(
    state: DialogState, services: DialogServices, chat: ChatRef
) -> tuple[DialogState, bool]:
    """Return the state with the chat's staff binding as the backend has it now.

    The state remembers a binding only as a convenience: a deactivated or unbound account
    loses the chat at once, with the record it was filling in. True says it was cut off now.
    """
    if not state.clerk:
        return state, False
    view = services.bound_clerk(chat)
    if view is not None:
        if view.to_dict() == state.clerk:
            return state, False
        current = state.copy()
        current.clerk = view.to_dict()
        return current, False
    current = state.copy()
    current.clerk = None
    if current.flow == "record":
        current.flow, current.step, current.data, current.history = None, None, {}, []
        current.serial += 1
    return current, True


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
    if kind in ("photo", "document") and inbound.file is not None:
        refusal = file_refusal(ctx.state, ctx.services.limits)
        # An album's file over the limit is counted in the album's answer, not refused alone.
        counted = inbound.album and refusal is not None and refusal.key == "files.full"
        if (refusal is not None and not counted) or flow is None:
            raise refusal or Refusal("input.idle_attachment")
        return flow.on_file(ctx, inbound.file, inbound.text, inbound.album)
    if flow is None:
        if kind == "text":
            return [
                status.from_text(ctx, inbound.text)
                or offer_when_idle(ctx, inbound.text)
                or start.menu(ctx, "menu.idle")
            ]
        if kind in ("location", "contact"):  # a place or a phone belongs to a complaint
            raise Refusal("input.idle_share")
        raise Refusal("input.idle_attachment")
    step = flow.current(ctx)
    if kind == "text":
        try:
            return step.on_text(ctx, inbound.text)
        except Refusal:
            payload = None if step.free_text else _typed_button(ctx, step, inbound.text)
            if payload is None:
                raise
            return _tap(ctx, payload)
    if kind == "location" and inbound.location is not None:
        return step.on_location(ctx, inbound.location)
    if kind == "contact" and inbound.phone:
        return step.on_contact(ctx, inbound.phone, inbound.contact_name)
    raise Refusal("input.media")


def _typed_button(ctx: Ctx, step: Step, text: str) -> str | None:
    """Return the payload of the one button of a question of buttons that typed words name.

    The one rule for every channel (`dialogs.parsing.typed_choice`): "完成" is "完成（4 个）",
    "done" is "Done (4)". None when no button or several match: the step's refusal stands and
    the question is asked again with its buttons. A step of free text never gets here.
    """
    offered = [b for reply in step.prompt(ctx) for row in reply.buttons for b in row]
    return typed_choice([(b.label, b.payload) for b in offered], text)


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
    if action == "email":
        return commands.run(ctx, "email", (arg,))
    flow = current_flow(ctx)
    if flow is None:
        raise Refusal("input.stale")
    return flow.current(ctx).on_button(ctx, action, arg)


def _ask_pending_rating(ctx: Ctx) -> list[Outbound]:
    """Ask a rating that waited for the flow to end."""
    if ctx.state.flow is not None:
        return []
    while ctx.state.pending_ratings:
        number, *rest = ctx.state.pending_ratings
        ctx.state.pending_ratings = rest
        if ctx.services.rating_open(number, ctx.chat):  # its case may have closed meanwhile
            return rating.begin(ctx, number)
    return []


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
