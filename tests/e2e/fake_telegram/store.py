"""Chats, messages, files and the request log, shared by the server and the tests."""

from __future__ import annotations

import copy
import hashlib
import itertools
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

Predicate = Callable[[dict[str, Any]], bool]
# How long a wait may last before only a hang explains it. Waits end as soon as what they
# wait for happens, so this bound costs nothing on a fast machine and is never reached on a
# slow or loaded one; it is no measure of how fast anything should be.
PATIENCE = 60.0


@dataclass(frozen=True)
class StoredFile:
    """A file the fake can serve through getFile and the file URL."""

    file_id: str
    file_unique_id: str
    file_path: str
    data: bytes


@dataclass(frozen=True)
class Fault:
    """One injected failure for a coming call of a method.

    ``after`` calls pass before it applies. With ``after_delivery`` the call is carried out
    (the message is in the chat) and then left unanswered until the client gives up, as when
    Telegram's answer is lost: the client raises ``TimedOut``.
    """

    status: int
    retry_after: int
    after: int = 0
    after_delivery: bool = False


class ChatStore:
    """Everything the bot and the simulated users did; every method is thread-safe."""

    def __init__(self) -> None:
        self.changed = threading.Condition(threading.RLock())
        self._file_numbers = itertools.count(1)
        self.reset()

    def reset(self) -> None:
        """Forget all chats, messages, files, calls and faults."""
        with self.changed:
            self.chats: dict[int, dict[str, Any]] = {}
            self.messages: dict[int, list[dict[str, Any]]] = defaultdict(list)
            self._message_ids: dict[int, itertools.count[int]] = {}
            self._bot_messages: dict[int, list[dict[str, Any]]] = defaultdict(list)
            self._calls: list[tuple[str, dict[str, Any]]] = []
            self._files: dict[str, StoredFile] = {}
            self._paths: dict[str, StoredFile] = {}
            self.callbacks: dict[str, bool] = {}
            self.answered: list[dict[str, Any]] = []
            self.commands: dict[str, list[Any]] = {}
            self._faults: dict[str, deque[Fault]] = defaultdict(deque)
            self._seen_messages: set[tuple[int, int]] = set()
            self._seen_calls: set[int] = set()
            self.activity = 0  # Bot API calls but getUpdates: the bot is at work
            self.held: dict[str, int] = defaultdict(int)  # calls done but not yet answered
            self.changed.notify_all()

    def record_call(self, method: str, params: dict[str, Any]) -> None:
        """Log one Bot API request."""
        with self.changed:
            self._calls.append((method, params))
            if method.lower() != "getupdates":
                self.activity += 1
            self.changed.notify_all()

    def calls(self, method: str) -> list[dict[str, Any]]:
        """Return the params of every request to ``method`` (case-insensitive), oldest first."""
        with self.changed:
            return [copy.deepcopy(p) for m, p in self._calls if m.lower() == method.lower()]

    def add_fault(self, method: str, fault: Fault, times: int) -> None:
        """Make the next ``times`` calls of ``method`` fail."""
        with self.changed:
            self._faults[method.lower()].extend([fault] * times)

    def hold(self, method: str, change: int) -> None:
        """Count a call of ``method`` kept unanswered (+1) or let go (-1)."""
        with self.changed:
            self.held[method.lower()] += change
            self.changed.notify_all()

    def take_fault(self, method: str) -> Fault | None:
        """Consume and return the next injected failure for ``method``, if any is due."""
        with self.changed:
            queue = self._faults.get(method.lower())
            if not queue:
                return None
            if queue[0].after > 0:
                queue[0] = replace(queue[0], after=queue[0].after - 1)
                return None
            return queue.popleft()

    def remember_chat(self, chat: dict[str, Any]) -> None:
        """Store the Chat object used for messages in that chat."""
        with self.changed:
            self.chats[chat["id"]] = dict(chat)

    def chat(self, chat_id: int) -> dict[str, Any]:
        """Return a known chat, or a plausible one for an id never seen."""
        with self.changed:
            if chat_id in self.chats:
                return dict(self.chats[chat_id])
        if chat_id > 0:
            return {"id": chat_id, "type": "private", "first_name": "Tester"}
        return {"id": chat_id, "type": "supergroup", "title": f"Test chat {chat_id}"}

    def add_message(
        self, chat_id: int, sender: dict[str, Any], fields: dict[str, Any]
    ) -> dict[str, Any]:
        """Store a new message (ids increase per chat) and return a copy of it."""
        with self.changed:
            counter = self._message_ids.setdefault(chat_id, itertools.count(1))
            message = {
                "message_id": next(counter),
                "from": sender,
                "chat": self.chat(chat_id),
                "date": int(time.time()),
                **fields,
            }
            self.messages[chat_id].append(message)
            if sender.get("is_bot"):
                self._bot_messages[chat_id].append(message)
            self.changed.notify_all()
            return copy.deepcopy(message)

    def find_message(self, chat_id: int, message_id: int) -> dict[str, Any] | None:
        """Return the stored (mutable) message, or None; callers must hold ``changed``."""
        return next(
            (m for m in self.messages.get(chat_id, []) if m["message_id"] == message_id), None
        )

    def delete_message(self, chat_id: int, message_id: int) -> bool:
        """Remove a message; return whether it existed."""
        with self.changed:
            message = self.find_message(chat_id, message_id)
            if message is None:
                return False
            self.messages[chat_id].remove(message)
            if message in self._bot_messages[chat_id]:
                self._bot_messages[chat_id].remove(message)
            self.changed.notify_all()
            return True

    def sent(self, chat_id: int) -> list[dict[str, Any]]:
        """Return the bot's messages in a chat as they are now (edits applied)."""
        with self.changed:
            return copy.deepcopy(self._bot_messages.get(chat_id, []))

    def wait_for_message(
        self, chat_id: int, predicate: Predicate | None, timeout: float, stall: float | None = None
    ) -> dict[str, Any]:
        """Return the first bot message not returned by an earlier wait that matches.

        With `stall`, the wait goes on while the bot keeps working (calls the Bot API for any
        chat) and fails once it has done nothing for `stall` seconds, or after `timeout`: a
        chat whose answer queues behind many others waits as long as they take.
        """

        def find() -> dict[str, Any] | None:
            for message in self._bot_messages.get(chat_id, []):
                key = (chat_id, message["message_id"])
                if key not in self._seen_messages and (
                    predicate is None or predicate(copy.deepcopy(message))
                ):
                    self._seen_messages.add(key)
                    return copy.deepcopy(message)
            return None

        with self.changed:
            if stall is None:
                found = self.changed.wait_for(find, timeout)
            else:
                found = self._wait_while_busy(find, timeout, stall)
            if found is None:
                sent = self._bot_messages.get(chat_id, [])
                texts = [m.get("text", m.get("caption")) for m in sent]
                bound = f"{timeout}s" if stall is None else f"{timeout}s or {stall}s idle"
                raise TimeoutError(
                    f"no matching bot message in chat {chat_id} within {bound}; "
                    f"the bot sent: {texts}"
                )
            return found

    def _wait_while_busy(
        self, find: Callable[[], dict[str, Any] | None], timeout: float, stall: float
    ) -> dict[str, Any] | None:
        """Wait for `find` while the bot keeps calling the Bot API; callers hold `changed`."""
        now = time.monotonic()
        end, seen, since = now + timeout, self.activity, now
        while (found := find()) is None:
            now = time.monotonic()
            if self.activity != seen:
                seen, since = self.activity, now
            left = min(end, since + stall) - now
            if left <= 0:
                return None
            self.changed.wait(left)
        return found

    def wait_for_call(
        self, method: str, predicate: Predicate | None, timeout: float
    ) -> dict[str, Any]:
        """Return the params of the first new request to ``method`` that matches."""

        def find() -> dict[str, Any] | None:
            for index, (name, params) in enumerate(self._calls):
                if (
                    index not in self._seen_calls
                    and name.lower() == method.lower()
                    and (predicate is None or predicate(copy.deepcopy(params)))
                ):
                    self._seen_calls.add(index)
                    return copy.deepcopy(params)
            return None

        with self.changed:
            found = self.changed.wait_for(find, timeout)
            if found is None:
                raise TimeoutError(f"no matching {method} call within {timeout}s")
            return found

    def add_file(self, data: bytes, folder: str, extension: str, variant: int = 0) -> StoredFile:
        """Register bytes under a new file_id and file_path. As Telegram does, every sending
        gets a new file_id while the same file keeps its file_unique_id (`variant`: which of
        a photo's sizes)."""
        with self.changed:
            number = next(self._file_numbers)
            digest = hashlib.sha256(data).hexdigest()[:16]
            stored = StoredFile(
                file_id=f"fake-{folder}-{number}",
                file_unique_id=f"unique-{folder}-{digest}-{variant}",
                file_path=f"{folder}/file_{number}.{extension}",
                data=data,
            )
            self._files[stored.file_id] = stored
            self._paths[stored.file_path] = stored
            return stored

    def file_by_id(self, file_id: str) -> StoredFile | None:
        """Return a registered file by file_id."""
        with self.changed:
            return self._files.get(file_id)

    def file_by_path(self, file_path: str) -> StoredFile | None:
        """Return a registered file by the file_path getFile handed out."""
        with self.changed:
            return self._paths.get(file_path)
