"""The complaint dialog asks for the kind of request (诉求类型) read in the text and files it."""

from __future__ import annotations

from dataclasses import dataclass

from backend.request_types.catalogue import RequestTypes, default_request_types
from dialogs.ports import RouteProposal
from tests.dialogs.driver import ChatDriver
from tests.dialogs.fakes import FakeServices

PROCUREMENT_INQUIRY = "请问政府采购项目的投标需要什么材料，怎么办理？"
PROCUREMENT_BRIBE = "政府采购项目评标专家收受红包，举报这种暗箱操作"
PROCUREMENT_COMPLAINT = "区政府采购项目指定品牌，明显排斥其他供应商"
CATALOGUE: RequestTypes = default_request_types()


@dataclass
class TypedServices(FakeServices):
    """Fake services whose router reads the request type with the shipped cue words."""

    def route(self, text: str) -> RouteProposal:
        proposal = super().route(text)
        found = CATALOGUE.classify(text).value
        return RouteProposal(proposal.candidates, proposal.confident, proposal.street, found)


def to_type_step(text: str, language: str = "zh-hans") -> ChatDriver:
    driver = ChatDriver(TypedServices(), language_hint=language)
    driver.command("report")
    driver.say(text)
    driver.tap("✅ 对" if language.startswith("zh") else "✅ Yes")
    return driver


def finish(driver: ChatDriver) -> None:
    """Answer the remaining steps of an anonymous complaint and submit it."""
    for label in ("今天", "跳过 ➡️", "🕶 匿名", "✅ 确认提交"):
        driver.tap(label)


def test_a_question_is_asked_about_its_kind_and_the_kind_is_filed() -> None:
    driver = to_type_step(PROCUREMENT_INQUIRY)
    assert driver.step == ("complaint", "request_type")
    assert "咨询" in driver.text and "时限" in driver.text
    assert driver.labels[0] == "✅ 是，咨询"
    driver.tap("✅ 是，咨询")
    assert driver.step == ("complaint", "when")
    assert driver.text.startswith("已记录：咨询。")
    finish(driver)
    assert [draft.request_type for draft in driver.services.complaints] == ["inquiry"]


def test_the_reporter_may_pick_another_kind() -> None:
    driver = to_type_step(PROCUREMENT_BRIBE)
    assert driver.labels[0] == "✅ 是，举报"
    driver.tap("投诉")
    assert driver.saved()["data"]["request_type"] == "complaint"
    finish(driver)
    assert driver.services.complaints[0].request_type == "complaint"


def test_a_text_read_as_a_complaint_is_not_asked_but_shown_and_changeable() -> None:
    driver = to_type_step(PROCUREMENT_COMPLAINT)
    assert driver.step == ("complaint", "when")
    for label in ("今天", "跳过 ➡️", "🕶 匿名"):
        driver.tap(label)
    assert "类型：投诉" in driver.text
    driver.tap("类型")
    assert driver.step == ("complaint", "request_type")
    driver.tap("建议")
    assert driver.step == ("complaint", "summary") and "类型：建议" in driver.text
    driver.tap("✅ 确认提交")
    assert driver.services.complaints[0].request_type == "suggestion"


def test_the_question_in_english() -> None:
    driver = to_type_step("How can I apply for a procurement tender, what documents?", "en")
    assert driver.step == ("complaint", "request_type")
    assert "Inquiry (咨询)" in driver.text
    driver.tap("Report of wrongdoing (举报)")
    assert driver.text.startswith("Noted: Report of wrongdoing (举报).")


def test_typing_at_the_kind_step_is_answered_with_a_hint() -> None:
    driver = to_type_step(PROCUREMENT_INQUIRY)
    driver.say("咨询吧")
    assert driver.step == ("complaint", "request_type")
    assert "请点按上面的一种诉求类型" in driver.text


def test_a_stale_or_forged_kind_is_refused() -> None:
    driver = to_type_step(PROCUREMENT_INQUIRY)
    payload = driver.button("投诉").payload.replace("complaint", "gossip")
    driver.send("button", payload=payload)
    assert driver.step == ("complaint", "request_type")
