"""The fake Bot API works with the real python-telegram-bot; these tests double as examples."""

from __future__ import annotations

import asyncio
import threading
import time
import warnings
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

import httpx
import pytest
from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    Message,
    ReplyKeyboardMarkup,
    Update,
)
from telegram.error import BadRequest, EndPointNotFound, NetworkError, RetryAfter
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)
from telegram.warnings import PTBDeprecationWarning

from tests.e2e.fake_telegram import FakeTelegram
from tests.e2e.ptb_harness import (
    TOKEN,
    build_app,
    next_message,
    polling,
    run,
    running,
    serve,
    webhook_receiver,
)

CHAT = 4242
LONG_POLL = 60  # seconds; the update comes after 0.3 s
SECRET = "s3cret-token_1"
PHOTO = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
Context = ContextTypes.DEFAULT_TYPE


def _message(update: Update) -> Message:
    assert update.effective_message is not None
    return update.effective_message


async def echo(update: Update, context: Context) -> None:
    """Reply with the text received."""
    await _message(update).reply_text(f"echo: {_message(update).text}")


def test_echo_bot_answers_text(fake_telegram: FakeTelegram) -> None:
    app = build_app(fake_telegram, MessageHandler(filters.TEXT & ~filters.COMMAND, echo))

    async def scenario() -> dict[str, Any]:
        async with polling(app):
            fake_telegram.send_text(CHAT, "你好")
            return await next_message(fake_telegram, CHAT)

    reply = run(scenario())
    assert reply["text"] == "echo: 你好"
    assert reply["from"]["is_bot"] is True
    assert reply["chat"]["id"] == CHAT
    assert [m["text"] for m in fake_telegram.sent(CHAT)] == ["echo: 你好"]
    assert fake_telegram.calls("getUpdates"), "PTB long-polled the fake"


def test_command_handler_receives_start(fake_telegram: FakeTelegram) -> None:
    async def start(update: Update, context: Context) -> None:
        user = update.effective_user
        language = user.language_code if user else None
        await _message(update).reply_text(f"start args={context.args} lang={language}")

    app = build_app(fake_telegram, CommandHandler("start", start))

    async def scenario() -> dict[str, Any]:
        async with polling(app):
            fake_telegram.send_text(CHAT, "/start case-42")
            return await next_message(fake_telegram, CHAT)

    assert run(scenario())["text"] == "start args=['case-42'] lang=zh-hans"


def test_tap_reaches_callback_query_handler_and_is_answered(fake_telegram: FakeTelegram) -> None:
    async def menu(update: Update, context: Context) -> None:
        buttons = [
            InlineKeyboardButton("是", callback_data="yes"),
            InlineKeyboardButton("否", callback_data="no"),
        ]
        await _message(update).reply_text(
            "确认提交？", reply_markup=InlineKeyboardMarkup([buttons])
        )

    async def on_button(update: Update, context: Context) -> None:
        query = update.callback_query
        assert query is not None
        await query.answer(text=f"got {query.data}")
        await query.edit_message_text(f"you chose {query.data}")

    app = build_app(fake_telegram, CommandHandler("menu", menu), CallbackQueryHandler(on_button))

    async def scenario() -> None:
        async with polling(app):
            fake_telegram.send_text(CHAT, "/menu")
            await next_message(fake_telegram, CHAT)
            assert fake_telegram.last_keyboard(CHAT) == ["yes", "no"]
            fake_telegram.tap(CHAT, "yes")
            await asyncio.to_thread(fake_telegram.wait_for_call, "editMessageText", None, 5)

    run(scenario())
    assert [a["text"] for a in fake_telegram.answered_callbacks] == ["got yes"]
    (message,) = fake_telegram.sent(CHAT)
    assert message["text"] == "you chose yes"
    assert "reply_markup" not in message, "editing without reply_markup drops the keyboard"
    assert fake_telegram.last_keyboard(CHAT) == []


