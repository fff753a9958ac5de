"""Telegram end to end: the kind of request (诉求类型) and the street step's typed places."""

from __future__ import annotations

import pytest
from sqlmodel import select

from backend.db import session_scope
from backend.deadlines.models import Deadline
from tests.e2e.fake_telegram import FakeTelegram
from tests.e2e.telegram_app import Cluster, cases
from tests.e2e.telegram_user import WHEN, TelegramUser, case_number, text_of

INQUIRY = "请问企业被拖欠的工程款怎么申请支付，需要什么材料？"
PARKING = "小区门口的停车位被人私自加了地锁，物业不管"


def test_an_inquiry_is_asked_about_confirmed_and_filed_with_its_two_day_limit(
    cluster: Cluster, fake_telegram: FakeTelegram
) -> None:
    process = cluster.start()
    user = TelegramUser(fake_telegram, 5101)
    user.say("/report", expect="请描述发生了什么")
    proposal = user.say(INQUIRY, expect=("对吗", "哪一类"))
    label = "✅ 对" if "对吗" in text_of(proposal) else "拖欠"
    asked = user.tap(label, expect="诉求看起来属于“咨询”")
    buttons = [b["text"] for row in asked["reply_markup"]["inline_keyboard"] for b in row]
    assert buttons[:1] == ["✅ 是，咨询"] and {"投诉", "举报", "求助", "建议"} <= set(buttons)
    user.tap("✅ 是，咨询", expect=WHEN)
    user.tap("今天", expect="有照片或文件")
    user.tap("跳过 ➡️", expect="匿名还是实名")
    summary = user.tap("🕶 匿名", expect="请核对投诉内容")
    assert "类型：咨询" in text_of(summary)
    number = case_number(user.tap("✅ 确认提交", expect="已受理"))
    [case] = cases(process.container)
    assert (case.number, case.request_type) == (number, "inquiry")
    with session_scope(process.container.engine) as session:
        clocks = session.exec(select(Deadline).where(Deadline.case_id == case.id)).all()
        assert [(d.kind, d.days) for d in clocks if d.kind == "resolve"] == [("resolve", 2)]


@pytest.mark.parametrize(
    ("typed", "street", "code"),
    [
        ("前园", "邵公庄街道", "sgz"),
        ("前园社区", "邵公庄街道", "sgz"),
        ("dingzigu", "丁字沽街道", "dzg"),
    ],
)
def test_the_street_step_takes_a_community_and_a_pinyin_name(
    cluster: Cluster, fake_telegram: FakeTelegram, typed: str, street: str, code: str
) -> None:
    process = cluster.start()
    user = TelegramUser(fake_telegram, 5102)
    user.say("/report", expect="请描述发生了什么")
    proposal = user.say(PARKING, expect=("对吗", "哪一类"))
    user.tap("✅ 对" if "对吗" in text_of(proposal) else "停车", expect="事情发生在哪个街道")
    user.say(typed, expect=f"地点：{street}")
    user.expect(WHEN)
    user.tap("今天", expect="有照片或文件")
    user.tap("跳过 ➡️", expect="匿名还是实名")
    user.tap("🕶 匿名", expect="请核对投诉内容")
    number = case_number(user.tap("✅ 确认提交", expect="已受理"))
    [case] = cases(process.container)
    assert (case.number, case.street_code, case.location_text) == (number, code, typed)
