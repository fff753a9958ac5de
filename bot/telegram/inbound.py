"""Turn Telegram updates into the dialog engine's `Inbound` events (pure, no I/O)."""

from __future__ import annotations

from dataclasses import replace

from telegram import Chat, Contact, Message, MessageEntity, Update, User
from telegram.constants import ChatType, MessageLimit

from dialogs.model import ChatKind, ChatRef, FileRef, GeoPoint, Inbound

CHANNEL = "telegram"
ALLOWED_UPDATES = ["message", "edited_message", "callback_query"]
_VIDEO = ("video", "video_note", "animation")  # before documents: an animation carries one too
_VOICE = ("voice", "audio")
CUT_SLACK = 200  # how far before 4,096 an app may cut a long text (at a space or line break)
_OTHER = ("poll", "dice", "game", "story", "invoice", "paid_media", "checklist")


def to_inbound(update: Update, me: User | None = None) -> Inbound | None:
    """Return the event an update stands for, or None when there is nothing to answer.

    In a group only what is addressed to the bot (`me`) is answered: a command for it (bare,
    or `/cmd@its_name`), a mention of it, a reply to one of its messages, a tap on its button.
    A group where the bot reads every message (privacy mode off, or an admin bot) is a
    conversation among people, not with the bot.
    """
    event_id = str(update.update_id)
    query = update.callback_query
    if query is not None:
        if query.message is None or query.data is None:
            return None  # a tap on an inline-mode message or a game: not ours
        base = _base(query.message.chat, query.from_user, event_id)
        return replace(base, kind="button", payload=query.data)
    message = update.edited_message or update.message
    if message is None:
        return None
    if chat_kind(message.chat) == "group" and not addressed(message, me):
        return None
    base = _base(message.chat, message.from_user, event_id)
    if update.edited_message is not None:
        return replace(base, kind="edited", text=message.text or message.caption or "")
    return _message(message, base)


def addressed(message: Message, me: User | None) -> bool:
    """Return whether a message in a group is meant for the bot `me`.

    A bare `/cmd` counts (in privacy mode Telegram delivers only those meant for the bot);
    `/cmd@other_bot` does not. Without `me` (not known yet) only bare commands count.
    """
    name = (me.username or "").lower() if me is not None else ""
    my_id = me.id if me is not None else None
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and replied.from_user.id == my_id:
        return True
    entities = message.parse_entities() or message.parse_caption_entities()
    for entity, text in entities.items():
        if entity.type == MessageEntity.BOT_COMMAND and entity.offset == 0:
            _, at, target = text.partition("@")
            if not at or (name and target.lower() == name):
                return True
        if _mentions(entity, text, name, my_id):
            return True
    return False


def _mentions(entity: MessageEntity, text: str, name: str, my_id: int | None) -> bool:
    if entity.type == MessageEntity.MENTION:
        return bool(name) and text[1:].lower() == name
    user = entity.user if entity.type == MessageEntity.TEXT_MENTION else None
    return user is not None and user.id == my_id


def chat_kind(chat: Chat) -> ChatKind:
    """Return "private" for a one-to-one chat, "group" for groups, supergroups and channels."""
    return "private" if chat.type == ChatType.PRIVATE else "group"


def _base(chat: Chat, user: User | None, event_id: str) -> Inbound:
    return Inbound(
        kind="text",
        chat=ChatRef(CHANNEL, str(chat.id)),
        event_id=event_id,
        chat_kind=chat_kind(chat),
        language_hint=user.language_code if user is not None else None,
    )


def _message(message: Message, base: Inbound) -> Inbound | None:
    if message.text is not None:
        return _text(message, message.text, base)
    caption = message.caption or ""
    if message.sticker is not None:
        return replace(base, kind="sticker")
    if any(getattr(message, name, None) for name in _VIDEO):
        return replace(base, kind="video", text=caption)
    if any(getattr(message, name, None) for name in _VOICE):
        return replace(base, kind="voice", text=caption)
    album = message.media_group_id or ""  # photos and documents sent as one album
    if message.photo:
        largest = max(message.photo, key=lambda p: (p.width * p.height, p.file_size or 0))
        photo = FileRef(
            largest.file_id,
            "photo",
            largest.file_size,
            "image/jpeg",
            unique_id=largest.file_unique_id,
        )
        return replace(base, kind="photo", text=caption, file=photo, album=album)
    if message.document is not None:
        doc = message.document
        document = FileRef(
            doc.file_id,
            "document",
            doc.file_size,
            doc.mime_type,
            doc.file_name,
            unique_id=doc.file_unique_id,
        )
        return replace(base, kind="document", text=caption, file=document, album=album)
    if message.location is not None:
        point = GeoPoint(message.location.latitude, message.location.longitude)
        return replace(base, kind="location", location=point)
    if message.contact is not None:
        return _contact(message.contact, message.from_user, base)
    if any(getattr(message, name, None) for name in _OTHER):
        return replace(base, kind="unsupported")
    return None  # a service message (someone joined, a pin, ...): nothing to answer


def may_be_cut(text: str) -> bool:
    """Return whether a text may be a part of a longer one that the user's app cut.

    Telegram's apps send a longer text as messages of 4,096 UTF-16 units (Android cuts there
    exactly; desktop apps a little before, at a space or line break; the server then drops
    the space at either end).
    """
    return utf16_length(text) >= MessageLimit.MAX_TEXT_LENGTH - CUT_SLACK


def utf16_length(text: str) -> int:
    """Return the length Telegram counts: UTF-16 code units."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _text(message: Message, text: str, base: Inbound) -> Inbound:
    entity = message.entities[0] if message.entities else None
    if entity is None or entity.type != MessageEntity.BOT_COMMAND or entity.offset != 0:
        return replace(base, text=text, split_part=may_be_cut(text), sent_at=message.date)
    # Command names are ASCII, so the UTF-16 length of the entity is the length in characters.
    name = text[1 : entity.length].split("@", 1)[0].lower()
    args = tuple(text[entity.length :].split())
    return replace(base, kind="command", text=text, command=name, args=args)


def _contact(contact: Contact, sender: User | None, base: Inbound) -> Inbound:
    # Only the sender's own number counts (what the share-contact button sends); a forwarded
    # card of someone else is no way to give one's phone.
    if sender is None or contact.user_id != sender.id:
        return replace(base, kind="unsupported")
    name = " ".join(part for part in (contact.first_name, contact.last_name) if part)
    return replace(base, kind="contact", phone=contact.phone_number, contact_name=name)
