"""Objection (异议) and credit repair (信用修复) dialogs, and such requests typed as complaints."""

from __future__ import annotations

from tests.dialogs.driver import ChatDriver
from tests.dialogs.fakes import FakeServices

NUMBER = "HQ-261120-0007"
REASONS = "处分决定已被上级机关撤销，记录所依据的文书不再有效"
REASONS_EN = "The sanction was annulled on review; the record rests on a void decision"


def test_the_objection_dialog_is_on_the_start_menu_and_files_through_the_service(
    zh: ChatDriver, services: FakeServices
) -> None:
    zh.command("start")
    assert "⚖️ 对失信记录提出异议" in zh.labels and "♻️ 申请信用修复" in zh.labels
    zh.tap("⚖️ 对失信记录提出异议")
    assert zh.step == ("objection", "number")
    zh.say(NUMBER.lower().replace("-", ""))
    assert "记录 HQ-261120-0007：李某（区财政局）" in zh.text
    zh.tap("被记录的本人")
    zh.say("李某")
    zh.say(REASONS)
    zh.document()
    zh.tap("完成（1 个）")
    assert zh.step == ("objection", "confirm")
    for shown in ("请核对异议申请", NUMBER, "被记录的本人 · 李某", REASONS, "附件：1 个"):
        assert shown in zh.text
    zh.tap("✅ 确认提交")
    assert "异议已提交（记录 HQ-261120-0007）" in zh.text and "10 个工作日" in zh.text
    [filed] = services.record_requests
    assert (filed.kind, filed.number, filed.requester, filed.name, filed.reasons) == (
        "objection",
        NUMBER,
        "person",
        "李某",
        REASONS,
    )
    assert (filed.language, len(filed.attachments), zh.step) == ("zh", 1, (None, None))


def test_the_repair_dialog_by_its_command_in_english(
    en: ChatDriver, services: FakeServices
) -> None:
    en.command("repair")
    assert en.step == ("repair", "number")
    en.say(NUMBER)
    en.tap("A representative")
    en.say("Zhang San for the Finance Bureau")
    en.say("The unit repaid the subsidies and the lead office accepted the rectification")
    en.tap("Skip")
    assert "Please check the credit repair application" in en.text
    en.tap("Submit")
    assert "credit repair application for record HQ-261120-0007 was filed" in en.text
    assert "3 working days" in en.text
    assert [(r.kind, r.requester, r.language) for r in services.record_requests] == [
        ("repair", "representative", "en")
    ]


def test_an_unknown_record_number_is_answered_in_both_languages(
    zh: ChatDriver, en: ChatDriver
) -> None:
    zh.command("objection")
    zh.say("HQ-261120-9999")
    assert "没有找到可以办理这项申请的记录" in zh.text
    assert zh.step == ("objection", "number")  # asked again
    en.command("objection")
    en.say("HQ-261120-9999")
    assert "No record with this number takes this application" in en.text
    en.say("not a number at all")
    assert "That is not a record number" in en.text


def test_a_record_that_takes_no_such_request_now_is_answered_with_why(
    zh: ChatDriver, en: ChatDriver, services: FakeServices
) -> None:
    services.record_refusals[NUMBER, "repair"] = "repair_needs_rectification"
    services.record_refusals[NUMBER, "objection"] = "objection_pending"
    zh.command("repair")
    zh.say(NUMBER)
    assert "信用修复须在整改经区发展改革委验收通过后申请" in zh.text
    en.command("objection")
    en.say(NUMBER)
    assert "An objection to this record is being examined" in en.text
    assert services.record_requests == []


def test_a_refusal_at_confirm_keeps_the_answers_and_says_why(
    zh: ChatDriver, services: FakeServices
) -> None:
    zh.command("objection")
    zh.say(NUMBER)
    zh.tap("被记录的单位")
    zh.say("区财政局")
    zh.say(REASONS)
    zh.tap("跳过")
    services.refuse_with = "objection_pending"  # someone else objected meanwhile
    zh.tap("✅ 确认提交")
    assert "已有异议正在处理" in zh.text
    assert zh.step == ("objection", "confirm")


def test_reasons_too_short_are_asked_again(zh: ChatDriver) -> None:
    zh.command("objection")
    zh.say(NUMBER)
    zh.tap("代理人")
    zh.say("王律师")
    zh.say("不对")
    assert "内容太短" in zh.text and zh.step == ("objection", "reasons")


def test_an_objection_typed_into_the_complaint_dialog_is_offered_the_objection_dialog(
    zh: ChatDriver, services: FakeServices
) -> None:
    zh.command("report")
    zh.say("我对公示的失信记录有异议，处分已经撤销了")
    assert "似乎是对政务失信记录的异议" in zh.text
    assert zh.step == ("complaint", "what")
    zh.tap("⚖️ 提出异议")
    assert zh.step == ("objection", "number")
    zh.say(NUMBER)
    zh.tap("被记录的本人")
    zh.say("李某")
    assert zh.step == ("objection", "files")  # the typed text became the reasons
    zh.tap("跳过")
    assert "我对公示的失信记录有异议" in zh.text
    assert services.complaints == []


def test_a_repair_request_typed_into_the_complaint_dialog_may_stay_a_complaint(
    en: ChatDriver,
) -> None:
    en.command("report")
    en.say("I want credit repair for my record, we fixed everything last month")
    assert "sounds like a credit repair application" in en.text
    en.tap("No, it is a complaint")
    assert en.step[0] == "complaint" and en.step[1] != "what"


def test_an_ordinary_complaint_is_not_offered_a_records_dialog(zh: ChatDriver) -> None:
    zh.command("report")
    zh.say("区政府采购项目指定品牌，明显排斥其他供应商，我对此有异议")
    assert "似乎" not in zh.text
    assert zh.step[1] != "what"


def test_an_objection_typed_outside_any_dialog_offers_the_dialog(zh: ChatDriver) -> None:
    zh.say("我想申请信用修复")
    assert "似乎是信用修复申请" in zh.text
    zh.tap("♻️ 申请信用修复")
    assert zh.step == ("repair", "number")


def test_help_lists_the_records_commands(en: ChatDriver) -> None:
    en.command("help")
    assert "/objection" in en.text and "/repair" in en.text
