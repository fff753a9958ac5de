"""Issue 11's "Done when", end to end: a record from the chat to repair, on every screen.

A finance bureau (czj) clerk files a record in the chat about a commerce bureau (swj) deputy
director; the lead office (fgw) orders rectification, the commerce bureau reports it and the
lead office accepts it and publishes the record; the person named objects in the chat and
loses, then applies for repair in the chat and wins. The public page, the records ledger and
the assessment are read after every step that changes them. The fake clock moves over real
working days of November and December 2026 (Tianjin time; no holidays in between).
"""

from __future__ import annotations

from datetime import UTC, datetime
from io import BytesIO
from typing import Any

import httpx
from openpyxl import load_workbook

from backend.db import session_scope
from backend.people.invites import issue_invite
from backend.scheduler.jobs import send_job
from tests.e2e.fake_telegram import PATIENCE, FakeTelegram
from tests.e2e.telegram_app import AppProcess, Cluster, staff_member
from tests.e2e.telegram_user import TelegramUser, text_of
from tests.fakes import FakeClock

CLERK, PERSON = 7001, 7002
DOCUMENT = "津商纪〔2026〕7号"
AUTHORITY = "区纪委监委"  # the deciding authority (认定机关) the clerk types
SUMMARY = "招商协议约定的企业补贴长期未兑现，受到党内警告处分"
OBJECTION = "处分决定已被上级机关撤销，记录所依据的文书不再有效"
EVIDENCE = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8  # a photo's first bytes
REPAIR = "补贴已全额兑付，整改报告已经区发展改革委验收通过"


def tianjin_ten(day: int, month: int = 12) -> datetime:
    """10:00 in Tianjin on a day of late 2026."""
    return datetime(2026, month, day, 2, 0, tzinfo=UTC)


def act(
    process: AppProcess, headers: dict[str, str], number: str, action: str, **body: Any
) -> dict[str, Any]:
    """Take an action through the API at the record's current version; return the record."""
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


def on_public_page(process: AppProcess, number: str) -> bool:
    """Whether the public page (no sign-in) lists the record."""
    return number in public_page(process)


def public_page(process: AppProcess) -> str:
    """The public page as anyone reads it."""
    with httpx.Client(base_url=process.url, timeout=PATIENCE, trust_env=False) as client:
        page = client.get("/public/records")
    assert page.status_code == 200, page.text
    return page.text


def ledger_row(process: AppProcess, headers: dict[str, str], number: str) -> dict[str, Any]:
    """The record's row of the records ledger, by Chinese heading, from its unit's sheet."""
    with httpx.Client(base_url=process.url, timeout=PATIENCE, trust_env=False) as client:
        got = client.get(
            "/api/v1/exports/records.xlsx",
            params={"from": "2026-11-01", "to": "2026-12-31"},
            headers=headers,
        )
    assert got.status_code == 200, got.text
    book = load_workbook(BytesIO(got.content))
    rows: list[dict[str, Any]] = []
    for sheet in book.worksheets[1:]:  # the summary sheet comes first
        values = list(sheet.iter_rows(values_only=True))
        heading = [str(cell) for cell in values[0]]
        rows += [dict(zip(heading, row, strict=False)) for row in values[1:] if number in row]
    [row] = rows
    return row


def measures(process: AppProcess, headers: dict[str, str]) -> dict[str, dict[str, Any]]:
    """The record measures of the assessment of Nov-Dec 2026, by unit."""
    got = process.api("GET", "/assessment?from=2026-11-01&to=2026-12-31", headers)
    assert got.status_code == 200, got.text
    names = ("report_on_time", "rectify_on_time", "objections_upheld")
    return {
        unit["department"]: {
            name: (unit["measures"][name]["numerator"], unit["measures"][name]["denominator"])
            for name in names
        }
        for unit in got.json()["data"]
        if unit["department"] in ("czj", "swj")
    }


