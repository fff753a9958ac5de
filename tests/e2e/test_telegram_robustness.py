"""Telegram under stress: killed processes, repeated updates, two instances, many chats."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

from tests.e2e.fake_telegram import FakeTelegram
from tests.e2e.telegram_app import Cluster, attachments, cases
from tests.e2e.telegram_user import (
    ARREARS,
    TelegramUser,
    case_number,
    complaint_steps,
    file_complaint,
    text_of,
)


def bot_texts(fake: FakeTelegram, chat_id: int) -> list[str]:
    return [text_of(m) for m in fake.sent(chat_id)]


def test_a_process_killed_after_every_step_is_replaced_and_the_dialog_goes_on(
    cluster: Cluster, fake_telegram: FakeTelegram
) -> None:
    user = TelegramUser(fake_telegram, 6001)
    photo = b"\x89PNG" + os.urandom(2000)
    *steps, confirm = complaint_steps(photo=photo)
    process = cluster.start()
    for step in steps:
        step(user)
        process.kill()
        process = cluster.start()
    number = case_number(confirm(user))
    [case] = cases(process.container)
    assert (case.number, case.department_code) == (number, "czj")
    assert [a.size for a in attachments(process.container, case)] == [len(photo)]
    texts = bot_texts(fake_telegram, user.chat_id)
    assert len(texts) == len(set(texts))  # no question asked twice, nothing answered twice


def test_every_update_delivered_twice_files_one_case_and_only_the_receipt_comes_twice(
    cluster: Cluster, fake_telegram: FakeTelegram
) -> None:
    process = cluster.start()
    user = TelegramUser(fake_telegram, 6002)
    for step in complaint_steps():
        step(user)
        fake_telegram.redeliver(user.last_update_id)
    user.say("/mycases", expect="您提交和关注的案件")  # after the repeats: one chat goes in order
    assert len(cases(process.container)) == 1
    # A repeated update may mean its answer never went out: the receipt, with the PIN shown
    # only then, is given again; nothing else is (README, "maybe delivered").
    texts = bot_texts(fake_telegram, user.chat_id)
    receipts = [text for text in texts if "已受理" in text]
    others = [text for text in texts if "已受理" not in text]
    assert len(receipts) == 2 and len(set(receipts)) == 1
    assert len(others) == len(set(others))


def test_two_webhook_instances_taking_turns_complete_one_dialog_with_one_case(
    cluster: Cluster, fake_telegram: FakeTelegram
) -> None:
    first, second = cluster.start(webhook=True), cluster.start(webhook=True)
    fake_telegram.set_webhook_targets([first.webhook_url, second.webhook_url])
    user = TelegramUser(fake_telegram, 6003)
    number = file_complaint(user)
    fake_telegram.redeliver(user.last_update_id)  # the confirmation again, to the other one
    user.say("/mycases", expect=number)
    deliveries = fake_telegram.deliveries
    assert {d.url for d in deliveries} == {first.webhook_url, second.webhook_url}
    assert {d.status for d in deliveries} == {200}
    assert [c.number for c in cases(first.container)] == [number]


def test_fifty_chats_at_once_each_file_their_own_case_without_cross_talk(
    cluster: Cluster, fake_telegram: FakeTelegram
) -> None:
    # 50 client threads, the fake Bot API and the bot share the GIL: on a loaded machine a
    # connect the bot started may complete late. Cross-talk is what this test is about.
    process = cluster.start(
        telegram_connect_timeout_seconds=120, telegram_read_timeout_seconds=120
    )
    users = [TelegramUser(fake_telegram, 7000 + n) for n in range(50)]

    def complain(user: TelegramUser) -> str:
        return file_complaint(user, f"{ARREARS}，合同编号 HT-{user.chat_id}")

    with ThreadPoolExecutor(len(users)) as pool:
        numbers = dict(zip([u.chat_id for u in users], pool.map(complain, users), strict=True))
    filed = {case.number: case for case in cases(process.container)}
    assert sorted(filed) == sorted(numbers.values())
    for chat_id, number in numbers.items():
        assert f"HT-{chat_id}" in filed[number].text
        # Nothing another reporter wrote reaches this chat (the offer of similar open cases
        # names their number, category and unit only).
        own = bot_texts(fake_telegram, chat_id)
        assert {t.split("HT-")[1][:4] for t in own if "HT-" in t} == {str(chat_id)}
