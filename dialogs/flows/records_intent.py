"""Recognise an objection (异议) or a credit repair request (信用修复) typed as a complaint.

Such a text is not a complaint for triage: the chat offers the right dialog, with the typed
text kept as its reasons, and lets the user go on with a complaint when it is one after all.
The words are a small fixed list: a wrong guess costs one tap.
"""

from __future__ import annotations

import re

from dialogs.context import Ctx
from dialogs.model import Button, Outbound
from dialogs.ports_records import RecordRequestKind

# A record named (失信/记录/公示 or their English words) together with disputing it.
_RECORD_ZH = re.compile(r"失信|信用记录|公示")
_DISPUTE_ZH = re.compile(r"异议|不服|有误|错误|不实|申诉|撤销|搞错|弄错")
_REPAIR_ZH = re.compile(r"信用修复|修复信用|修复.{0,6}(记录|信用)|(记录|信用).{0,6}修复")
_RECORD_EN = re.compile(r"\b(dishonesty|blacklist(ed)?|record(ed)?|publi(shed|city))\b", re.I)
_DISPUTE_EN = re.compile(r"\b(object(ion)?|dispute|wrong(ly)?|incorrect|appeal|untrue)\b", re.I)
_REPAIR_EN = re.compile(
    r"\bcredit repair\b|\b(repair|restore|clear)\b.{0,20}\b(credit|record)\b", re.I
)


def request_kind(text: str) -> RecordRequestKind | None:
    """Return which records dialog a text asks for, or None for anything else."""
    if _REPAIR_ZH.search(text) or _REPAIR_EN.search(text):
        return "repair"
    if (_RECORD_ZH.search(text) and _DISPUTE_ZH.search(text)) or (
        _RECORD_EN.search(text) and _DISPUTE_EN.search(text)
    ):
        return "objection"
    return None


def offer_in_complaint(ctx: Ctx, text: str) -> list[Outbound] | None:
    """Offer the records dialog for a complaint's text that asks for one; None otherwise.

    The text waits in `intent_text` for the tap (`on_intent`); it is not the complaint yet.
    """
    kind = request_kind(text)
    if kind is None or ctx.data.get("intent_declined") == text.strip():
        return None
    ctx.data["intent_text"] = text.strip()
    buttons: tuple[tuple[Button, ...], ...] = (
        (ctx.key_button(f"intent.go_{kind}", "intent", kind),),
        (ctx.key_button("intent.complaint", "intent", "complaint"),),
    )
    return [Outbound(ctx.t(f"intent.{kind}"), buttons)]


def offer_when_idle(ctx: Ctx, text: str) -> Outbound | None:
    """Offer the records dialog for a text typed outside any dialog; None otherwise."""
    kind = request_kind(text)
    if kind is None:
        return None
    button = ctx.key_button(f"intent.go_{kind}", "go", kind)
    return Outbound(ctx.t(f"intent.{kind}"), ((button,),))
