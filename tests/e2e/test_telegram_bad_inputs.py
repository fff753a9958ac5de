"""Every bad input through Telegram gets a short answer, and the dialog stays where it was."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from tests.e2e.fake_telegram import SECRET_HEADER, FakeTelegram
from tests.e2e.telegram_app import SECRET, Cluster, cases
from tests.e2e.telegram_user import (
    ARREARS,
    WHEN,
    Message,
    TelegramUser,
    confirm_category,
    text_of,
)


def at_the_date_question(fake: FakeTelegram, chat_id: int) -> TelegramUser:
    user = TelegramUser(fake, chat_id)
    user.say("/report", expect="请描述发生了什么")
    user.say(ARREARS, expect="对吗")
    confirm_category(user)
    return user


def edit_the_description(user: TelegramUser) -> Message:
    described = user.updates[1]["message"]["message_id"]
    return user.act(
        lambda: user.fake.edit_text(user.chat_id, described, "改成别的内容了"),
        expect="已编辑的消息不会被读取",
    )


BAD_INPUTS: dict[str, Callable[[TelegramUser], Message]] = {
    "stale button": lambda u: u.tap("✅ 对", expect="这个按钮已过期"),
    "sticker": lambda u: u.act(lambda: u.fake.send_sticker(u.chat_id), expect="无法处理语音"),
    "voice": lambda u: u.act(lambda: u.fake.send_voice(u.chat_id, b"OggS"), "无法处理语音"),
    "video": lambda u: u.act(lambda: u.fake.send_video(u.chat_id, b"mp4"), "无法处理语音"),
    "edited message": edit_the_description,
    "text over the limit": lambda u: u.say("长" * 1001, expect="每条最多 1000 字"),
    "a new flow in the middle": lambda u: u.say("/report", expect="您正在进行「投诉举报」"),
    "a clerk command": lambda u: u.say("/bind ABCD-EFGH", expect="您正在进行「投诉举报」"),
    "an unknown command": lambda u: u.say("/frobnicate", expect="没有这个命令"),
    "someone else's contact": lambda u: u.act(
        lambda: u.fake.send_contact(u.chat_id, "13800138000", "张三", user_id=424242),
        expect="无法处理语音",
    ),
}


@pytest.mark.parametrize("bad_input", BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_a_bad_input_gets_a_short_answer_and_the_dialog_stays_where_it_was(
    cluster: Cluster, fake_telegram: FakeTelegram, bad_input: Callable[[TelegramUser], Message]
) -> None:
    cluster.start()
    user = at_the_date_question(fake_telegram, 8001)
    answer, question = text_of(bad_input(user)).split("\n\n", 1)
    assert len(answer) < 80
    assert question.startswith(WHEN)
    user.tap("今天", expect="有照片或文件")


def test_a_message_in_a_group_is_refused_there_and_the_private_dialog_stays(
    cluster: Cluster, fake_telegram: FakeTelegram
) -> None:
    cluster.start()
    user = at_the_date_question(fake_telegram, 8002)
    group = TelegramUser(fake_telegram, -1008002)
    answer = group.act(
        lambda: fake_telegram.send_text(group.chat_id, "昨天", user={"id": user.chat_id}),
        expect="请在与我的私聊中投诉举报",
    )
    assert len(text_of(answer)) < 80
    user.tap("今天", expect="有照片或文件")


def test_the_webhook_answers_403_to_a_wrong_secret_400_to_garbage_and_processes_the_rest(
    cluster: Cluster, fake_telegram: FakeTelegram
) -> None:
    process = cluster.start(webhook=True)
    update = {
        "update_id": 1,
        "message": {
            "message_id": 1,
            "date": 0,
            "text": "/report",
            "chat": {"id": 8003, "type": "private", "first_name": "Mallory"},
            "from": {"id": 8003, "is_bot": False, "first_name": "Mallory"},
            "entities": [{"type": "bot_command", "offset": 0, "length": 7}],
        },
    }
    with httpx.Client(trust_env=False, timeout=10) as client:
        missing = client.post(process.webhook_url, json=update)
        wrong = client.post(process.webhook_url, json=update, headers={SECRET_HEADER: "guess"})
        empty = client.post(process.webhook_url, json=update, headers={SECRET_HEADER: ""})
        garbled = client.post(process.webhook_url, content=b"{", headers={SECRET_HEADER: SECRET})
    assert (missing.status_code, wrong.status_code, empty.status_code) == (403, 403, 403)
    assert garbled.status_code == 400
    assert fake_telegram.sent(8003) == [] and cases(process.container) == []

    user = TelegramUser(fake_telegram, 8004)
    user.say("/start", expect="您好！")
    delivery = fake_telegram.wait_for_delivery(user.last_update_id)
    assert (delivery.url, delivery.status) == (process.webhook_url, 200)
    assert fake_telegram.calls("setWebhook")[-1]["secret_token"] == SECRET


def test_photos_over_the_days_upload_quota_are_refused_in_the_chat(
    cluster: Cluster, fake_telegram: FakeTelegram
) -> None:
    cluster.start(upload_daily_files=2)
    user = at_the_date_question(fake_telegram, 8003)
    user.tap("今天", expect="有照片或文件")
    user.photo(b"\xff\xd8\xff\xe0 one", expect="已收到附件（1/5）")
    user.photo(b"\xff\xd8\xff\xe0 two", expect="已收到附件（2/5）")

    refused = user.photo(b"\xff\xd8\xff\xe0 three", expect="达到每日上限")

    assert text_of(refused) == "今天已上传 2 个文件，达到每日上限，请明天再发送。"
    user.tap("完成（2 个）", expect="匿名还是实名")  # the dialog goes on
