"""A complaint like an open case: the reporter may follow that case instead of filing anew."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from dialogs.model import ChatRef
from dialogs.ports import SimilarCase
from tests.dialogs.driver import PROCUREMENT_TEXT, ChatDriver
from tests.dialogs.fakes import FakeServices

OPEN = SimilarCase(
    "HQ-261120-0007",
    "政府采购",
    "Government procurement",
    "区财政局",
    "District Finance Bureau",
    date(2026, 11, 20),
)


def test_the_reporter_may_follow_a_similar_open_case_instead_of_filing(
    zh: ChatDriver, services: FakeServices
) -> None:
    services.open_cases.append(("procurement", None, OPEN))
    zh.command("report")
    zh.say(PROCUREMENT_TEXT)
    zh.tap("✅ 对")
    assert "HQ-261120-0007：政府采购，区财政局承办，2026-11-20 受理" in zh.text
    zh.tap("👀 关注 HQ-261120-0007")
    assert services.followed == [("HQ-261120-0007", ChatRef("telegram", "1001"), "zh")]
    assert services.complaints == [] and zh.step == (None, None)
    assert "有进展时会通知您" in zh.text


def test_the_reporter_may_file_a_new_complaint_anyway(
    zh: ChatDriver, services: FakeServices
) -> None:
    services.open_cases.append(("procurement", None, OPEN))
    zh.command("report")
    zh.say(PROCUREMENT_TEXT)
    zh.tap("✅ 对")
    zh.tap("仍然提交新的投诉")
    assert zh.step == ("complaint", "when")
    zh.tap("今天")
    zh.tap("跳过")
    zh.tap("🕶 匿名")
    zh.tap("✅ 确认提交")
    assert len(services.complaints) == 1 and services.followed == []


def test_no_similar_case_asks_nothing_more(zh: ChatDriver, services: FakeServices) -> None:
    zh.command("report")
    zh.say(PROCUREMENT_TEXT)
    zh.tap("✅ 对")
    assert zh.step == ("complaint", "when")


def test_a_case_closed_since_it_was_offered_is_offered_no_more(
    zh: ChatDriver, services: FakeServices
) -> None:
    services.open_cases.append(("procurement", None, OPEN))
    zh.command("report")
    zh.say(PROCUREMENT_TEXT)
    zh.tap("✅ 对")
    services.refuse_with = "not_followable"
    zh.tap("👀 关注 HQ-261120-0007")
    assert "这件案件已经办结，不能再关注了" in zh.text
    assert "HQ-261120-0007" not in zh.text
    assert zh.step == ("complaint", "when")  # nothing else to offer: the complaint goes on


def test_the_other_similar_cases_stay_offered_when_one_closed(
    zh: ChatDriver, services: FakeServices
) -> None:
    other = replace(OPEN, number="HQ-261121-0003")
    services.open_cases += [("procurement", None, OPEN), ("procurement", None, other)]
    zh.command("report")
    zh.say(PROCUREMENT_TEXT)
    zh.tap("✅ 对")
    services.refuse_with = "not_followable"
    zh.tap("👀 关注 HQ-261120-0007")
    assert zh.step == ("complaint", "similar")
    assert "HQ-261121-0003" in zh.text and "HQ-261120-0007" not in zh.text
