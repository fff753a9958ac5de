"""Clerks: bind with a one-time code, sign for waiting cases, file a dishonesty record."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs import texts
from dialogs.model import ChatRef
from dialogs.ports import QueueItem
from tests.dialogs.driver import ChatDriver
from tests.dialogs.fakes import FGW_CLERK, FakeServices

WAITING = QueueItem(
    "HQ-261126-0003", "政府采购", "Government procurement", "采购项目指定品牌", date(2026, 11, 27)
)


def _clerk(services: FakeServices) -> ChatDriver:
    driver = ChatDriver(services, ChatRef("telegram", "clerk-7"))
    driver.command("bind", "INVITE42")
    return driver


def test_bind_links_the_chat_and_shows_the_clerk_menu(services: FakeServices) -> None:
    clerk = _clerk(services)
    assert "绑定成功：王芳，区发展改革委" in clerk.text
    assert {"📋 待签收案件", "📄 登记失信记录"} <= set(clerk.labels)
    assert clerk.saved()["clerk"] == FGW_CLERK.to_dict()


def test_a_code_works_once(services: FakeServices) -> None:
    _clerk(services)
    other = ChatDriver(services, ChatRef("telegram", "intruder"))
    other.command("bind", "INVITE42")
    assert other.text == texts.render("zh", "clerk.bind_failed")
    assert other.saved()["clerk"] is None


def test_bind_without_a_code_explains_it(zh: ChatDriver) -> None:
    zh.command("bind")
    assert zh.text == texts.render("zh", "clerk.bind_usage")


def test_citizens_cannot_open_the_queue_or_file_records(zh: ChatDriver) -> None:
    zh.command("record")
    assert zh.text == texts.render("zh", "clerk.not_bound")
    zh.command("queue")
    assert zh.text == texts.render("zh", "clerk.not_bound")
    assert zh.step == (None, None)


def test_clerk_signs_for_a_waiting_case_with_a_button(services: FakeServices) -> None:
    services.queue.append(WAITING)
    clerk = _clerk(services)
    clerk.tap("📋 待签收案件")
    assert "HQ-261126-0003 · 政府采购 · 签收期限 2026-11-27" in clerk.text
    clerk.tap("签收 HQ-261126-0003")
    assert services.signed == [(7, "HQ-261126-0003")]
    assert "已签收 HQ-261126-0003" in clerk.text
    assert texts.render("zh", "clerk.queue_empty") in clerk.text


def test_signing_twice_is_refused_politely(services: FakeServices) -> None:
    services.queue.append(WAITING)
    clerk = _clerk(services)
    clerk.command("queue")
    clerk.tap("签收 HQ-261126-0003")
    before = clerk.saved()
    clerk.command("sign", "HQ-261126-0003")
    assert clerk.saved() == before
    assert clerk.text == texts.render("zh", "refused.already_signed")


def test_clerk_files_a_dishonesty_record(services: FakeServices) -> None:
    clerk = _clerk(services)
    clerk.tap("📄 登记失信记录")
    clerk.say("李某")
    clerk.say("科长")
    clerk.tap("本单位：区发展改革委")
    assert clerk.labels[:4] == ["法院判决", "行政处罚", "纪律处分", "问责决定"]
    clerk.tap("纪律处分")
    assert clerk.text == texts.render("zh", "record.authority")
    clerk.say("区纪委监委")
    assert clerk.labels[:3] == ["轻微", "一般", "严重"]
    clerk.tap("一般")
    clerk.say("红纪发〔2026〕12号")
    clerk.tap("昨天")
    clerk.say("违规承诺招商优惠政策且未兑现，给予警告处分")
    clerk.tap("跳过 ➡️")  # not from a complaint
    clerk.document(name="处分决定.pdf")
    clerk.tap("完成（1 个）")
    assert clerk.step == ("record", "confirm")
    assert "认定方式：纪律处分" in clerk.text and "文书编号：红纪发〔2026〕12号" in clerk.text
    assert "职务：科长" in clerk.text and "严重程度：一般" in clerk.text
    assert "认定机关：区纪委监委" in clerk.text
    clerk.tap("✅ 确认提交")

    [record] = services.records
    assert (record.person, record.unit, record.finding) == (
        "李某",
        "区发展改革委",
        "disciplinary_sanction",
    )
    assert (record.document_number, record.arose_on) == ("红纪发〔2026〕12号", date(2026, 11, 26))
    assert record.summary == "违规承诺招商优惠政策且未兑现，给予警告处分"
    assert [a.name for a in record.attachments] == ["处分决定.pdf"]
    assert record.clerk == FGW_CLERK and record.source_case is None
    assert (record.post, record.severity, record.authority) == ("科长", "general", "区纪委监委")
    assert "HQ-261127-0001" in clerk.text
    assert clerk.saved()["flow"] is None


def test_the_date_a_record_arose_cannot_be_skipped_or_lie_ahead(services: FakeServices) -> None:
    clerk = _clerk(services)
    clerk.command("record")
    clerk.say("李某")
    clerk.tap("跳过 ➡️")  # no post given
    clerk.say("区商务局")
    clerk.tap("行政处罚")
    clerk.say("区市场监管局")  # the deciding authority
    clerk.tap("轻微")
    clerk.say("津红商罚〔2026〕3号")
    assert clerk.step == ("record", "arose")
    before = clerk.saved()
    clerk.command("skip")
    assert clerk.saved() == before
    clerk.say("2027-01-01")
    assert clerk.saved() == before
    assert clerk.text.startswith(texts.render("zh", "date.future"))


def test_a_record_field_can_be_changed_from_its_summary(services: FakeServices) -> None:
    clerk = _clerk(services)
    clerk.command("record")
    for answer in ("李某", "科员", "区商务局"):
        clerk.say(answer)
    clerk.tap("问责决定")
    clerk.say("区纪委监委")  # the deciding authority
    clerk.tap("严重")
    clerk.say("红问〔2026〕1号")
    clerk.say("2026-11-20")
    clerk.say("招商协议约定的补贴长期未兑现，予以问责")
    clerk.tap("跳过 ➡️")  # no source complaint
    clerk.tap("跳过 ➡️")  # no files
    clerk.tap("改当事人")
    clerk.say("李某某")
    assert clerk.step == ("record", "confirm") and "当事人：李某某" in clerk.text


def test_the_deciding_authority_is_asked_for_and_can_be_changed_from_the_summary(
    services: FakeServices,
) -> None:
    clerk = _clerk(services)
    clerk.command("record")
    clerk.say("李某")
    clerk.tap("跳过 ➡️")  # no post given
    clerk.say("区商务局")
    clerk.tap("行政处罚")
    assert clerk.step == ("record", "authority")
    assert "跳过 ➡️" not in clerk.labels  # every record names who decided
    before = clerk.saved()
    clerk.command("skip")
    assert clerk.saved() == before
    clerk.say("区" * 201)
    assert clerk.text.startswith(texts.render("zh", "step.too_long", max=200))
    clerk.say("区市场监管局")
    clerk.tap("轻微")
    clerk.say("津红商罚〔2026〕3号")
    clerk.tap("昨天")
    clerk.say("招商协议约定的补贴长期未兑现，予以处罚")
    clerk.tap("跳过 ➡️")  # no source complaint
    clerk.tap("跳过 ➡️")  # no files
    assert "认定机关：区市场监管局" in clerk.text
    clerk.tap("改认定机关")
    assert clerk.step == ("record", "authority")
    clerk.say("天津市红桥区人民法院")
    assert clerk.step == ("record", "confirm")
    assert "认定机关：天津市红桥区人民法院" in clerk.text
    clerk.tap("✅ 确认提交")
    assert services.records[0].authority == "天津市红桥区人民法院"


def test_the_authority_question_is_asked_in_english_too(services: FakeServices) -> None:
    clerk = ChatDriver(services, ChatRef("telegram", "clerk-en"), "en")
    clerk.command("bind", "INVITE42")
    clerk.command("record")
    clerk.say("Li")
    clerk.command("skip")
    clerk.say("区商务局")
    clerk.tap("Administrative penalty")
    assert clerk.text == texts.render("en", "record.authority")


def test_a_chat_whose_account_was_cut_off_is_told_once_and_loses_the_clerk_commands(
    services: FakeServices,
) -> None:
    services.queue.append(WAITING)
    clerk = _clerk(services)
    clerk.command("queue")
    services.unbind(clerk.chat)  # the account was deactivated
    clerk.tap(f"签收 {WAITING.number}")
    assert clerk.text == texts.render("zh", "clerk.unbound")
    assert clerk.saved()["clerk"] is None
    for command in ("queue", "sign", "record"):
        clerk.command(command, WAITING.number)
        assert clerk.text == texts.render("zh", "clerk.not_bound")
    for command in ("start", "menu", "help"):
        clerk.command(command)
        assert not {"📋 待签收案件", "📄 登记失信记录"} & set(clerk.labels)
        assert "/queue" not in clerk.text
    assert services.signed == []


def test_a_record_being_filled_in_ends_when_the_account_is_cut_off(
    services: FakeServices,
) -> None:
    clerk = _clerk(services)
    clerk.command("record")
    clerk.say("李某")
    services.unbind(clerk.chat)
    clerk.say("区商务局")
    assert clerk.text == texts.render("zh", "clerk.unbound")
    assert clerk.step == (None, None) and services.records == []


def test_a_still_bound_clerk_is_checked_each_turn_and_keeps_working(
    services: FakeServices,
) -> None:
    services.queue.append(WAITING)
    clerk = _clerk(services)
    clerk.command("queue")
    assert WAITING.number in clerk.text
    assert services.binding_checks >= 1


@pytest.mark.parametrize(
    "args",
    [("ｈｑ２６１１２６－０００３",), ("HQ", "261126", "0003"), ("案件编号：HQ—261126—0003",)],
)
def test_sign_reads_the_number_however_it_is_typed(
    services: FakeServices, args: tuple[str, ...]
) -> None:
    services.queue.append(WAITING)
    clerk = _clerk(services)
    clerk.command("sign", *args)
    assert services.signed == [(7, "HQ-261126-0003")]
    assert "已签收 HQ-261126-0003" in clerk.text


def test_sign_with_what_is_no_number_says_how_a_number_looks(services: FakeServices) -> None:
    services.queue.append(WAITING)
    clerk = _clerk(services)
    clerk.command("sign", "<b>0003</b>")
    assert clerk.text == texts.render("zh", "number.malformed")
    assert services.signed == []


def test_a_record_may_name_the_complaint_of_the_unit_it_came_from(services: FakeServices) -> None:
    services.unit_complaints.add("HQ-261120-0003")
    clerk = _clerk(services)
    clerk.command("record")
    clerk.say("李某")
    clerk.tap("跳过 ➡️")  # no post given
    clerk.say("区商务局")
    clerk.tap("行政处罚")
    clerk.say("区市场监管局")  # the deciding authority
    clerk.tap("轻微")
    clerk.say("津红商罚〔2026〕3号")
    clerk.tap("昨天")
    clerk.say("招商协议约定的补贴长期未兑现，予以处罚")
    clerk.say("HQ-261120-0009")  # not a complaint of the clerk's unit
    assert clerk.text.startswith(texts.render("zh", "record.source_unknown"))
    assert clerk.step == ("record", "source")
    clerk.say("hq-261120-0003")
    clerk.tap("跳过 ➡️")
    assert "来源投诉：HQ-261120-0003" in clerk.text
    clerk.tap("✅ 确认提交")
    assert services.records[0].source_case == "HQ-261120-0003"


@pytest.mark.parametrize("language", ["zh", "en"])
def test_help_shows_a_citizen_no_bind_command_and_a_bound_clerk_it(
    services: FakeServices, language: str
) -> None:
    citizen = ChatDriver(services, ChatRef("telegram", f"citizen-{language}"), language)
    citizen.command("help")
    assert "/report" in citizen.text and "/bind" not in citizen.text

    clerk = ChatDriver(services, ChatRef("telegram", f"clerk-{language}"), language)
    clerk.command("bind", "INVITE42")  # still works from a chat whose help does not list it
    assert clerk.saved()["clerk"] == FGW_CLERK.to_dict()
    clerk.command("help")
    assert "/queue" in clerk.text and "/bind" in clerk.text


def test_a_record_without_its_document_number_yet_is_registered_as_a_draft(
    services: FakeServices,
) -> None:
    clerk = _clerk(services)
    clerk.command("record")
    clerk.say("李某")
    clerk.tap("跳过 ➡️")  # no post given
    clerk.say("区商务局")
    clerk.tap("行政处罚")
    clerk.say("区市场监管局")  # the deciding authority
    clerk.tap("一般")
    clerk.tap("跳过 ➡️")  # the document has not come yet
    clerk.tap("昨天")
    clerk.say("招商协议约定的补贴长期未兑现，予以处罚")
    clerk.tap("跳过 ➡️")  # no source complaint
    clerk.tap("跳过 ➡️")  # no files
    assert texts.render("zh", "summary.draft") in clerk.text
    clerk.tap("✅ 确认提交")
    assert services.records[0].document_number is None
    assert clerk.text.startswith("📝") and "HQ-261127-0001" in clerk.text


def test_a_unit_the_district_does_not_know_is_asked_again(services: FakeServices) -> None:
    services.unknown_units.add("火星局")
    clerk = _clerk(services)
    clerk.command("record")
    clerk.say("李某")
    clerk.tap("跳过 ➡️")
    clerk.say("火星局")
    assert clerk.text.startswith(texts.render("zh", "record.unit_unknown"))
    assert clerk.step == ("record", "unit")
