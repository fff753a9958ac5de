"""A whole complaint through the web chat's HTTP endpoints, as the page sends it."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from urllib.parse import quote

from fastapi.testclient import TestClient
from sqlmodel import func, select

from backend.attachments.store import ContentStore
from backend.bootstrap import Container
from backend.cases.models import Attachment, Case
from backend.db import session_scope
from tests.conftest import Staff
from tests.webchat.helpers import (
    ARREARS,
    ENFORCEMENT,
    PARKING,
    XIYUZHUANG,
    WebChat,
    file_complaint,
    receipt,
)

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 40


def case_count(container: Container) -> int:
    with session_scope(container.engine) as session:
        return int(session.exec(select(func.count()).select_from(Case)).one())


def test_a_new_session_is_greeted_in_chinese_with_the_menu(chat: WebChat) -> None:
    assert chat.language == "zh"
    assert "政务诚信投诉举报" in chat.text
    assert [b["label"] for b in chat.shown][:2] == ["📝 我要投诉", "🔎 我的案件"]


def test_anonymous_complaint_gets_a_number_and_pin_and_reaches_its_department(
    chat: WebChat, web: TestClient, staff: Staff
) -> None:
    number, pin = file_complaint(chat, ARREARS)

    assert pin is not None
    case = web.get(f"/api/v1/cases/{number}", headers=staff.coordinator).json()
    assert (case["department"], case["category"], case["anonymous"]) == ("czj", "arrears", True)
    assert case["channel"] == "web"
    chat.command("status", number, pin)
    assert number in chat.text and "已派单" in chat.text


def test_named_complaint_takes_a_typed_phone(chat: WebChat, web: TestClient, staff: Staff) -> None:
    chat.tap("📝 我要投诉")
    chat.say(ENFORCEMENT)
    chat.tap("✅ 对")
    chat.tap("昨天")
    chat.tap("跳过")
    chat.tap("👤 实名")
    assert chat.replies[0]["request"] == {"kind": "contact", "label": "📱 分享我的手机号"}
    chat.say("138 1234 5678")
    assert chat.replies[0]["remove_keyboard"] is True
    chat.say("张先生")
    chat.tap("✅ 确认提交")

    number, pin = receipt(chat.text)
    assert pin is None
    case = web.get(f"/api/v1/cases/{number}", headers=staff.coordinator).json()
    assert case["department"] == "sfj"
    assert case["reporter"] == {
        "name": "张先生",
        "phone": "13812345678",
        "channel": "web",
        "email": None,
    }


def test_an_uploaded_photo_is_stored_with_the_case(
    chat: WebChat, web: TestClient, staff: Staff, container: Container
) -> None:
    chat.command("report")
    chat.say(ARREARS)
    chat.tap("✅ 对")
    chat.tap("今天")
    response = chat.upload(JPEG, quote("现场 照片.jpg"), "image/jpeg")

    assert response.status_code == 200, response.text
    digest = hashlib.sha256(JPEG).hexdigest()
    assert response.json()["file"] == {
        "id": digest,
        "kind": "photo",
        "size": len(JPEG),
        "name": "现场 照片.jpg",
    }
    assert "已收到附件（1/5）" in chat.text
    chat.tap("完成")
    chat.tap("🕶 匿名")
    assert "附件：1 个" in chat.text
    chat.tap("✅ 确认提交")
    number, _ = receipt(chat.text)

    with session_scope(container.engine) as session:
        case = session.exec(select(Case).where(Case.number == number)).one()
        files = session.exec(select(Attachment).where(Attachment.case_id == case.id)).all()
    assert [(f.filename, f.content_type, f.size, f.sha256) for f in files] == [
        ("现场 照片.jpg", "image/jpeg", len(JPEG), digest)
    ]
    assert ContentStore(container.settings.data_dir / "attachments").get(digest) == JPEG
    assert (
        web.get(f"/api/v1/cases/{number}", headers=staff.coordinator).json()["department"] == "czj"
    )


def test_a_document_upload_is_kept_as_a_document(chat: WebChat) -> None:
    chat.command("report")
    response = chat.upload(b"%PDF-1.7 decision", "decision.pdf", "application/pdf")

    assert response.status_code == 200, response.text
    assert response.json()["file"]["kind"] == "document"


def test_an_image_that_is_not_one_is_kept_as_a_document(chat: WebChat) -> None:
    chat.command("report")
    response = chat.upload(b"<html>not a picture</html>", "x.jpg", "image/jpeg")

    assert response.json()["file"]["kind"] == "document"


def test_a_shared_location_picks_the_street_office(
    chat: WebChat, web: TestClient, staff: Staff
) -> None:
    chat.command("report")
    chat.say(PARKING)
    chat.tap("停车")
    requests = [reply["request"] for reply in chat.replies if reply["request"]]
    assert requests == [{"kind": "location", "label": "📍 分享位置"}]
    chat.location(*XIYUZHUANG)
    assert "地点：西于庄街道" in chat.text
    chat.tap("今天")
    chat.tap("跳过")
    chat.tap("🕶 匿名")
    chat.tap("✅ 确认提交")

    number, _ = receipt(chat.text)
    case = web.get(f"/api/v1/cases/{number}", headers=staff.coordinator).json()
    assert (case["department"], case["street"]) == ("xyz", "xyz")


def test_a_reload_served_by_another_instance_continues_the_dialog(
    chat: WebChat, second_process: Callable[[], TestClient], container: Container
) -> None:
    chat.command("report")
    chat.say(ARREARS)
    confirm = chat.button("✅ 对")
    assert chat.token is not None

    reloaded = WebChat(second_process(), token=chat.token)
    session = reloaded.client.get("/chat/api/session", headers=reloaded.headers)
    assert session.json() == {"chat_id": chat.token.split(".")[1], "language": "zh"}
    reloaded.shown.append(confirm)  # the page shows the transcript it kept
    reloaded.tap("✅ 对")
    assert "哪天发生" in reloaded.text
    reloaded.tap("今天")
    reloaded.tap("跳过")
    reloaded.tap("🕶 匿名")
    reloaded.tap("✅ 确认提交")

    assert receipt(reloaded.text)[1] is not None
    assert case_count(container) == 1


def test_a_resent_message_is_answered_with_the_question_it_led_to_and_changes_nothing(
    chat: WebChat, container: Container
) -> None:
    chat.command("report")
    chat.say(ARREARS)
    first = chat.tap("✅ 对", client_id="confirm-category")
    # The page sends again only when the answer did not reach it: without the question the
    # tap led to, it would show "sent" and wait for nothing (a reviewer's finding).
    again = chat.tap("✅ 对", client_id="confirm-category")

    assert again[0]["text"].startswith("这条消息已经收到")
    assert again[-1]["text"].endswith(first[-1]["text"])
    assert again[-1]["buttons"] == first[-1]["buttons"]
    assert chat.tap("今天") != []  # the dialog went on from where the first tap left it


def test_a_resent_message_id_files_one_case_and_gives_only_the_receipt_again(
    chat: WebChat, container: Container
) -> None:
    chat.command("report")
    chat.say(ARREARS)
    chat.tap("✅ 对", client_id="confirm-category")
    chat.tap("✅ 对", client_id="confirm-category")
    chat.tap("今天")
    chat.tap("跳过")
    chat.tap("🕶 匿名")
    filed = chat.tap("✅ 确认提交", client_id="confirm-1")
    again = chat.post(
        {"kind": "button", "payload": chat.button("✅ 确认提交")["payload"]}, client_id="confirm-1"
    )

    # The page sends again only when it did not get the answer: the receipt, with the PIN
    # shown this once, must reach it; the other answers are not given twice.
    assert "案件编号" in filed[0]["text"]
    assert again.status_code == 200 and again.json()["replies"] == filed
    assert case_count(container) == 1


def test_the_same_client_id_in_two_chats_is_two_messages(web: TestClient) -> None:
    first, second = WebChat(web), WebChat(web)
    first.start()
    second.start()

    assert first.send({"kind": "command", "command": "report"}, client_id="m1") != []
    assert second.send({"kind": "command", "command": "report"}, client_id="m1") != []
    assert "请描述发生了什么" in second.text


def test_lang_switches_the_dialog_and_the_page_to_english(chat: WebChat) -> None:
    chat.command("lang", "en")

    assert chat.language == "en"
    assert chat.replies[0]["text"] == "Switched to English."
    chat.command("report")
    assert chat.text.startswith("Please describe what happened")


def test_a_session_may_start_in_english(web: TestClient) -> None:
    chat = WebChat(web)
    chat.start(language="en")

    assert chat.language == "en"
    assert chat.shown[0]["label"] == "📝 Report"
