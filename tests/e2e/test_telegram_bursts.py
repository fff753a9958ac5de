"""Bursts of messages through the real library: a paste cut into parts, an album, a group."""

from __future__ import annotations

from dialogs.texts import render
from tests.e2e.fake_telegram import FakeTelegram
from tests.e2e.telegram_app import Cluster, attachments, cases
from tests.e2e.telegram_user import TelegramUser, case_number, complaint_steps, text_of
from tests.fakes import FakeClock

CITIZEN = 9201
REQUEST = "请求：尽快支付剩余工程款三十万元。"
COMPLAINT = "区里的项目做完了，工程款一直拖欠不付，已经拖了半年。"
PASTE = (COMPLAINT * 200)[: 4815 - len(REQUEST)] + REQUEST
DATE = 1_795_000_000  # when Telegram says the parts were sent (Unix seconds)


def test_a_paste_the_app_cut_into_4096_and_719_is_filed_whole(
    cluster: Cluster, fake_telegram: FakeTelegram
) -> None:
    process = cluster.start(max_text_length=5000)
    user = TelegramUser(fake_telegram, CITIZEN)
    user.say("/report", expect="请描述发生了什么")

    parts = fake_telegram.send_paste(CITIZEN, PASTE, date=DATE)
    user.expect("已按顺序合并为一段（共 4815 字）")
    last = {}
    for step in complaint_steps()[2:]:  # the description is in: category, when, ... confirm
        last = step(user)

    [case] = cases(process.container)
    assert [len(p["message"]["text"]) for p in parts] == [4096, 719]
    assert case.number == case_number(last)
    assert case.text == PASTE and case.text.endswith(REQUEST)


def photos(count: int) -> list[bytes]:
    """Return `count` different small JPEG-like files."""
    return [b"\xff\xd8\xff\xe0" + bytes([index]) * 512 for index in range(count)]


def reach_evidence(user: TelegramUser) -> None:
    """Walk a complaint up to the evidence step."""
    for step in complaint_steps()[:4]:
        step(user)


EVIDENCE = "有照片或文件"  # the evidence step's question


def help_in_the_dialog(user: TelegramUser) -> None:
    """Send /help as a barrier (a chat's updates are answered in order) and read its whole
    turn: in a dialog the help is followed by the step's question, asked again; read only up
    to the help, a later look at the chat races that question."""
    user.say("/help", expect="/status")
    user.expect(EVIDENCE)


def answers_since(fake: FakeTelegram, chat_id: int, seen: int) -> list[str]:
    """Return the texts (edits applied) of the bot's messages after the first `seen`."""
    return [text_of(message) for message in fake.sent(chat_id)[seen:]]


def test_an_album_of_ten_photos_gets_one_answer_saying_how_many_were_not_taken(
    cluster: Cluster, fake_telegram: FakeTelegram
) -> None:
    process = cluster.start()
    user = TelegramUser(fake_telegram, CITIZEN)
    reach_evidence(user)
    seen = len(fake_telegram.sent(CITIZEN))

    fake_telegram.send_album(CITIZEN, photos(10))
    help_in_the_dialog(user)

    album, help_text, _ = answers_since(fake_telegram, CITIZEN, seen)
    assert "这一组收到 5 个附件（共 5/5）" in album and "5 个未收下：附件最多 5 个" in album
    assert "/status" in help_text
    user.tap("完成（5 个）", expect="匿名还是实名")
    user.tap("🕶 匿名", expect="请核对投诉内容")
    user.tap("✅ 确认提交", expect="已受理")
    [case] = cases(process.container)
    assert len(attachments(process.container, case)) == 5


TIMEOUT = 2.0  # seconds the bot waits for Telegram in the tests of a slow Telegram (a loaded
# machine may take more than 0.5 s for an answer that did come: only the faults time out)
APOLOGY = render("zh", "error.internal")


def album_through_a_slow_telegram(
    cluster: Cluster, fake_telegram: FakeTelegram, silent: str, count: int
) -> list[str]:
    """Send an album at the evidence step while Telegram leaves the first `silent` call
    unanswered (carried out); return the answers to it and to the /help after it."""
    cluster.start(telegram_read_timeout_seconds=TIMEOUT)
    user = TelegramUser(fake_telegram, CITIZEN)
    reach_evidence(user)
    seen = len(fake_telegram.sent(CITIZEN))
    fake_telegram.time_out_after_delivery(silent)
    fake_telegram.send_album(CITIZEN, photos(count))
    help_in_the_dialog(user)
    return answers_since(fake_telegram, CITIZEN, seen)


