"""The objection dialog (异议) through the web chat, with a file kept on the record."""

from __future__ import annotations

from urllib.parse import quote

from fastapi.testclient import TestClient

from tests.conftest import Staff
from tests.records.helpers import filed
from tests.webchat.helpers import WebChat

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 40
REASONS = "处分决定已被上级机关撤销，记录所依据的文书不再有效"


def test_the_unit_named_objects_in_the_web_chat_with_a_file_that_stays_off_the_public_page(
    chat: WebChat, web: TestClient, staff: Staff
) -> None:
    record = filed(web, staff.czj_clerk)
    number = record["number"]
    web.post(
        f"/api/v1/records/{number}/actions",
        json={"action": "publish", "version": record["version"]},
        headers=staff.fgw_clerk,
    )
    assert number in web.get("/public/records").text
    chat.tap("⚖️ 对失信记录提出异议")
    chat.say("HQ-000000-0001")
    assert "没有找到这个记录编号" in chat.text
    chat.say(number)
    chat.tap("被记录的单位")
    chat.say("区财政局")
    chat.say(REASONS)
    assert chat.upload(JPEG, quote("撤销决定.jpg"), "image/jpeg").status_code == 200
    chat.tap("完成（1 个）")
    chat.tap("✅ 确认提交")
    assert f"异议已提交（记录 {number}）" in chat.text

    shown = web.get(f"/api/v1/records/{number}", headers=staff.fgw_clerk).json()
    assert shown["objection_state"] == "pending"
    assert [(o["objector_kind"], o["objector_name"]) for o in shown["objections"]] == [
        ("unit", "区财政局")
    ]
    case = web.get(f"/api/v1/cases/{number}", headers=staff.czj_clerk).json()
    assert [a["filename"] for a in case["attachments"]] == ["撤销决定.jpg"]
    page = web.get("/public/records").text
    assert number not in page and "撤销决定" not in page  # under objection: not published
