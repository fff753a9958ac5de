"""What goes into the dialog engine (Inbound), what comes out (Outbound) and the saved state."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, Literal, NamedTuple

from dialogs.plain_data import as_is, plain_copy

InboundKind = Literal[
    "text",
    "command",
    "button",
    "photo",
    "document",
    "location",
    "contact",
    "sticker",
    "voice",
    "video",
    "edited",
    "unsupported",
]
ChatKind = Literal["private", "group"]
FileKind = Literal["photo", "document"]

STATE_VERSION = 1


class StateVersionError(ValueError):
    """A saved state was written by a newer engine than this one."""


@dataclass(frozen=True)
class ChatRef:
    """One chat on one channel: where replies go and whose dialog this is."""

    channel: str  # telegram | web | console
    chat_id: str
    # The web chat's client address (anyone may open any number of web chats): not part of
    # the chat's identity; limits across chats count by it (backend.cases.pins). Else None.
    origin: str | None = field(default=None, compare=False)


@dataclass(frozen=True)
class GeoPoint:
    """A shared location."""

    latitude: float
    longitude: float


@dataclass(frozen=True)
class FileRef:
    """A photo or document the channel holds; the backend fetches it at submission."""

    file_id: str
    kind: FileKind = "document"
    size: int | None = None  # bytes, when the channel tells
    mime_type: str | None = None
    name: str | None = None
    # What names the same file however often it is sent: Telegram's file_unique_id (its
    # file_id differs at every sending); None where file_id does already (web chat and
    # console name an upload by its SHA-256).
    unique_id: str | None = None

    @property
    def same_file_key(self) -> str:
        """The key under which two sendings of one file are the same attachment."""
        return self.unique_id or self.file_id

    def to_dict(self) -> dict[str, Any]:
        """Return the reference as JSON-ready data."""
        data: dict[str, Any] = {
            "file_id": self.file_id,
            "kind": self.kind,
            "size": self.size,
            "mime_type": self.mime_type,
            "name": self.name,
        }
        if self.unique_id is not None:
            data["unique_id"] = self.unique_id
        return data

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> FileRef:
        """Read a reference written by `to_dict`."""
        kind: FileKind = "photo" if raw.get("kind") == "photo" else "document"
        size = raw.get("size")
        return cls(
            file_id=str(raw["file_id"]),
            kind=kind,
            size=int(size) if size is not None else None,
            mime_type=raw.get("mime_type"),
            name=raw.get("name"),
            unique_id=raw.get("unique_id"),
        )


@dataclass(frozen=True)
class Inbound:
    """One event from a chat, already stripped of everything channel-specific."""

    kind: InboundKind
    chat: ChatRef
    event_id: str  # Telegram update_id, web-chat client message id
    text: str = ""  # the message text, or the caption of a photo or document
    command: str = ""  # for kind "command": the name without the slash
    args: tuple[str, ...] = ()  # for kind "command": the words after the name
    payload: str = ""  # for kind "button": the callback data of the tapped button
    file: FileRef | None = None  # for kinds "photo" and "document"
    location: GeoPoint | None = None  # for kind "location"
    phone: str = ""  # for kind "contact"
    contact_name: str = ""  # for kind "contact"
    chat_kind: ChatKind = "private"
    language_hint: str | None = None  # the client's language code, e.g. "en-GB", "zh-hans"
    # For kind "text": the client may have cut a longer text here (Telegram's apps send a
    # paste of more than 4,096 characters as several messages); the next text may continue it.
    split_part: bool = False
    sent_at: datetime | None = None  # when the user sent it, as the channel tells
    album: str = ""  # for kinds "photo" and "document" sent as one album: the album's id


class Button(NamedTuple):
    """An inline button: what it shows and what a tap sends back."""

    label: str
    payload: str


@dataclass(frozen=True)
class KeyboardRequest:
    """Ask the user to share their location or phone number (a reply keyboard in Telegram)."""

    kind: Literal["location", "contact"]
    label: str


@dataclass(frozen=True)
class Outbound:
    """One message to send; it carries at most one of buttons, a request or a keyboard removal.

    The rule maps each Outbound to one Telegram message with one `reply_markup`.
    `resend_when_unsure` marks a message whose loss costs more than seeing it twice (a receipt
    with its one-time PIN): sent again when it may not have arrived, and given again when the
    same event comes again. `replaces` names a running answer (an album's count): a channel
    that can edit its messages edits the one it sent under that name instead of sending
    another; the others send it as a new message.
    """

    text: str
    buttons: tuple[tuple[Button, ...], ...] = ()
    request: KeyboardRequest | None = None
    remove_keyboard: bool = False
    resend_when_unsure: bool = False
    replaces: str = ""

    def __post_init__(self) -> None:
        markups = sum([bool(self.buttons), self.request is not None, self.remove_keyboard])
        if markups > 1:
            raise ValueError("an Outbound carries buttons, a request or a removal, not several")

    def to_dict(self) -> dict[str, Any]:
        """Return the message as JSON-ready data."""
        request = self.request
        return {
            "text": self.text,
            "buttons": [[list(button) for button in row] for row in self.buttons],
            "request": [request.kind, request.label] if request else None,
            "remove_keyboard": self.remove_keyboard,
            "resend_when_unsure": self.resend_when_unsure,
            "replaces": self.replaces,
        }

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Outbound:
        """Read a message written by `to_dict`."""
        request = raw.get("request")
        return cls(
            text=str(raw["text"]),
            buttons=tuple(
                tuple(Button(str(label), str(payload)) for label, payload in row)
                for row in raw.get("buttons") or []
            ),
            request=KeyboardRequest(request[0], str(request[1])) if request else None,
            remove_keyboard=bool(raw.get("remove_keyboard")),
            resend_when_unsure=bool(raw.get("resend_when_unsure")),
            replaces=str(raw.get("replaces") or ""),
        )


@dataclass
class DialogState:
    """The saved dialog of one chat; plain JSON data so it survives restarts."""

    language: str = "zh"
    flow: str | None = None  # complaint | record | rating, None when idle
    step: str | None = None
    data: dict[str, Any] = field(default_factory=dict)  # the answers so far
    history: list[str] = field(default_factory=list)  # steps to go back to
    serial: int = 0  # bumped on every step change: old buttons become stale
    epoch: str = "0"  # set when the state is created, so a fresh state's tokens differ
    clerk: dict[str, Any] | None = None  # the staff account bound to this chat
    pending_ratings: list[str] = field(default_factory=list)  # 回访 to ask after this flow
    version: int = STATE_VERSION

    @property
    def token(self) -> str:
        """Return the token that buttons of the current step carry."""
        return f"{self.epoch}{_base36(self.serial)}"

    def to_dict(self, *, shared: bool = False) -> dict[str, Any]:
        """Return the state as JSON-ready data.

        `shared=True`: the dict shares the nested data (no copy), for a state about to be
        encoded and dropped (a turn's end, issue 13).
        """
        copied = as_is if shared else plain_copy
        return {
            "version": self.version,
            "language": self.language,
            "flow": self.flow,
            "step": self.step,
            "data": copied(self.data),
            "history": list(self.history),
            "serial": self.serial,
            "epoch": self.epoch,
            "clerk": copied(self.clerk),
            "pending_ratings": list(self.pending_ratings),
        }

    @classmethod
    def from_dict(cls, raw: dict[str, Any], *, shared: bool = False) -> DialogState:
        """Read a state written by `to_dict`, upgrading older versions (StateVersionError for
        a newer one). `shared=True` keeps the nested data (no copy): for data nothing else
        holds, just decoded from the database (issue 13)."""
        copied = as_is if shared else plain_copy
        version = int(raw.get("version", 1))
        if version > STATE_VERSION:
            raise StateVersionError(f"state version {version} is newer than {STATE_VERSION}")
        raw = _upgrade(dict(raw), version)
        return cls(
            language=str(raw.get("language", "zh")),
            flow=raw.get("flow"),
            step=raw.get("step"),
            data=copied(dict(raw.get("data") or {})),
            history=[str(step) for step in raw.get("history") or []],
            serial=int(raw.get("serial", 0)),
            epoch=str(raw.get("epoch", "0")),
            clerk=copied(raw.get("clerk")),
            pending_ratings=[str(n) for n in raw.get("pending_ratings") or []],
            version=STATE_VERSION,
        )

    def copy(self) -> DialogState:
        """Return a deep copy that the engine may change freely (one pass over the data)."""
        return replace(
            self,
            data=plain_copy(self.data),
            history=list(self.history),
            clerk=plain_copy(self.clerk),
            pending_ratings=list(self.pending_ratings),
        )


@dataclass(frozen=True)
class Turn:
    """The result of one engine step: the state to save and the replies to send, in order."""

    state: DialogState
    replies: tuple[Outbound, ...]


# Each entry turns a state of version `key` into one of version `key + 1`.
_UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def _upgrade(raw: dict[str, Any], version: int) -> dict[str, Any]:
    while version < STATE_VERSION:
        raw = _UPGRADES[version](raw)
        version += 1
    return raw


def _base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        number, rest = divmod(number, 36)
        text = digits[rest] + text
        if number == 0:
            return text
