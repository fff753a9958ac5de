"""Telegram end to end: the real bot, the real app and database, a fake Bot API server."""

from __future__ import annotations

import hashlib
import os
from datetime import UTC, datetime

from backend.attachments.store import ContentStore
from backend.db import session_scope
from backend.people.invites import issue_invite
from backend.scheduler.jobs import send_job, sweep_job
from tests.e2e.fake_telegram import FakeTelegram
from tests.e2e.telegram_app import Cluster, attachments, cases, staff_member
from tests.e2e.telegram_user import (
    WHEN,
    TelegramUser,
    case_number,
    complaint_steps,
    file_complaint,
    text_of,
)
from tests.fakes import FakeClock

REPORTER, CLERK = 5001, 5002
MONDAY_9_IN_TIANJIN = datetime(2026, 11, 30, 1, 0, tzinfo=UTC)  # the clock starts on a Friday


def test_a_complaint_with_a_photo_reaches_the_admin_api_with_its_department(
    cluster: Cluster, fake_telegram: FakeTelegram
) -> None:
    process = cluster.start()
    photo = b"\xff\xd8\xff\xe0" + os.urandom(3000)
    number = file_complaint(TelegramUser(fake_telegram, REPORTER), photo=photo)
    _, coordinator = staff_member(process.container, "coordinator", "fgw", "协调员 王")
    listed = process.api("GET", "/cases", coordinator).json()["data"]
    assert [(c["number"], c["department"], c["category"]) for c in listed] == [
        (number, "czj", "arrears")
    ]
    [case] = cases(process.container)
    [stored] = attachments(process.container, case)
    store = ContentStore(process.container.settings.data_dir / "attachments")
    assert stored.sha256 == hashlib.sha256(photo).hexdigest()
    assert store.get(stored.sha256) == photo


def test_a_street_matter_placed_by_a_shared_location_and_named_by_a_shared_contact(
    cluster: Cluster, fake_telegram: FakeTelegram
) -> None:
    process = cluster.start()
    user = TelegramUser(fake_telegram, 5004)
    user.say("/report", expect="请描述发生了什么")
    proposal = user.say("小区门口的停车位被人私自加了地锁，物业不管", expect=("对吗", "哪一类"))
    ask = user.tap("✅ 对" if "对吗" in text_of(proposal) else "停车", expect="分享位置")
    assert ask["reply_markup"] == {
        "keyboard": [[{"text": "📍 分享位置", "request_location": True}]],
        "resize_keyboard": True,
        "one_time_keyboard": True,
    }
    kept = user.act(
        lambda: fake_telegram.send_location(5004, 39.1650, 117.1590), expect="地点：西于庄街道"
    )
    assert kept["reply_markup"] == {"remove_keyboard": True}
    user.expect(WHEN)
    user.tap("今天", expect="有照片或文件")
    user.tap("跳过 ➡️", expect="匿名还是实名")
    user.tap("👤 实名", expect="想改为匿名")
    asked = next(m for m in fake_telegram.sent(5004) if "分享手机号" in text_of(m))
    assert asked["reply_markup"]["keyboard"] == [
        [{"text": "📱 分享我的手机号", "request_contact": True}]
    ]
    user.act(
        lambda: fake_telegram.send_contact(5004, "+86 138 0013 8000", "张", last_name="三"),
        expect="电话：13800138000",
    )
    user.expect("请核对投诉内容")
    number = case_number(user.tap("✅ 确认提交", expect="办理有进展时会在这里通知您"))
    [case] = cases(process.container)
    assert (case.number, case.department_code, case.street_code) == (number, "xyz", "xyz")
    assert (case.anonymous, case.latitude) == (False, 39.1650)


def test_a_failure_at_submission_is_apologised_for_and_confirming_again_files_the_case(
    cluster: Cluster, fake_telegram: FakeTelegram
) -> None:
    process = cluster.start()
    user = TelegramUser(fake_telegram, 5005)
    photo = b"\xff\xd8\xff\xe0" + os.urandom(1000)
    *steps, confirm = complaint_steps(photo=photo)
    for step in steps:
        step(user)
    fake_telegram.fail_next("getFile", status=500)  # the photo cannot be fetched this time
    user.tap("✅ 确认提交", expect="抱歉，系统暂时出了点问题")
    assert cases(process.container) == []
    number = case_number(confirm(user))  # the summary and its buttons are still there
    [case] = cases(process.container)
    assert case.number == number
    assert [a.size for a in attachments(process.container, case)] == [len(photo)]


def test_a_client_in_english_is_answered_in_english(
    cluster: Cluster, fake_telegram: FakeTelegram
) -> None:
    cluster.start()
    user = TelegramUser(fake_telegram, 5003, language_code="en-GB")
    user.say("/start", expect="Hello! This is the Hongqiao District")
    user.say("/report", expect="Please describe what happened")


def test_a_clerk_binds_and_signs_in_telegram_and_the_reporter_gets_the_reply_and_rates_it(
    cluster: Cluster, fake_telegram: FakeTelegram, clock: FakeClock
) -> None:
    process = cluster.start()
    container = process.container
    reporter, clerk = TelegramUser(fake_telegram, REPORTER), TelegramUser(fake_telegram, CLERK)
    number = file_complaint(reporter)
    account, clerk_api = staff_member(container, "clerk", "czj", "财政局 李")
    with session_scope(container.engine) as session:
        code = issue_invite(session=session, staff=account, clock=clock)

    clerk.say(f"/bind {code}", expect="绑定成功：财政局 李")
    clerk.tap("📋 待签收案件", expect=number)
    clerk.tap(f"签收 {number}", expect=f"已签收 {number}")
    send_job(container)
    reporter.expect(f"您的投诉 {number} 已由区财政局签收")

    version = process.api("GET", f"/cases/{number}", clerk_api).json()["version"]
    resolved = process.api(
        "POST",
        f"/cases/{number}/actions",
        clerk_api,
        json={"action": "resolve", "version": version, "reply": "工程款已于本周全额支付。"},
    )
    assert resolved.status_code == 200, resolved.text
    send_job(container)
    reporter.expect("答复：工程款已于本周全额支付。")

    clock.current = MONDAY_9_IN_TIANJIN
    sweep_job(container)
    reporter.expect("您对办理结果满意吗？")
    reporter.tap("😊 满意", expect="还有什么想说的吗")
    reporter.tap("跳过 ➡️", expect=f"感谢您对案件 {number} 的评价")

    _, coordinator = staff_member(container, "coordinator", "fgw", "协调员 王")
    case = process.api("GET", f"/cases/{number}", coordinator).json()
    assert (case["status"], case["rating"]) == ("closed", "satisfied")


def test_status_with_a_chinese_comma_before_the_pin_finds_the_case_from_another_chat(
    cluster: Cluster, fake_telegram: FakeTelegram
) -> None:
    cluster.start()
    reporter = TelegramUser(fake_telegram, REPORTER)
    *steps, confirm = complaint_steps()
    for step in steps:
        step(reporter)
    filed = text_of(confirm(reporter))
    number, pin = case_number({"text": filed}), filed.split("提取码：")[1][:6]
    stranger = TelegramUser(fake_telegram, CLERK)
    answer = stranger.say(f"/status {number}，{pin}", expect=(number, "没有找到"))
    assert f"案件 {number}" in text_of(answer)
