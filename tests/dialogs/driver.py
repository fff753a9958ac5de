"""Drive the engine like a chat would: send events, tap buttons by label, read the replies."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from dialogs.engine import advance, start_rating
from dialogs.model import (
    Button,
    ChatKind,
    ChatRef,
    DialogState,
    FileRef,
    GeoPoint,
    Inbound,
    InboundKind,
    Outbound,
    Turn,
)
from dialogs.parsing import MAX_PAYLOAD_BYTES
from tests.dialogs.fakes import FakeServices


@dataclass
class ChatDriver:
    """One private chat talking to the engine; by default the state goes through JSON each turn."""

    services: FakeServices
    chat: ChatRef = field(default_factory=lambda: ChatRef("telegram", "1001"))
    language_hint: str | None = "zh-hans"
    restart_every_turn: bool = True
    state: DialogState | None = None
    replies: tuple[Outbound, ...] = ()
    events: int = 0
    shown: list[list[Button]] = field(default_factory=list)  # buttons of every turn so far

    # sending
    def send(self, kind: InboundKind, *, chat_kind: ChatKind = "private", **fields: Any) -> Turn:
        self.events += 1
        inbound = Inbound(
            kind=kind,
            chat=self.chat,
            event_id=str(self.events),
            chat_kind=chat_kind,
            language_hint=self.language_hint,
            **fields,
        )
        return self._keep(advance(self.state, inbound, self.services))

    def say(self, text: str, **fields: Any) -> Turn:
        return self.send("text", text=text, **fields)

    def command(self, name: str, *args: str) -> Turn:
        return self.send("command", command=name, args=args)

    def tap(self, label: str) -> Turn:
        return self.send("button", payload=self.button(label).payload)

    def photo(self, size: int = 200_000, caption: str = "", album: str = "") -> Turn:
        file = FileRef(f"photo-{self.events}", "photo", size, "image/jpeg", None)
        return self.send("photo", file=file, text=caption, album=album)

    def document(self, size: int = 300_000, name: str = "contract.pdf") -> Turn:
        file = FileRef(f"doc-{self.events}", "document", size, "application/pdf", name)
        return self.send("document", file=file)

    def location(self, latitude: float, longitude: float) -> Turn:
        return self.send("location", location=GeoPoint(latitude, longitude))

    def contact(self, phone: str, name: str = "") -> Turn:
        return self.send("contact", phone=phone, contact_name=name)

    def rating_request(self, number: str) -> Turn:
        return self._keep(start_rating(self.state, number, self.services, self.chat, "zh"))

    # reading
    @property
    def text(self) -> str:
        """Return the texts of the last replies, joined."""
        return "\n".join(reply.text for reply in self.replies)

    @property
    def buttons(self) -> list[Button]:
        return [button for reply in self.replies for row in reply.buttons for button in row]

    @property
    def labels(self) -> list[str]:
        return [button.label for button in self.buttons]

    def button(self, label: str) -> Button:
        """Return the newest button with this label (or the only one containing it) in the chat."""
        for buttons in reversed(self.shown):
            exact = [b for b in buttons if b.label == label]
            found = exact or [b for b in buttons if label in b.label]
            if found:
                assert len(found) == 1, f"{label!r} matches {[b.label for b in found]}"
                return found[0]
        raise AssertionError(f"no button {label!r} in the chat")

    @property
    def step(self) -> tuple[str | None, str | None]:
        assert self.state is not None
        return self.state.flow, self.state.step

    def saved(self) -> dict[str, Any]:
        assert self.state is not None
        return self.state.to_dict()

    def _keep(self, turn: Turn) -> Turn:
        for reply in turn.replies:
            assert reply.text.strip(), "every reply says something"
            for row in reply.buttons:
                for button in row:
                    assert len(button.payload.encode()) <= MAX_PAYLOAD_BYTES
        raw = turn.state.to_dict()
        stored = json.loads(json.dumps(raw, ensure_ascii=False))
        assert stored == raw, "the state is plain JSON data"
        self.state = DialogState.from_dict(stored) if self.restart_every_turn else turn.state
        self.replies = turn.replies
        if self.buttons:
            self.shown.append(self.buttons)
        return turn


PROCUREMENT_TEXT = "区政府采购项目指定品牌，明显排斥其他供应商"
ELDERLY_TEXT = "社区养老驿站承诺的助餐服务一直没有兑现"
COMPLAINT_STEPS = (
    "what",
    "category",
    "street",
    "when",
    "evidence",
    "identity",
    "contact",
    "name",
    "summary",
)
# From each step, the answer that leads to the next one on the way to a named complaint
# about a street-level matter (elderly care, 养老) in Jieyuan street.
_ANSWERS = {
    "what": lambda d: d.say(ELDERLY_TEXT),
    "category": lambda d: d.tap("✅ 对"),
    "street": lambda d: d.tap("芥园街道"),
    "when": lambda d: d.tap("今天"),
    "evidence": lambda d: d.tap("跳过 ➡️"),
    "identity": lambda d: d.tap("👤 实名"),
    "contact": lambda d: d.say("13812345678"),
    "name": lambda d: d.say("张先生"),
}


def reach(driver: ChatDriver, step: str, text: str = ELDERLY_TEXT) -> None:
    """Start a Chinese complaint (about `text`) and answer every step before the given one."""
    driver.command("report")
    for current in COMPLAINT_STEPS:
        assert driver.step == ("complaint", current), driver.text
        if current == step:
            return
        if current == "what":
            driver.say(text)
        else:
            _ANSWERS[current](driver)
    raise AssertionError(f"no step {step}")
