"""Drive the conversation service like a chat: events in, replies out, buttons by label."""

from __future__ import annotations

import hashlib
import itertools
from dataclasses import dataclass, field
from typing import Any

from backend.bootstrap import Container
from backend.conversations.service import ConversationService
from backend.db import session_scope
from backend.people.invites import issue_invite
from backend.people.service import create_staff
from dialogs.model import Button, ChatRef, FileRef, GeoPoint, Inbound, InboundKind, Outbound

_EVENT_IDS = itertools.count(1)


@dataclass
class Chat:
    """One chat on one channel talking to the real service and database."""

    service: ConversationService
    chat: ChatRef = field(default_factory=lambda: ChatRef("console", "c1"))
    language_hint: str | None = "zh-hans"
    replies: list[Outbound] = field(default_factory=list)
    shown: list[Button] = field(default_factory=list)

    def send(
        self,
        kind: InboundKind,
        event_id: str | None = None,
        content: bytes | None = None,
        **fields: Any,
    ) -> list[Outbound]:
        inbound = Inbound(
            kind=kind,
            chat=self.chat,
            event_id=event_id or f"e{next(_EVENT_IDS)}",
            language_hint=self.language_hint,
            **fields,
        )
        self.replies = self.service.handle(inbound, content)
        self.shown += [b for reply in self.replies for row in reply.buttons for b in row]
        return self.replies

    def say(self, text: str, **fields: Any) -> list[Outbound]:
        return self.send("text", text=text, **fields)

    def command(self, name: str, *args: str) -> list[Outbound]:
        return self.send("command", command=name, args=args)

    def tap(self, label: str) -> list[Outbound]:
        return self.send("button", payload=self.button(label).payload)

    def photo(self, file_id: str, size: int = 1000) -> list[Outbound]:
        return self.send("photo", file=FileRef(file_id, "photo", size, "image/jpeg", None))

    def upload(self, data: bytes, name: str = "evidence.pdf") -> list[Outbound]:
        """Send a file whose bytes this system stores (as the web chat and console do)."""
        digest = hashlib.sha256(data).hexdigest()
        file = FileRef(digest, "document", len(data), "application/pdf", name)
        return self.send("document", content=data, file=file)

    def location(self, latitude: float, longitude: float) -> list[Outbound]:
        return self.send("location", location=GeoPoint(latitude, longitude))

    def button(self, label: str) -> Button:
        exact = [b for b in reversed(self.shown) if b.label == label]
        found = exact or [b for b in reversed(self.shown) if label in b.label]
        if not found:
            raise AssertionError(f"no button {label!r}; shown: {[b.label for b in self.shown]}")
        return found[0]

    @property
    def text(self) -> str:
        return "\n".join(r.text for r in self.replies)


def file_complaint(chat: Chat, text: str) -> str:
    """Go through a whole anonymous complaint with a confident route; return the last text."""
    chat.command("report")
    chat.say(text)
    chat.tap("✅ 对")
    if any(b.label == "仍然提交新的投诉" for r in chat.replies for row in r.buttons for b in row):
        chat.tap("仍然提交新的投诉")  # a similar case is open: file anyway
    chat.tap("今天")
    chat.tap("跳过")
    chat.tap("🕶 匿名")
    chat.tap("✅ 确认提交")
    return chat.text


def bound_clerk(
    service: ConversationService, container: Container, unit: str = "czj", name: str = "财政局 李"
) -> tuple[Chat, int]:
    """Return the chat of a new clerk of `unit`, bound with a one-time code, and the account's
    id."""
    with session_scope(container.engine) as session:
        staff, _ = create_staff(
            session=session,
            name=name,
            role="clerk",
            department=unit,
            clock=container.clock,
        )
        code = issue_invite(session=session, staff=staff, clock=container.clock)
        staff_id = staff.id or 0
    chat = Chat(service, chat=ChatRef("telegram", "clerk-chat"))
    chat.command("bind", code)
    assert "绑定成功" in chat.text
    return chat, staff_id