def file_in_chat(clerk: TelegramUser) -> str:
    """The czj clerk's /record about a swj deputy director; return the record's number."""
    clerk.say("/record", expect="失信当事人是谁")
    clerk.say("王某", expect="当事人的职务")
    clerk.say("副局长", expect="当事人所在单位")
    clerk.say("区商务局", expect="失信行为由哪种方式认定")
    clerk.tap("纪律处分", expect="哪个机关作出的认定")
    clerk.say(AUTHORITY, expect="严重程度")
    clerk.tap("一般", expect="认定文书的编号")
    clerk.say(DOCUMENT, expect="哪天产生")
    clerk.say("2026年11月17日", expect="简要说明失信事实")
    clerk.say(SUMMARY, expect="来自哪件投诉")
    clerk.tap("跳过 ➡️", expect="请发送认定文书等材料")
    clerk.tap("跳过 ➡️", expect="请核对失信记录")
    filed = text_of(clerk.tap("✅ 确认提交", expect="失信记录已报送区发展改革委"))
    return filed.split("编号：")[1].rstrip("。")


def test_a_record_filed_in_the_chat_is_rectified_objected_to_repaired_and_ledgered(
    cluster: Cluster, fake_telegram: FakeTelegram, clock: FakeClock
) -> None:
    clock.current = tianjin_ten(27, month=11)  # Friday: 8th working day after Tue 17th
    process = cluster.start()
    container = process.container
    account, czj = staff_member(container, "clerk", "czj", "财政局 李")
    _, swj = staff_member(container, "clerk", "swj", "商务局 赵")
    _, fgw = staff_member(container, "coordinator", "fgw", "发改委 王")
    _, fgw_clerk = staff_member(container, "clerk", "fgw", "发改委 孙")
    with session_scope(container.engine) as session:
        code = issue_invite(session=session, staff=account, clock=clock)
    clerk, person = TelegramUser(fake_telegram, CLERK), TelegramUser(fake_telegram, PERSON)
    clerk.say(f"/bind {code}", expect="绑定成功：财政局 李")

    # 1. Filed in the chat on day 8: one working day late, the duty the filing unit's.
    number = file_in_chat(clerk)
    record = process.api("GET", f"/records/{number}", fgw).json()
    assert (record["department"], record["filed_by_department"]) == ("swj", "czj")
    [report] = [d for d in record["deadlines"] if d["kind"] == "report"]
    assert (report["due_date"], report["state"], report["days_late"]) == (
        "2026-11-26",
        "met_late",
        1,
    )
    assert process.api("GET", f"/records/{number}", swj).status_code == 200
    assert not on_public_page(process, number)

    # 2. Monday: the lead office orders rectification; the clock is the named unit's.
    clock.current = tianjin_ten(30, month=11)
    record = act(process, fgw, number, "order_rectification", days=10)
    [rectify] = [d for d in record["deadlines"] if d["kind"] == "rectify"]
    assert (rectify["department"], rectify["due_date"]) == ("swj", "2026-12-14")

    # 3. Wednesday the unit reports; Thursday the lead office accepts and publishes.
    clock.current = tianjin_ten(2)
    act(process, swj, number, "submit_rectification", explanation="补贴审批积压", report="已兑付")
    clock.current = tianjin_ten(3)
    act(process, fgw, number, "accept_rectification")
    record = act(process, fgw, number, "publish")
    assert (record["publicity_from"], record["publicity_until"]) == ("2026-12-03", "2027-06-03")
    assert on_public_page(process, number)

    # 4. Friday the person objects in the chat: the record stays on the page, marked.
    clock.current = tianjin_ten(4)
    person.say("/objection", expect="要提出异议的政务失信记录编号")
    person.say(number, expect=("王某（区商务局）", "请问您是"))
    person.tap("被记录的本人", expect="请写出提出人的姓名")
    person.say("王某", expect="异议的事实和理由")
    person.say(OBJECTION, expect="有证明材料吗")
    person.photo(EVIDENCE, expect="已收到 1 个")
    person.tap("完成（1 个）", expect="请核对异议申请")
    person.tap("✅ 确认提交", expect=f"异议已提交（记录 {number}）")
    assert on_public_page(process, number)
    assert "data-under-objection" in public_page(process)
    for unit in (fgw_clerk, swj):  # the lead office and the unit named read the evidence
        [photo] = process.api("GET", f"/cases/{number}", unit).json()["attachments"]
        served = process.api("GET", f"/cases/{number}/attachments/{photo['id']}", unit)
        assert (served.status_code, served.content) == (200, EVIDENCE)

    # 5. Monday the lead office dismisses it: the decision reaches the chat, the mark leaves.
    clock.current = tianjin_ten(7)
    act(process, fgw, number, "decide_objection", upheld=False, reason="处分仍然有效")
    send_job(container)
    person.expect(f"关于政务失信记录 {number}：异议不成立。理由：处分仍然有效")
    assert on_public_page(process, number)
    assert "data-under-objection" not in public_page(process)

    # 6. Tuesday the person applies for repair; Wednesday accepted, Thursday granted.
    clock.current = tianjin_ten(8)
    person.say("/repair", expect="要申请信用修复的政务失信记录编号")
    person.say(number, expect=("王某（区商务局）", "请问您是"))
    person.tap("被记录的本人", expect="请写出提出人的姓名")
    person.say("王某", expect="整改情况")
    person.say(REPAIR, expect="有证明材料吗")
    person.tap("跳过 ➡️", expect="请核对信用修复申请")
    person.tap("✅ 确认提交", expect=f"信用修复申请已提交（记录 {number}）")
    clock.current = tianjin_ten(9)
    act(process, fgw, number, "accept_repair")
    clock.current = tianjin_ten(10)
    record = act(process, fgw, number, "decide_repair", upheld=True)
    assert record["repair_state"] == "repaired"
    send_job(container)
    person.expect("信用修复申请已通过")
    assert not on_public_page(process, number)

    # 7. The ledger shows every step; the assessment counts each unit for its own duty.
    row = ledger_row(process, fgw, number)
    assert row["失信主体所在单位"] == "区商务局"
    assert row["报送单位"] == "区财政局"
    assert (row["姓名"], row["职务"], row["文书编号"]) == ("王某", "副局长", DOCUMENT)
    assert row["认定机关"] == AUTHORITY
    assert str(row["信息产生日期"])[:10] == "2026-11-17"
    assert str(row["报送日期"])[:10] == "2026-11-27"
    assert str(row["报送期限"])[:10] == "2026-11-26"
    assert row["是否按时报送"] == "逾期 1 个工作日"
    assert row["逾期（工作日）"] == 1
    assert str(row["整改期限"])[:10] == "2026-12-14"
    assert row["整改情况"] == "整改完成"
    assert row["异议情况"] == "异议不成立"
    assert row["信用修复情况"] == "已修复"
    assert str(row["公示起始日"])[:10] == "2026-12-03"
    assert str(row["公示截止日"])[:10] == "2027-06-03"
    assert (row["严重程度"], row["认定类型"], row["公示状态"]) == ("一般", "纪律处分", "已撤下")
    assert row["备注"] == "2026-12-10 信用修复"
    assert ledger_row(process, swj, number)["记录编号"] == number

    assessed = measures(process, fgw)
    assert assessed["czj"]["report_on_time"] == (0, 1)  # filed late: due, not on time
    assert assessed["swj"]["rectify_on_time"] == (1, 1)
    assert assessed["swj"]["objections_upheld"] == (0, 1)  # dismissed: decided, not upheld
    assert assessed["czj"]["rectify_on_time"][1] == 0
    assert assessed["swj"]["report_on_time"][1] == 0
