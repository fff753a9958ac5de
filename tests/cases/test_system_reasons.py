"""The reasons the system writes into a history read in the reader's language."""

from __future__ import annotations

import pytest

from backend.cases.system_reasons import calendar_change, reason_shown


@pytest.mark.parametrize(
    ("cause", "chinese", "english"),
    [
        (
            "2027-01-04 a day off: 暴雪停工",
            "工作日历调整：2027-01-04 调为休息日：暴雪停工",
            "Calendar change: 2027-01-04 a day off: 暴雪停工",
        ),
        (
            "2027-02-20 a working day: 调休上班",
            "工作日历调整：2027-02-20 调为工作日：调休上班",
            "Calendar change: 2027-02-20 a working day: 调休上班",
        ),
        (
            "2027-01-04 as published",
            "工作日历调整：2027-01-04 恢复为公布的安排",
            "Calendar change: 2027-01-04 as published",
        ),
        ("2027 confirmed", "工作日历调整：2027 年的安排已确认", "Calendar change: 2027 confirmed"),
        (
            "calendar changed while the clock was set",
            "工作日历调整：计时期间工作日历有变",
            "Calendar change: calendar changed while the clock was set",
        ),
        (
            "published calendar now covers 2027-2028; published calendar corrected 2 day(s); "
            "estimate of unpublished years is now rules-2025/borax-4.1.1",
            "工作日历调整：公布的节假日安排新增 2027-2028 年；公布的节假日安排更正了 2 天；"
            "未公布年份的推算规则更新为 rules-2025/borax-4.1.1",
            "Calendar change: published calendar now covers 2027-2028; published calendar "
            "corrected 2 day(s); estimate of unpublished years is now rules-2025/borax-4.1.1",
        ),
        (
            "published calendar now covers 2027, 2029",
            "工作日历调整：公布的节假日安排新增 2027、2029 年",
            "Calendar change: published calendar now covers 2027, 2029",
        ),
        (
            "2027-01-04 a day off: 暴雪; 道路结冰",  # a typed reason holding "; " itself
            "工作日历调整：2027-01-04 调为休息日：暴雪; 道路结冰",
            "Calendar change: 2027-01-04 a day off: 暴雪; 道路结冰",
        ),
    ],
)
def test_a_calendar_changes_cause_reads_in_chinese_for_a_chinese_reader(
    cause: str, chinese: str, english: str
) -> None:
    assert reason_shown(calendar_change(cause), "zh") == chinese
    assert reason_shown(calendar_change(cause), "en") == english
