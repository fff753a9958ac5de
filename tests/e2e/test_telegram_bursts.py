"""Bursts of messages through the real library: a paste cut into parts, an album, a group."""

from __future__ import annotations

from tests.e2e.fake_telegram import FakeTelegram
from tests.e2e.telegram_app import Cluster, cases
from tests.e2e.telegram_user import TelegramUser, case_number, complaint_steps

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
