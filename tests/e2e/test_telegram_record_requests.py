"""Objection (异议) and credit repair (信用修复) through the real bot and a fake Bot API."""

from __future__ import annotations

from typing import Any

from backend.scheduler.jobs import send_job
from tests.e2e.fake_telegram import FakeTelegram
from tests.e2e.telegram_app import AppProcess, Cluster, staff_member
from tests.e2e.telegram_user import TelegramUser
from tests.records.helpers import RECORD

OBJECTOR, APPLICANT = 6001, 6002
REASONS = "处分决定已被上级机关撤销，记录所依据的文书不再有效"


def api_step(
    process: AppProcess, headers: dict[str, str], number: str, action: str, **body: Any
) -> dict[str, Any]:
    version = process.api("GET", f"/records/{number}", headers).json()["version"]
    done = process.api(
        "POST",
        f"/records/{number}/actions",
        headers,
        json={"action": action, "version": version, **body},
    )
    assert done.status_code == 200, done.text
    result: dict[str, Any] = done.json()
    return result


def test_the_person_named_objects_in_the_chat_and_hears_the_decision_there(
    cluster: Cluster, fake_telegram: FakeTelegram
) -> None:
    process = cluster.start()
    _, czj = staff_member(process.container, "clerk", "czj", "财政局 李")
    _, fgw = staff_member(process.container, "clerk", "fgw", "发改委 王")
    filed = process.api("POST", "/records", czj, json=RECORD)
    assert filed.status_code == 201, filed.text
    number = filed.json()["number"]
    api_step(process, fgw, number, "publish")  # the chat describes what the page shows

    user = TelegramUser(fake_telegram, OBJECTOR)
    user.say("/start", expect="请选择要办理的事项")
    user.tap("⚖️ 对失信记录提出异议", expect="要提出异议的政务失信记录编号")
    user.say("HQ-000000-0000", expect="没有找到可以办理这项申请的记录")
    user.say(number.lower(), expect=("李某（区财政局）", "请问您是"))
    user.tap("被记录的本人", expect="请写出提出人的姓名")
    user.say("李某", expect="异议的事实和理由")
    user.say(REASONS, expect="有证明材料吗")
    user.tap("跳过 ➡️", expect="请核对异议申请")
    user.tap("✅ 确认提交", expect=f"异议已提交（记录 {number}）")

    record = process.api("GET", f"/records/{number}", fgw).json()
    assert record["objection_state"] == "pending"
    [objection] = record["objections"]
    assert (objection["objector_kind"], objection["objector_name"]) == ("person", "李某")
    assert objection["reasons"] == REASONS

    user.say("/objection", expect="要提出异议的政务失信记录编号")
    user.say(number, expect="已有异议正在处理")  # a second one waits for the first
    user.say("/cancel", expect="已取消")

    api_step(process, fgw, number, "decide_objection", upheld=False, reason="处分仍然有效")
    send_job(process.container)
    user.expect(f"关于政务失信记录 {number}：异议不成立。理由：处分仍然有效")


def test_repair_before_rectification_is_refused_and_after_it_is_filed_in_english(
    cluster: Cluster, fake_telegram: FakeTelegram
) -> None:
    process = cluster.start()
    _, czj = staff_member(process.container, "clerk", "czj", "财政局 李")
    _, fgw = staff_member(process.container, "clerk", "fgw", "发改委 王")
    number = process.api("POST", "/records", czj, json=RECORD).json()["number"]
    api_step(process, fgw, number, "publish")  # why not now is said of a published record

    user = TelegramUser(fake_telegram, APPLICANT, language_code="en")
    user.say("/repair", expect="number of the dishonesty record to repair")
    user.say(number, expect="once the lead office has accepted the rectification")

    api_step(process, fgw, number, "order_rectification")
    api_step(process, czj, number, "submit_rectification", explanation="说明", report="报告")
    api_step(process, fgw, number, "accept_rectification")

    user.say(number, expect=("Record " + number, "Who are you?"))
    user.tap("The unit named", expect="Please give the name")
    user.say("Finance Bureau", expect="how the matter was rectified")
    user.say("Subsidies paid in full; the lead office accepted the report", expect="Any")
    user.tap("Skip ➡️", expect="Please check the credit repair application")
    user.tap("✅ Submit", expect=f"application for record {number} was filed")
    record = process.api("GET", f"/records/{number}", fgw).json()
    assert record["repair_state"] == "applied"
    assert [(r["applicant_kind"], r["applicant_name"]) for r in record["repairs"]] == [
        ("unit", "Finance Bureau")
    ]