def test_an_album_whose_answer_edit_timed_out_goes_on_editing_and_is_not_apologised_for(
    cluster: Cluster, fake_telegram: FakeTelegram
) -> None:
    # The first edit is the second photo's.
    answers = album_through_a_slow_telegram(cluster, fake_telegram, "editMessageText", 4)

    album, help_text, _ = answers
    assert "这一组收到 4 个附件（共 4/5）" in album and "/status" in help_text


def test_an_album_whose_first_answer_timed_out_is_answered_again_with_the_whole_count(
    cluster: Cluster, fake_telegram: FakeTelegram
) -> None:
    # The first answer arrived, but its message id is unknown.
    answers = album_through_a_slow_telegram(cluster, fake_telegram, "sendMessage", 3)

    first, again, help_text, _ = answers
    assert "这一组收到 1 个附件（共 1/5）" in first
    assert "这一组收到 3 个附件（共 3/5）" in again and "/status" in help_text
    assert APOLOGY not in (first, again)


def test_an_album_sent_outside_a_complaint_is_refused_once(
    cluster: Cluster, fake_telegram: FakeTelegram
) -> None:
    cluster.start()
    user = TelegramUser(fake_telegram, CITIZEN)
    fake_telegram.send_album(CITIZEN, photos(4))
    user.say("/help", expect="/status")
    refused, _ = answers_since(fake_telegram, CITIZEN, 0)
    assert "请先发送 /report" in refused


def test_an_album_over_the_days_upload_quota_is_told_so_once(
    cluster: Cluster, fake_telegram: FakeTelegram
) -> None:
    cluster.start(upload_daily_files=2)
    user = TelegramUser(fake_telegram, CITIZEN)
    reach_evidence(user)
    seen = len(fake_telegram.sent(CITIZEN))
    fake_telegram.send_album(CITIZEN, photos(4))
    help_in_the_dialog(user)
    album, quota, _, _ = answers_since(fake_telegram, CITIZEN, seen)
    assert "这一组收到 2 个附件（共 2/5）" in album
    assert "2" in quota and "今天" in quota


GROUP = -1009201
ALICE = {"id": 3001, "first_name": "Alice", "username": "alice_w"}
BOB = {"id": 3002, "first_name": "Bob", "username": "bob_l"}
PRIVATE_CHAT = "请在与我的私聊中投诉举报"


def group_texts(fake: FakeTelegram) -> list[str]:
    """Return what the bot said in the group."""
    return [text_of(message) for message in fake.sent(GROUP)]


def test_a_group_hears_use_a_private_chat_once_an_hour_and_only_when_addressed(
    cluster: Cluster, fake_telegram: FakeTelegram, clock: FakeClock
) -> None:
    cluster.start()
    fake_telegram.send_text(GROUP, "大家好", user=ALICE)
    fake_telegram.send_text(GROUP, "今天开会吗", user=BOB)
    fake_telegram.send_text(GROUP, "/report", user=ALICE)
    notice = fake_telegram.wait_for_message(GROUP)
    assert PRIVATE_CHAT in text_of(notice)
    fake_telegram.send_text(GROUP, "/help@fake_bot", user=BOB)
    fake_telegram.send_text(GROUP, "@fake_bot 在吗", user=ALICE)
    fake_telegram.send_text(GROUP, "好的", user=BOB, reply_to=notice["message_id"])
    fake_telegram.send_text(GROUP, "/start@other_bot", user=ALICE)

    clock.advance(minutes=61)
    fake_telegram.send_text(GROUP, "/report@fake_bot", user=BOB)
    fake_telegram.wait_for_message(GROUP)  # the group's updates are answered in order
    assert group_texts(fake_telegram) == [text_of(notice)] * 2


def test_a_group_where_the_bot_reads_everything_gets_answers_only_to_what_names_it(
    cluster: Cluster, fake_telegram: FakeTelegram
) -> None:
    cluster.start(group_notice_minutes=0)  # every addressed message answered: count them
    for text, user in [("大家好", ALICE), ("今天开会吗", BOB), ("/start@other_bot", ALICE)]:
        fake_telegram.send_text(GROUP, text, user=user)
    for text, user in [("/report", ALICE), ("@fake_bot 你好", BOB), ("/help@fake_bot", ALICE)]:
        fake_telegram.send_text(GROUP, text, user=user)
        fake_telegram.wait_for_message(GROUP)
    assert len(group_texts(fake_telegram)) == 3
