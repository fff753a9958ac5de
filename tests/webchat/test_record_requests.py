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
    assert "没有找到可以办理这项申请的记录" in chat.text
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
    assert (
        number in page and "data-under-objection" in page
    )  # under objection: marked, still shown
    assert "撤销决定" not in page


def test_a_record_not_on_the_public_page_is_not_described_to_a_chat(
    chat: WebChat, web: TestClient, staff: Staff
) -> None:
    # Anyone can type a number: the chat tells no more than the public page does.
    record = filed(web, staff.czj_clerk, person_name="王某 13912345678")  # reported only
    chat.tap("⚖️ 对失信记录提出异议")
    chat.say(record["number"])
    assert f"记录 {record['number']}" in chat.text
    for never in ("王某", "139", "区财政局"):
        assert never not in chat.text
    assert "请问您是" in chat.text  # the named side may still object before publication


def test_a_published_record_is_described_as_the_public_page_shows_it(
    chat: WebChat, web: TestClient, staff: Staff
) -> None:
    record = filed(web, staff.czj_clerk, person_name="王某 13912345678")
    web.post(
        f"/api/v1/records/{record['number']}/actions",
        json={"action": "publish", "version": record["version"]},
        headers=staff.fgw_clerk,
    )
    chat.command("objection")
    chat.say(record["number"])
    assert "王某" in chat.text and "区财政局" in chat.text
    assert "13912345678" not in chat.text  # masked as on the page


def test_records_not_on_the_public_page_that_take_no_request_are_answered_like_unknown_ones(
    web: TestClient, staff: Staff
) -> None:
    draft = filed(web, staff.czj_clerk, draft=True, document_number=None)
    answers = []
    for number in (draft["number"], "HQ-000000-0009"):
        chat = WebChat(web)
        chat.start()
        chat.command("objection")
        chat.say(number)
        answers.append(chat.text)
    assert answers[0] == answers[1]
    assert "尚未报送" not in answers[0]
