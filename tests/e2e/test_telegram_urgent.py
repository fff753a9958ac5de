"""An urgent complaint through the real bot: asked, told whom to call, told at once at night."""

from __future__ import annotations

from datetime import UTC, datetime

from backend.db import session_scope
from backend.people.service import bind_chat
from backend.scheduler.jobs import send_job
from tests.e2e.fake_telegram import FakeTelegram
from tests.e2e.telegram_app import Cluster, cases, staff_member
from tests.e2e.telegram_user import TelegramUser, case_number, confirm_category, text_of
from tests.fakes import FakeClock

REPORTER, COORDINATOR = 5101, 5102
SUNDAY_23_IN_TIANJIN = datetime(2026, 11, 29, 15, 0, tzinfo=UTC)
HURT = "区里的项目做完了，工程款一直拖欠不付，工人去讨薪时被人打伤了，现在还在流血不止"


def test_an_urgent_complaint_on_a_sunday_night_reaches_the_coordinator_at_once(
    cluster: Cluster, fake_telegram: FakeTelegram, clock: FakeClock
) -> None:
    clock.current = SUNDAY_23_IN_TIANJIN
    process = cluster.start()
    container = process.container
    boss, _ = staff_member(container, "coordinator", "fgw", "协调员 王")
    with session_scope(container.engine) as session:
        bind_chat(
            session=session,
            staff=boss,
            channel="telegram",
            chat_id=str(COORDINATOR),
            language="zh",
            clock=clock,
        )
    user = TelegramUser(fake_telegram, REPORTER)
    user.say("/report", expect="请描述发生了什么")
    asked = user.say(HURT, expect="危及人身")
    assert "120" in text_of(asked)
    marked = user.tap("🚨 是，情况紧急", expect="已标记为紧急")
    assert "对吗" in text_of(marked)
    confirm_category(user)
    user.tap("今天", expect="有照片或文件")
    user.tap("跳过 ➡️", expect="匿名还是实名")
    summary = user.tap("🕶 匿名", expect="请核对投诉内容")
    assert "紧急" in text_of(summary)
    number = case_number(user.tap("✅ 确认提交", expect="已受理"))
    [case] = cases(container)
    assert (case.number, case.urgent, case.status) == (number, True, "routed")
    send_job(container)  # Sunday 23:00: only the urgent notice may go out
    told = [text_of(m) for m in fake_telegram.sent(COORDINATOR)]
    assert [("【紧急】" in t, number in t) for t in told] == [(True, True)]
