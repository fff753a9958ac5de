"""The clerk's /record on the real database: the unit typed, a draft, the record's own row."""

from __future__ import annotations

from sqlmodel import select

from backend.bootstrap import Container
from backend.conversations.service import ConversationService
from backend.db import session_scope
from backend.deadlines.models import Deadline
from backend.records.models import DishonestyRecord
from dialogs.model import ChatRef
from dialogs.texts import render
from tests.conversations.driver import Chat
from tests.conversations.test_service import bind_code_for_a_czj_clerk


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