def test_photo_is_downloaded_through_get_file(fake_telegram: FakeTelegram) -> None:
    downloaded: list[bytes] = []

    async def on_photo(update: Update, context: Context) -> None:
        photo = await _message(update).photo[-1].get_file()
        downloaded.append(bytes(await photo.download_as_bytearray()))
        await _message(update).reply_text(f"got {len(downloaded[-1])} bytes")

    app = build_app(fake_telegram, MessageHandler(filters.PHOTO, on_photo))

    async def scenario() -> dict[str, Any]:
        async with polling(app):
            update = fake_telegram.send_photo(CHAT, PHOTO, caption="现场照片")
            await next_message(fake_telegram, CHAT)
            return update

    update = run(scenario())
    assert downloaded == [PHOTO]
    largest = update["message"]["photo"][-1]["file_id"]
    assert [call["file_id"] for call in fake_telegram.calls("getFile")] == [largest]


def test_location_and_contact_arrive(fake_telegram: FakeTelegram) -> None:
    async def ask(update: Update, context: Context) -> None:
        keyboard = ReplyKeyboardMarkup(
            [
                [
                    KeyboardButton("发送位置", request_location=True),
                    KeyboardButton("发送电话", request_contact=True),
                ]
            ],
            one_time_keyboard=True,
        )
        await _message(update).reply_text("请分享位置和电话", reply_markup=keyboard)

    async def on_location(update: Update, context: Context) -> None:
        location = _message(update).location
        assert location is not None
        await _message(update).reply_text(f"location {location.latitude},{location.longitude}")

    async def on_contact(update: Update, context: Context) -> None:
        contact, user = _message(update).contact, update.effective_user
        assert contact is not None and user is not None
        own = contact.user_id == user.id
        await _message(update).reply_text(f"contact {contact.phone_number} own={own}")

    app = build_app(
        fake_telegram,
        CommandHandler("report", ask),
        MessageHandler(filters.LOCATION, on_location),
        MessageHandler(filters.CONTACT, on_contact),
    )

    async def scenario() -> list[str]:
        async with polling(app):
            fake_telegram.send_text(CHAT, "/report")
            await next_message(fake_telegram, CHAT)
            fake_telegram.send_location(CHAT, 31.1979, 121.3363)
            location = await next_message(fake_telegram, CHAT)
            fake_telegram.send_contact(CHAT, "+8613800000000", "张三")
            contact = await next_message(fake_telegram, CHAT)
            return [location["text"], contact["text"]]

    assert run(scenario()) == ["location 31.1979,121.3363", "contact +8613800000000 own=True"]
    buttons = fake_telegram.sent(CHAT)[0]["reply_markup"]["keyboard"][0]
    assert [b.get("request_location") for b in buttons] == [True, None]
    assert [b.get("request_contact") for b in buttons] == [None, True]


def test_edited_message_arrives_as_edited_message(fake_telegram: FakeTelegram) -> None:
    async def on_edit(update: Update, context: Context) -> None:
        assert update.edited_message is not None
        await update.edited_message.reply_text(f"edited: {update.edited_message.text}")

    app = build_app(
        fake_telegram,
        MessageHandler(filters.UpdateType.EDITED_MESSAGE & filters.TEXT, on_edit),
        MessageHandler(filters.UpdateType.MESSAGE & filters.TEXT, echo),
    )

    async def scenario() -> dict[str, Any]:
        async with polling(app):
            sent = fake_telegram.send_text(CHAT, "地址：虹桥路1号")
            await next_message(fake_telegram, CHAT)
            fake_telegram.edit_text(CHAT, sent["message"]["message_id"], "地址：虹桥路2号")
            return await next_message(fake_telegram, CHAT)

    assert run(scenario())["text"] == "edited: 地址：虹桥路2号"


def test_redelivered_update_is_seen_again_with_same_id(fake_telegram: FakeTelegram) -> None:
    seen: list[int] = []

    async def record(update: Update, context: Context) -> None:
        seen.append(update.update_id)
        await _message(update).reply_text(f"seen {len(seen)}")

    app = build_app(fake_telegram, MessageHandler(filters.TEXT, record))

    async def scenario() -> int:
        async with polling(app):
            update = fake_telegram.send_text(CHAT, "重复投诉")
            await next_message(fake_telegram, CHAT)
            fake_telegram.redeliver(update["update_id"])
            await next_message(fake_telegram, CHAT)
            return int(update["update_id"])

    update_id = run(scenario())
    assert seen == [update_id, update_id]


