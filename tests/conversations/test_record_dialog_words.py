"""What a clerk types into /record, and a named side into /objection, is checked at its
question by the records service's own rules, so the confirmation never meets a refusal worded
"please try later" that no later try could pass (reviewer, 2026-12-03: a summary "！！！…",
a person "。。。", a document number carrying control characters)."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlmodel import select

from backend.bootstrap import Container
from backend.cases.workflow import Action
from backend.conversations.service import ConversationService
from backend.db import session_scope
from backend.messages import render as message
from backend.records.models import DishonestyRecord
from dialogs.model import ChatRef
from dialogs.texts import render
from tests.conftest import Staff
from tests.conversations.case_helpers import ARREARS, COORDINATOR, act
from tests.conversations.driver import Chat, bound_clerk, file_complaint
from tests.conversations.test_service import cases
from tests.records.helpers import filed

FACTS = "拒不履行生效判决确定的付款义务，被判决承担责任"


def records(container: Container) -> list[DishonestyRecord]:
    with session_scope(container.engine) as session:
        return list(session.exec(select(DishonestyRecord)).all())


def up_to_the_facts(
    clerk: Chat, *, person: str = "王某", document: str = "津红纪〔2026〕12号"
) -> None:
    clerk.command("record")
    clerk.say(person)
    clerk.tap("跳过")  # no post
    clerk.tap("本单位：区财政局")
    clerk.tap("纪律处分")
    clerk.say("区纪委监委")
    clerk.tap("一般")
    clerk.say(document)
    clerk.tap("昨天")


def file_it(clerk: Chat) -> None:
    clerk.tap("跳过")  # not from a complaint
    clerk.tap("跳过")  # no files
    clerk.tap("✅ 确认提交")


def test_a_record_summary_of_punctuation_only_is_asked_again_at_its_question(
    service: ConversationService, container: Container
) -> None:
    clerk, _ = bound_clerk(service, container)
    up_to_the_facts(clerk)

    clerk.say("！！！！！！！！！！！！！！")

    assert clerk.text.startswith(render("zh", "record.no_words"))
    assert clerk.text.endswith(render("zh", "record.facts"))
    clerk.say(FACTS)
    file_it(clerk)
    assert [r.person_name for r in records(container)] == ["王某"]


def test_a_person_or_authority_without_a_letter_is_asked_again(
    service: ConversationService, container: Container
) -> None:
    clerk, _ = bound_clerk(service, container)
    clerk.command("record")
    clerk.say("。。。！！")
    assert clerk.text == "\n\n".join(
        [render("zh", "step.no_words"), render("zh", "record.person")]
    )
    clerk.say("王某")
    clerk.say("。")  # the post, which may be skipped, is no answer either
    assert clerk.text.startswith(render("zh", "step.no_words"))
    clerk.tap("跳过")
    clerk.tap("本单位：区财政局")
    clerk.tap("纪律处分")
    clerk.say("？？")
    assert clerk.text.startswith(render("zh", "step.no_words"))
    assert clerk.text.endswith(render("zh", "record.authority"))


def test_a_document_number_keeps_no_control_or_invisible_character(
    service: ConversationService, container: Container
) -> None:
    clerk, _ = bound_clerk(service, container)
    up_to_the_facts(clerk, document="\u202e津红纪\x07〔2026〕\x1b[31m12号\u200f")
    clerk.say(FACTS)
    clerk.tap("跳过")
    clerk.tap("跳过")

    assert "文书编号：津红纪〔2026〕[31m12号\n" in clerk.text  # the summary shows it as kept
    clerk.tap("✅ 确认提交")
    assert [r.document_number for r in records(container)] == ["津红纪〔2026〕[31m12号"]


def test_invisible_marks_do_not_let_one_document_be_filed_twice_for_one_person(
    service: ConversationService, container: Container
) -> None:
    clerk, _ = bound_clerk(service, container)
    for document in ("津红纪〔2026〕12号", "津红纪〔2026〕12号\u200f"):
        up_to_the_facts(clerk, person="王某\u200b", document=document)
        clerk.say(FACTS)
        file_it(clerk)

    [record] = records(container)
    assert "已经登记" in clerk.text
    assert (record.person_name, record.document_number) == ("王某", "津红纪〔2026〕12号")


def test_an_objection_whose_reasons_have_no_words_is_asked_again_at_its_question(
    service: ConversationService, client: TestClient, staff: Staff
) -> None:
    record = filed(client, staff.czj_clerk)
    chat = Chat(service, chat=ChatRef("web", "named"))
    chat.command("objection")
    chat.say(record["number"])
    chat.tap("被记录的单位")
    chat.say("区财政局")

    chat.say("！！！！！！！！！！！！！！！！！！！！")

    assert chat.text.startswith(render("zh", "requests.no_words"))
    assert render("zh", "refused.other") not in chat.text


def test_a_source_complaint_passed_to_another_unit_before_confirming_is_refused_in_words(
    service: ConversationService, container: Container
) -> None:
    file_complaint(Chat(service, chat=ChatRef("console", "citizen")), ARREARS)
    [number] = [case.number for case in cases(container)]
    clerk, _ = bound_clerk(service, container)
    up_to_the_facts(clerk)
    clerk.say(FACTS)
    clerk.say(number)  # the unit's own complaint, taken
    clerk.tap("跳过")  # no files
    act(container, number, Action.reassign, COORDINATOR, department="sfj", reason="司法局职责")

    clerk.tap("✅ 确认提交")

    assert clerk.text.startswith(message("source_case_unknown", "zh"))
    assert render("zh", "refused.other") not in clerk.text
    assert records(container) == []
