"""The Telegram adapter's pure parts: updates to Inbound, replies to markup, pacing, order.

The end-to-end tests drive these through the fake server; here are the kinds of update the
fake does not produce (audio, video notes, animations, polls, service messages, commands
addressed to the bot by name) and the arithmetic of the rate limiter.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from telegram import Update, User

from bot.telegram.inbound import to_inbound
from bot.telegram.limiter import Bucket
from bot.telegram.ordering import ChatOrderedProcessor
from bot.telegram.outbound import chat_id_of, inline_keyboard, markup_of, split_text
from dialogs.model import Button, ChatRef, FileRef, Inbound, KeyboardRequest, Outbound

USER = {"id": 77, "is_bot": False, "first_name": "小王", "language_code": "en-US"}
PRIVATE = {"id": 77, "type": "private", "first_name": "小王"}


def update(**fields: Any) -> Update:
    return Update.de_json({"update_id": 42, **fields}, None)


def message(chat: dict[str, Any] | None = None, **fields: Any) -> Update:
    body = {"message_id": 5, "date": 0, "chat": chat or PRIVATE, "from": USER, **fields}
    return update(message=body)


def media(**extra: Any) -> dict[str, Any]:
    return {"file_id": "f1", "file_unique_id": "u1", "file_size": 10, **extra}


def test_a_command_addressed_to_the_bot_by_name_keeps_its_arguments() -> None:
    entity = {"type": "bot_command", "offset": 0, "length": 16}
    inbound = to_inbound(message(text="/status@fake_bot HQ-1 123456", entities=[entity]))
    assert inbound == Inbound(
        kind="command",
        chat=ChatRef("telegram", "77"),
        event_id="42",
        text="/status@fake_bot HQ-1 123456",
        command="status",
        args=("HQ-1", "123456"),
        language_hint="en-US",
    )


@pytest.mark.parametrize(
    ("fields", "kind"),
    [
        ({"audio": media(duration=3)}, "voice"),
        ({"video_note": media(length=240, duration=3)}, "video"),
        (  # Telegram sends an animation with a document beside it
            {"animation": media(width=1, height=1, duration=1), "document": media()},
            "video",
        ),
        ({"dice": {"emoji": "🎲", "value": 3}}, "unsupported"),
        ({"story": {"chat": PRIVATE, "id": 1}}, "unsupported"),
    ],
    ids=["audio", "video note", "animation", "dice", "forwarded story"],
)
def test_media_the_dialogs_cannot_read_keep_a_kind_of_their_own(
    fields: dict[str, Any], kind: str
) -> None:
    inbound = to_inbound(message(**fields))
    assert inbound is not None and inbound.kind == kind


def test_a_document_keeps_its_name_type_size_and_caption() -> None:
    document = media(file_name="合同.pdf", mime_type="application/pdf")
    inbound = to_inbound(message(document=document, caption="合同原件"))
    assert inbound is not None
    assert (inbound.kind, inbound.text) == ("document", "合同原件")
    assert inbound.file == FileRef(
        "f1", "document", 10, "application/pdf", "合同.pdf", unique_id="u1"
    )


def test_the_largest_photo_size_is_the_one_kept() -> None:
    sizes = [
        media(file_id=f"p{side}", file_unique_id=f"u{side}", width=side, height=side)
        for side in (90, 1280, 320)
    ]
    inbound = to_inbound(message(photo=sizes))
    assert inbound is not None
    assert inbound.file == FileRef("p1280", "photo", 10, "image/jpeg", unique_id="u1280")


GROUP = {"id": -100, "type": "supergroup", "title": "街坊群"}
ME = User(id=4321, first_name="Intake", is_bot=True, username="Intake_Bot")


def test_a_service_message_needs_no_answer_and_a_group_is_a_group() -> None:
    assert to_inbound(message(GROUP, new_chat_members=[USER]), ME) is None
    command = {"type": "bot_command", "offset": 0, "length": 7}
    inbound = to_inbound(message(GROUP, text="/report", entities=[command]), ME)
    assert inbound is not None and (inbound.chat_kind, inbound.chat.chat_id) == ("group", "-100")


def entity(kind: str, offset: int, length: int, **extra: Any) -> dict[str, Any]:
    return {"type": kind, "offset": offset, "length": length, **extra}


@pytest.mark.parametrize(
    ("fields", "answered"),
    [
        ({"text": "大家好"}, False),
        ({"text": "今天开会吗"}, False),
        ({"text": "/report", "entities": [entity("bot_command", 0, 7)]}, True),
        ({"text": "/report@intake_bot", "entities": [entity("bot_command", 0, 18)]}, True),
        ({"text": "/start@other_bot", "entities": [entity("bot_command", 0, 16)]}, False),
        ({"text": "👋 @Intake_Bot 在吗", "entities": [entity("mention", 3, 11)]}, True),
        ({"text": "@someone_else 在吗", "entities": [entity("mention", 0, 13)]}, False),
        (
            {"text": "小助手在吗", "entities": [entity("text_mention", 0, 3, user=ME.to_dict())]},
            True,
        ),
        (
            {
                "text": "好的",
                "reply_to_message": {
                    "message_id": 1,
                    "date": 0,
                    "chat": GROUP,
                    "from": ME.to_dict(),
                    "text": "请私聊",
                },
            },
            True,
        ),
        (
            {
                "text": "好的",
                "reply_to_message": {
                    "message_id": 1,
                    "date": 0,
                    "chat": GROUP,
                    "from": USER,
                    "text": "开会",
                },
            },
            False,
        ),
        ({"photo": [media(width=9, height=9)], "caption": "看这个"}, False),
        (
            {
                "photo": [media(width=9, height=9)],
                "caption": "@intake_bot 看这个",
                "caption_entities": [entity("mention", 0, 11)],
            },
            True,
        ),
    ],
)
def test_in_a_group_only_what_is_addressed_to_the_bot_is_answered(
    fields: dict[str, Any], answered: bool
) -> None:
    assert (to_inbound(message(GROUP, **fields), ME) is not None) is answered
    edited = update(
        edited_message={
            "message_id": 5,
            "date": 0,
            "chat": GROUP,
            "from": USER,
            "edit_date": 1,
            **fields,
        }
    )
    assert (to_inbound(edited, ME) is not None) is answered


def test_a_tap_on_a_message_sent_inline_is_not_ours() -> None:
    query = {"id": "q", "from": USER, "chat_instance": "c", "data": "x", "inline_message_id": "i"}
    assert to_inbound(update(callback_query=query)) is None


def test_each_reply_has_one_markup() -> None:
    buttons = Outbound("选", ((Button("对", "t|cat|0"), Button("错", "t|cat|1")),))
    location = Outbound("在哪", request=KeyboardRequest("location", "📍"))
    removal = Outbound("好", remove_keyboard=True)
    assert markup_of(buttons) == inline_keyboard([[("对", "t|cat|0"), ("错", "t|cat|1")]])
    assert markup_of(location).to_dict() == {  # type: ignore[union-attr]
        "keyboard": [[{"text": "📍", "request_location": True}]],
        "resize_keyboard": True,
        "one_time_keyboard": True,
    }
    assert markup_of(removal).to_dict() == {"remove_keyboard": True}  # type: ignore[union-attr]
    assert markup_of(Outbound("就这样")) is None
    assert inline_keyboard([]) is None


def test_a_long_text_is_cut_at_line_breaks_within_telegrams_limit() -> None:
    text = "\n".join(["答复" * 1000] * 3)  # three lines of 2,000 characters
    assert split_text(text) == ["答复" * 1000 + "\n" + "答复" * 1000, "答复" * 1000]
    assert split_text("短") == ["短"]
    assert split_text("长" * 5000) == ["长" * 4096, "长" * 904]


def test_stored_chat_ids_go_back_to_numbers_or_usernames() -> None:
    assert (chat_id_of("77"), chat_id_of("-100123"), chat_id_of("@channel")) == (
        77,
        -100123,
        "@channel",
    )


def test_a_bucket_lets_a_burst_through_then_spaces_the_rest() -> None:
    bucket = Bucket(capacity=3, per_second=1.0, stamp=100.0)
    waits = [bucket.reserve(100.0) for _ in range(5)]
    assert waits == [0.0, 0.0, 0.0, 1.0, 2.0]
    assert bucket.reserve(110.0) == 0.0 and not bucket.idle(110.0)
    assert bucket.idle(113.0)


def test_updates_of_one_chat_are_processed_in_order_and_other_chats_meanwhile() -> None:
    processor = ChatOrderedProcessor(8)
    log: list[str] = []

    async def work(name: str, pause: float) -> None:
        log.append(f"{name} starts")
        await asyncio.sleep(pause)
        log.append(f"{name} ends")

    def in_chat(chat_id: int) -> Update:
        return message({"id": chat_id, "type": "private", "first_name": "x"}, text="hi")

    async def scenario() -> None:
        await asyncio.gather(
            processor.process_update(in_chat(1), work("a1", 0.05)),
            processor.process_update(in_chat(1), work("a2", 0.0)),
            processor.process_update(in_chat(2), work("b1", 0.0)),
        )

    asyncio.run(asyncio.wait_for(scenario(), 5))
    assert log == ["a1 starts", "b1 starts", "b1 ends", "a1 ends", "a2 starts", "a2 ends"]