def test_media_updates_parse_in_ptb(fake_telegram: FakeTelegram) -> None:
    async def describe(update: Update, context: Context) -> None:
        attachment = _message(update).effective_attachment
        await _message(update).reply_text(type(attachment).__name__)

    app = build_app(fake_telegram, MessageHandler(filters.ATTACHMENT, describe))

    async def scenario() -> list[str]:
        async with polling(app):
            fake_telegram.send_document(CHAT, b"%PDF-1.4", "complaint.pdf")
            fake_telegram.send_sticker(CHAT)
            fake_telegram.send_voice(CHAT, b"OggS", duration=3)
            fake_telegram.send_video(CHAT, b"\x00\x00\x00\x18ftypmp42")
            return [(await next_message(fake_telegram, CHAT))["text"] for _ in range(4)]

    assert run(scenario()) == ["Document", "Sticker", "Voice", "Video"]


def test_webhook_mode_posts_updates_with_secret(fake_telegram: FakeTelegram) -> None:
    app = build_app(fake_telegram, MessageHandler(filters.TEXT, echo), updater=False)

    async def scenario() -> tuple[str, int | None, int]:
        async with running(app), serve(webhook_receiver(app, SECRET)) as url:
            await app.bot.set_webhook(url=f"{url}/telegram", secret_token=SECRET)
            update = fake_telegram.send_text(CHAT, "webhook hello")
            reply = await next_message(fake_telegram, CHAT)
            wait = fake_telegram.wait_for_delivery
            delivery = await asyncio.to_thread(wait, update["update_id"], 5)
            async with httpx.AsyncClient(trust_env=False) as client:
                forged = await client.post(f"{url}/telegram", json=update)
            return reply["text"], delivery.status, forged.status_code

    assert run(scenario()) == ("echo: webhook hello", 200, 403)
    assert fake_telegram.pending_updates == [], "nothing queued for getUpdates"


def ends_with(suffix: str) -> Callable[[dict[str, Any]], bool]:
    """A wait_for_message predicate: the text ends with ``suffix``."""
    return lambda message: str(message.get("text", "")).endswith(suffix)


def test_webhook_targets_alternate_between_two_instances(fake_telegram: FakeTelegram) -> None:
    def instance(name: str) -> Any:
        async def reply(update: Update, context: Context) -> None:
            await _message(update).reply_text(f"{name}: {_message(update).text}")

        return build_app(fake_telegram, MessageHandler(filters.TEXT, reply), updater=False)

    a, b = instance("A"), instance("B")

    async def scenario() -> list[str]:
        async with (
            running(a),
            running(b),
            serve(webhook_receiver(a, SECRET)) as url_a,
            serve(webhook_receiver(b, SECRET)) as url_b,
        ):
            await a.bot.set_webhook(url=f"{url_a}/telegram", secret_token=SECRET)
            fake_telegram.set_webhook_targets([f"{url_a}/telegram", f"{url_b}/telegram"])
            texts = ["one", "two", "three"]
            for text in texts:
                fake_telegram.send_text(CHAT, text)
            replies = [await next_message(fake_telegram, CHAT, ends_with(t)) for t in texts]
            return [r["text"] for r in replies]

    assert run(scenario()) == ["A: one", "B: two", "A: three"]
    statuses = [(d.url.split(":")[-1], d.status) for d in fake_telegram.deliveries]
    ports = [s[0] for s in statuses]
    assert ports[0] == ports[2] != ports[1]
    assert {status for _, status in statuses} == {200}


