"""Every bad input through Telegram gets a short answer, and the dialog stays where it was."""

from __future__ import annotations

import select
import socket
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

import httpx
import pytest

from backend.api.bodies import MAX_BODY_BYTES
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
    "a NUL character": lambda u: u.say("今天\u0000", expect="无法保存的字符"),
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
        lambda: fake_telegram.send_text(group.chat_id, "/report", user={"id": user.chat_id}),
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


def update_of(chat_id: int, update_id: int, text_json: str) -> bytes:
    """Return a raw update whose text is given as JSON text (so it may hold "\\ud800")."""
    return (
        f'{{"update_id": {update_id}, "message": {{"message_id": {update_id}, "date": 0, '
        f'"text": {text_json}, "chat": {{"id": {chat_id}, "type": "private", "first_name": "M"}}, '
        f'"from": {{"id": {chat_id}, "is_bot": false, "first_name": "M"}}}}}}'
    ).encode()


def raw_post(url: str, head: bytes, body: Iterator[bytes]) -> tuple[bytes, int]:
    """POST over a bare socket, sending body chunks until the server answers; return the
    answer's first bytes and how many body bytes went out before it came."""
    address = urlsplit(url)
    sent = 0
    with socket.create_connection((address.hostname, address.port), timeout=20) as sock:
        sock.sendall(head)
        for chunk in body:
            try:
                sock.sendall(chunk)
            except OSError:  # the server answered and closed: stop sending
                break
            sent += len(chunk)
            ready, _, _ = select.select([sock], [], [], 0)
            if ready:
                break
        answer = b""
        while b"}" not in answer:  # the JSON body's end, or the connection's
            part = sock.recv(65536)
            if not part:
                break
            answer += part
        return answer, sent


def test_the_webhook_refuses_deep_json_400_behind_the_secret(
    cluster: Cluster, fake_telegram: FakeTelegram
) -> None:
    process = cluster.start(webhook=True)
    with httpx.Client(trust_env=False, timeout=30) as client:
        response = client.post(
            process.webhook_url, content=b"[" * 200_000, headers={SECRET_HEADER: SECRET}
        )
    assert response.status_code == 400


@pytest.mark.parametrize("chunked", [False, True], ids=["declared", "chunked"])
def test_the_webhook_refuses_a_huge_body_413_without_reading_it(
    cluster: Cluster, fake_telegram: FakeTelegram, chunked: bool
) -> None:
    process = cluster.start(webhook=True)
    path = urlsplit(process.webhook_url).path
    size = 200 * 1024 * 1024
    length = b"Transfer-Encoding: chunked" if chunked else f"Content-Length: {size}".encode()
    head = (
        (
            f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            f"{SECRET_HEADER}: {SECRET}\r\n"
        ).encode()
        + length
        + b"\r\n\r\n"
    )
    piece = 64 * 1024

    def body() -> Iterator[bytes]:
        for _ in range(size // piece):
            chunk = b" " * piece
            yield f"{piece:x}\r\n".encode() + chunk + b"\r\n" if chunked else chunk

    answer, sent = raw_post(process.webhook_url, head, body())

    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert b"body_too_large" in answer
    # Answered long before the 200 MiB were sent: the server read past its 1 MiB limit no
    # further; what went out after it is what the kernel's socket buffers took (a few MiB).
    assert sent < 32 * MAX_BODY_BYTES


@pytest.mark.parametrize("text_json", ['"\\u0000"', '"abc\\ud800"'], ids=["NUL", "surrogate"])
def test_an_unstorable_update_through_the_webhook_is_answered_in_the_chat(
    cluster: Cluster, fake_telegram: FakeTelegram, text_json: str
) -> None:
    process = cluster.start(webhook=True)
    with httpx.Client(trust_env=False, timeout=10) as client:
        response = client.post(
            process.webhook_url,
            content=update_of(8005, 9001, text_json),
            headers={SECRET_HEADER: SECRET, "Content-Type": "application/json"},
        )
    assert response.status_code == 200
    message = fake_telegram.wait_for_message(8005, lambda m: "无法保存的字符" in text_of(m))
    assert "\ufffd" not in text_of(message)


def test_the_same_photo_sent_twice_takes_one_attachment_slot(
    cluster: Cluster, fake_telegram: FakeTelegram
) -> None:
    # Telegram gives every sending a new file_id, but the same file keeps its file_unique_id.
    cluster.start()
    user = at_the_date_question(fake_telegram, 7301)
    user.tap("今天", expect="有照片或文件")
    photo = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8
    user.photo(photo, expect="已收到附件（1/")

    again = user.photo(photo, expect="已经附上了")

    assert "（1/" in text_of(again)
    user.photo(photo[::-1], expect="已收到附件（2/")  # another file: a slot of its own
