"""Simulated users: every action becomes an update for getUpdates or the webhook."""

from __future__ import annotations

import copy
import itertools
import time
from collections.abc import Mapping
from typing import Any

from . import media
from .context import is_inline, public
from .objects import DEFAULT_LANGUAGE, command_entities, make_chat, make_user
from .store import ChatStore
from .updates import UpdateQueue
from .webhook import WebhookDeliverer

User = Mapping[str, Any] | None
MAX_TEXT = 4096  # Telegram's longest message; apps send a longer text in parts of this size


def inline_callback_data(message: Mapping[str, Any]) -> list[str]:
    """Return the callback_data of every button of a message's inline keyboard, in order."""
    markup = message.get("reply_markup")
    if not isinstance(markup, dict) or not is_inline(markup):
        return []
    rows = markup["inline_keyboard"]
    return [b["callback_data"] for row in rows for b in row if "callback_data" in b]


class UserSimulator:
    """Injects user activity; updates get increasing update_ids."""

    def __init__(self, store: ChatStore, updates: UpdateQueue, deliverer: WebhookDeliverer):
        self._store, self._updates, self._deliverer = store, updates, deliverer
        self._query_ids = itertools.count(1)
        self._album_ids = itertools.count(1)

    def inject(self, update: dict[str, Any], *, redelivery: bool = False) -> dict[str, Any]:
        """Deliver a raw update dict (an update_id is added when missing); return it."""
        if "update_id" not in update:
            update = {"update_id": self._updates.new_id(), **update}
        target = self._updates.push(update, redelivery=redelivery)
        if target is not None:
            self._deliverer.submit(target, update)
        return copy.deepcopy(update)

    def _message(
        self,
        chat_id: int,
        fields: dict[str, Any],
        user: User,
        language_code: str,
        chat_type: str | None,
    ) -> dict[str, Any]:
        sender = make_user(chat_id, user, language_code)
        kind = chat_type or ("private" if chat_id > 0 else "supergroup")
        self._store.remember_chat(make_chat(chat_id, kind, sender))
        return self.inject({"message": self._store.add_message(chat_id, sender, fields)})

    def send_text(
        self,
        chat_id: int,
        text: str,
        *,
        user: User = None,
        language_code: str = DEFAULT_LANGUAGE,
        chat_type: str | None = None,
        date: int | None = None,
        reply_to: int | None = None,
    ) -> dict[str, Any]:
        """A user sends text; ``/command`` gets a bot_command entity, ``@name`` a mention.

        ``date`` (Unix seconds) is when Telegram says it was sent (default: now);
        ``reply_to`` the id of a message in the chat this one answers.
        """
        fields: dict[str, Any] = {"text": text}
        if entities := command_entities(text):
            fields["entities"] = entities
        if date is not None:
            fields["date"] = date
        if reply_to is not None:
            with self._store.changed:
                original = self._store.find_message(chat_id, reply_to)
                if original is None:
                    raise LookupError(f"no message {reply_to} in chat {chat_id}")
                fields["reply_to_message"] = public(original)
        return self._message(chat_id, fields, user, language_code, chat_type)

    def send_paste(
        self,
        chat_id: int,
        text: str,
        *,
        date: int,
        language_code: str = DEFAULT_LANGUAGE,
    ) -> list[dict[str, Any]]:
        """A user pastes a long text: the app sends it as messages of 4,096 characters (as
        Telegram for Android does), one second apart from ``date`` on."""
        parts = [text[i : i + MAX_TEXT] for i in range(0, len(text), MAX_TEXT)]
        return [
            self.send_text(chat_id, part, language_code=language_code, date=date + index)
            for index, part in enumerate(parts)
        ]

    def send_album(
        self,
        chat_id: int,
        photos: list[bytes],
        caption: str | None = None,
        *,
        media_group_id: str | None = None,
        user: User = None,
        language_code: str = DEFAULT_LANGUAGE,
        chat_type: str | None = None,
    ) -> list[dict[str, Any]]:
        """A user sends several photos as one album: one message each, sharing a
        ``media_group_id``, the caption on the first."""
        group = media_group_id or f"album-{next(self._album_ids)}"
        return [
            self.send_photo(
                chat_id,
                data,
                caption if index == 0 else None,
                user=user,
                language_code=language_code,
                chat_type=chat_type,
                media_group_id=group,
            )
            for index, data in enumerate(photos)
        ]

    def send_photo(
        self,
        chat_id: int,
        data: bytes,
        caption: str | None = None,
        *,
        user: User = None,
        language_code: str = DEFAULT_LANGUAGE,
        chat_type: str | None = None,
        media_group_id: str | None = None,
    ) -> dict[str, Any]:
        """A user sends a photo; getFile and the file URL serve ``data`` for every size."""
        fields: dict[str, Any] = {"photo": media.photo(self._store, data), **_caption(caption)}
        if media_group_id is not None:
            fields["media_group_id"] = media_group_id
        return self._message(chat_id, fields, user, language_code, chat_type)

    def send_document(
        self,
        chat_id: int,
        data: bytes,
        file_name: str = "document.pdf",
        mime_type: str = "application/pdf",
        caption: str | None = None,
        *,
        user: User = None,
        language_code: str = DEFAULT_LANGUAGE,
        chat_type: str | None = None,
    ) -> dict[str, Any]:
        """A user sends a file as a document."""
        document = media.document(self._store, data, file_name, mime_type)
        fields = {"document": document, **_caption(caption)}
        return self._message(chat_id, fields, user, language_code, chat_type)

    def send_location(
        self,
        chat_id: int,
        latitude: float,
        longitude: float,
        *,
        user: User = None,
        language_code: str = DEFAULT_LANGUAGE,
        chat_type: str | None = None,
    ) -> dict[str, Any]:
        """A user shares a location (e.g. through a request_location button)."""
        fields = {"location": {"latitude": latitude, "longitude": longitude}}
        return self._message(chat_id, fields, user, language_code, chat_type)

    def send_contact(
        self,
        chat_id: int,
        phone_number: str,
        first_name: str,
        *,
        last_name: str | None = None,
        user_id: int | None = None,
        user: User = None,
        language_code: str = DEFAULT_LANGUAGE,
        chat_type: str | None = None,
    ) -> dict[str, Any]:
        """A user shares a contact; by default their own (user_id = sender), as request_contact."""
        sender_id = make_user(chat_id, user)["id"]
        contact: dict[str, Any] = {
            "phone_number": phone_number,
            "first_name": first_name,
            "user_id": sender_id if user_id is None else user_id,
        }
        if last_name:
            contact["last_name"] = last_name
        return self._message(chat_id, {"contact": contact}, user, language_code, chat_type)

    def send_sticker(
        self,
        chat_id: int,
        data: bytes = b"RIFF-fake-webp",
        emoji: str = "👍",
        *,
        user: User = None,
        language_code: str = DEFAULT_LANGUAGE,
        chat_type: str | None = None,
    ) -> dict[str, Any]:
        """A user sends a sticker."""
        fields = {"sticker": media.sticker(self._store, data, emoji)}
        return self._message(chat_id, fields, user, language_code, chat_type)

    def send_voice(
        self,
        chat_id: int,
        data: bytes,
        duration: int = 1,
        *,
        user: User = None,
        language_code: str = DEFAULT_LANGUAGE,
        chat_type: str | None = None,
    ) -> dict[str, Any]:
        """A user sends a voice note."""
        fields = {"voice": media.voice(self._store, data, duration)}
        return self._message(chat_id, fields, user, language_code, chat_type)

    def send_video(
        self,
        chat_id: int,
        data: bytes,
        caption: str | None = None,
        *,
        duration: int = 1,
        width: int = 640,
        height: int = 360,
        user: User = None,
        language_code: str = DEFAULT_LANGUAGE,
        chat_type: str | None = None,
    ) -> dict[str, Any]:
        """A user sends a video."""
        video = media.video(self._store, data, duration, width, height)
        fields = {"video": video, **_caption(caption)}
        return self._message(chat_id, fields, user, language_code, chat_type)

    def edit_text(self, chat_id: int, message_id: int, new_text: str) -> dict[str, Any]:
        """A user edits one of their text messages: an ``edited_message`` update."""
        with self._store.changed:
            message = self._store.find_message(chat_id, message_id)
            if message is None or message["from"].get("is_bot") or "text" not in message:
                raise LookupError(f"no user text message {message_id} in chat {chat_id}")
            message["text"] = new_text
            message.pop("entities", None)
            if entities := command_entities(new_text):
                message["entities"] = entities
            message["edit_date"] = int(time.time())
            edited = copy.deepcopy(message)
        return self.inject({"edited_message": edited})

    def tap(
        self,
        chat_id: int,
        callback_data: str,
        message_id: int | None = None,
        *,
        user: User = None,
        language_code: str = DEFAULT_LANGUAGE,
        check: bool = True,
    ) -> dict[str, Any]:
        """A user taps an inline button (default: on the bot's last message with a keyboard).

        With ``check`` the button must exist on that message, as in a real client;
        ``check=False`` sends any data (e.g. forged or stale callback data).
        """
        candidates = [
            m
            for m in reversed(self._store.sent(chat_id))
            if (m["message_id"] == message_id if message_id else inline_callback_data(m))
        ]
        if not candidates:
            raise LookupError(f"no bot message with an inline keyboard in chat {chat_id}")
        message = candidates[0]
        buttons = inline_callback_data(message)
        if check and callback_data not in buttons:
            raise ValueError(f"no button {callback_data!r} on that message; it has {buttons}")
        query_id = f"fake-query-{next(self._query_ids)}"
        with self._store.changed:
            self._store.callbacks[query_id] = False
        query = {
            "id": query_id,
            "from": make_user(chat_id, user, language_code),
            "message": public(message),
            "chat_instance": f"instance-{chat_id}",
            "data": callback_data,
        }
        return self.inject({"callback_query": query})

    def redeliver(self, update_id: int) -> dict[str, Any]:
        """Deliver an earlier update again with the same update_id (as after a lost ack)."""
        return self.inject(self._updates.original(update_id), redelivery=True)


def _caption(caption: str | None) -> dict[str, Any]:
    return {"caption": caption} if caption else {}
