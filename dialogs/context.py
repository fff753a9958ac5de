"""What a handler sees: the working state, the services, and helpers for texts and buttons."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from dialogs import texts
from dialogs.model import Button, ChatRef, DialogState, Outbound
from dialogs.parsing import make_payload
from dialogs.ports import ClerkView, DialogServices, SubmissionRefused

HISTORY_LIMIT = 20


class Refusal(Exception):
    """Refuse an input: answer with a text and leave the saved state exactly as it was."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass
class Ctx:
    """One turn in progress: a copy of the state that handlers may change."""

    state: DialogState
    services: DialogServices
    chat: ChatRef

    @property
    def lang(self) -> str:
        """Return the chat's language."""
        return self.state.language

    @property
    def data(self) -> dict[str, Any]:
        """Return the answers of the current flow."""
        return self.state.data

    @property
    def clerk(self) -> ClerkView | None:
        """Return the staff account bound to this chat, if any."""
        raw = self.state.clerk
        return ClerkView.from_dict(raw) if raw else None

    def t(self, key: str, **params: object) -> str:
        """Return a text in the chat's language."""
        return texts.render(self.lang, key, **params)

    def pick(self, zh: str | None, en: str | None) -> str:
        """Return the label in the chat's language, falling back to the other one."""
        first, second = (zh, en) if self.lang == "zh" else (en, zh)
        return first or second or ""

    def button(self, label: str, action: str, arg: str = "") -> Button:
        """Return a button for the current step; taps after the step changes are stale."""
        return Button(label, make_payload(self.state.token, action, arg))

    def key_button(self, key: str, action: str, arg: str = "", **params: object) -> Button:
        """Return a button labelled by a text key."""
        return self.button(self.t(key, **params), action, arg)

    def enter(self, step: str, *, remember: bool = True) -> None:
        """Move to a step of the current flow, remembering the one left for "back"."""
        state = self.state
        if remember and state.step is not None:
            state.history = [*state.history, state.step][-HISTORY_LIMIT:]
        state.step = step
        state.serial += 1

    def start_flow(self, flow: str, data: dict[str, Any]) -> None:
        """Begin a flow with its first answers."""
        state = self.state
        state.flow, state.step, state.data, state.history = flow, None, data, []
        state.serial += 1

    def end_flow(self) -> None:
        """Leave the current flow; its buttons become stale."""
        state = self.state
        state.flow, state.step, state.data, state.history = None, None, {}, []
        state.serial += 1


def refusal_of(error: SubmissionRefused, language: str | None = None) -> Refusal:
    """Turn the backend's refusal into one the chat shows.

    A refusal the chat has no text of its own for is shown in the backend's words when they
    came with it (`SubmissionRefused.worded`, in the chat's `language`), never as "please try
    later": a refused value fails again however often it is sent.
    """
    key = f"refused.{error.message_code}"
    if texts.has(key):
        return Refusal(key, **error.params)
    worded = error.worded.get(language or "")
    return Refusal("refused.worded", message=worded) if worded else Refusal("refused.other")


def prefixed(text: str, replies: Sequence[Outbound]) -> list[Outbound]:
    """Put a line before the first reply, so an answer and the next question are one message."""
    if not replies:
        return [Outbound(text)]
    first = replies[0]
    merged = Outbound(
        f"{text}\n\n{first.text}", first.buttons, first.request, first.remove_keyboard
    )
    return [merged, *replies[1:]]


def rows(buttons: Sequence[Button], per_row: int) -> tuple[tuple[Button, ...], ...]:
    """Arrange buttons in rows of a given width."""
    return tuple(tuple(buttons[i : i + per_row]) for i in range(0, len(buttons), per_row))
