"""The clerk's /record on the real database: the unit typed, a draft, the record's own row."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlmodel import select

from backend.bootstrap import Container
from backend.conversations.service import ConversationService
from backend.db import session_scope
from backend.deadlines.models import Deadline
from backend.records.models import DishonestyRecord
from dialogs.model import ChatRef
from dialogs.texts import render
from tests.conftest import Staff
from tests.conversations.driver import Chat
from tests.conversations.test_service import bind_code_for_a_czj_clerk, cases


def test_a_unit_typed_by_name_is_found_and_a_record_without_its_document_is_a_draft(
    service: ConversationService, container: Container
) -> None:
    clerk = Chat(service, chat=ChatRef("console", "clerk"))
    clerk.command("bind", bind_code_for_a_czj_clerk(container))
    clerk.command("record")
    clerk.say("王某")
    clerk.say("副局长")
    clerk.say("火星局")
    assert clerk.text.startswith(render("zh", "record.unit_unknown"))
    clerk.say("商务局")  # 区商务局, the 区 left out
    clerk.tap("行政处罚")
    clerk.say("区市场监管局")  # the deciding authority
    clerk.tap("严重")
    clerk.tap("跳过")  # the document has not come yet
    clerk.tap("昨天")
    clerk.say("招商协议约定的补贴长期未兑现，予以处罚")
    clerk.tap("跳过")  # not from a complaint
    clerk.tap("跳过")  # no files
    assert "区商务局" in clerk.text
    clerk.tap("✅ 确认提交")
    with session_scope(container.engine) as session:
        record = session.exec(select(DishonestyRecord)).one()
        report = session.exec(select(Deadline).where(Deadline.kind == "report")).one()
    assert (record.department_code, record.filed_by_department, record.person_post) == (
        "swj",
        "czj",
        "副局长",
    )
    assert (record.state, record.document_number, record.severity) == ("draft", None, "serious")
    assert (report.state, report.department_code) == ("open", "czj")
    assert clerk.text.startswith("📝")


def test_the_deciding_authority_typed_in_the_chat_reaches_the_record(
    service: ConversationService, container: Container, client: TestClient, staff: Staff
) -> None:
    clerk = Chat(service, chat=ChatRef("console", "clerk"))
    clerk.command("bind", bind_code_for_a_czj_clerk(container))
    clerk.command("record")
    clerk.say("王某")
    clerk.say("副局长")
    clerk.tap("本单位：区财政局")
    clerk.tap("法院判决")
    assert clerk.text == render("zh", "record.authority")
    clerk.say("  天津市红桥区人民法院 ")
    clerk.tap("一般")
    clerk.say("（2026）津0106民初123号")
    clerk.tap("昨天")
    clerk.say("拒不履行生效判决确定的付款义务，被判决承担责任")
    clerk.tap("跳过")  # not from a complaint
    clerk.tap("跳过")  # no files
    assert "认定机关：天津市红桥区人民法院" in clerk.text
    clerk.tap("✅ 确认提交")
    [record] = cases(container)
    assert record.number in clerk.text
    got = client.get(f"/api/v1/records/{record.number}", headers=staff.coordinator)
    assert got.status_code == 200, got.text
    assert got.json()["authority"] == "天津市红桥区人民法院"


def test_a_record_filed_again_in_the_chat_is_refused_naming_the_first(
    service: ConversationService, container: Container
) -> None:
    clerk = Chat(service, chat=ChatRef("console", "clerk"))
    clerk.command("bind", bind_code_for_a_czj_clerk(container))
    numbers = []
    for _ in range(2):
        clerk.command("record")
        clerk.say("王某")
        clerk.say("副局长")
        clerk.tap("本单位：区财政局")
        clerk.tap("法院判决")
        clerk.say("天津市红桥区人民法院")
        clerk.tap("一般")
        clerk.say("（2026）津0106民初123号")
        clerk.tap("昨天")
        clerk.say("拒不履行生效判决确定的付款义务，被判决承担责任")
        clerk.tap("跳过")
        clerk.tap("跳过")
        clerk.tap("✅ 确认提交")
        numbers.append(clerk.text)
    [record] = cases(container)
    assert record.number in numbers[0]
    assert "已经登记" in numbers[1] and record.number in numbers[1]