def retry_after_seconds(error: RetryAfter) -> float:
    """``RetryAfter.retry_after`` is an int today and a timedelta with PTB_TIMEDELTA=true."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


async def send_with_retry(send: Callable[[], Awaitable[Message]], attempts: int = 3) -> Message:
    """Call ``send``, sleeping ``retry_after`` after a 429, up to ``attempts`` times."""
    for _ in range(attempts - 1):
        try:
            return await send()
        except RetryAfter as error:
            await asyncio.sleep(retry_after_seconds(error))
    return await send()


# PTB 22 warns about RetryAfter's int/timedelta migration as soon as it builds the exception.
@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
def test_rate_limited_send_is_retried_after_retry_after(fake_telegram: FakeTelegram) -> None:
    fake_telegram.fail_next("sendMessage", status=429, retry_after=1)
    app = build_app(fake_telegram)

    async def scenario() -> None:
        async with app:
            with pytest.raises(RetryAfter) as caught:
                await app.bot.send_message(CHAT, "受理回执")
            assert retry_after_seconds(caught.value) == 1
            fake_telegram.fail_next("sendMessage", status=429, retry_after=1)
            await send_with_retry(lambda: app.bot.send_message(CHAT, "受理回执"))

    run(scenario())
    assert [m["text"] for m in fake_telegram.sent(CHAT)] == ["受理回执"]
    assert len(fake_telegram.calls("sendMessage")) == 3, "two refused attempts, one delivered"


def test_server_error_and_unknown_method(fake_telegram: FakeTelegram) -> None:
    fake_telegram.fail_next("getMe", status=500)

    async def scenario() -> None:
        bot = Bot(TOKEN, base_url=fake_telegram.base_url)
        with pytest.raises(NetworkError, match="Internal Server Error"):
            await bot.initialize()
        async with bot:
            with pytest.raises(EndPointNotFound):
                await bot.do_api_request("sendTelepathy")
            with pytest.raises(BadRequest, match="(?i)can't parse entities"):
                await bot.send_message(CHAT, "1 < 2", parse_mode="HTML")
            with pytest.raises(BadRequest, match="(?i)reserved"):
                await bot.send_message(CHAT, "v1.2", parse_mode="MarkdownV2")
            sent = await bot.send_message(CHAT, "same")
            with pytest.raises(BadRequest, match="(?i)message is not modified"):
                await sent.edit_text("same")

    run(scenario())


def test_raw_http_get_updates_contract(fake_telegram: FakeTelegram) -> None:
    api = f"{fake_telegram.base_url}{TOKEN}"
    with httpx.Client(trust_env=False, timeout=10) as client:
        assert client.get(f"{api}/getMe").json()["result"]["username"] == "fake_bot"
        sent = client.post(f"{api}/sendMessage", json={"chat_id": CHAT, "text": "123"}).json()
        assert sent["result"]["text"] == "123", "JSON bodies keep text a string"
        unknown = client.post(f"{api}/sendTelepathy")
        assert (unknown.status_code, unknown.json()["description"]) == (
            404,
            "Not Found: method sendTelepathy",
        )

        first = fake_telegram.send_text(CHAT, "a")["update_id"]
        fake_telegram.send_text(CHAT, "b")
        got = client.get(f"{api}/getUpdates", params={"limit": 1}).json()["result"]
        assert [u["update_id"] for u in got] == [first]
        got = client.get(f"{api}/getUpdates", params={"offset": first + 1}).json()["result"]
        assert [u["message"]["text"] for u in got] == ["b"]
        assert len(fake_telegram.pending_updates) == 1, "offset confirmed the first update"

        later = threading.Timer(0.3, fake_telegram.send_text, (CHAT, "c"))
        later.start()
        started = time.monotonic()
        long_poll = {"offset": first + 2, "timeout": LONG_POLL}
        got = client.post(f"{api}/getUpdates", data=long_poll, timeout=2 * LONG_POLL).json()
        assert [u["message"]["text"] for u in got["result"]] == ["c"]
        # Before its timeout, so because the update came (however slow the machine is).
        assert time.monotonic() - started < LONG_POLL, "the long poll returned when it came"

        client.post(f"{api}/setWebhook", data={"url": "http://127.0.0.1:9/hook"})
        conflict = client.post(f"{api}/getUpdates")
        assert conflict.status_code == 409
