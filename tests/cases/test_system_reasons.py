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
    ],
)
def test_a_calendar_changes_cause_reads_in_chinese_for_a_chinese_reader(
    cause: str, chinese: str, english: str
) -> None:
    assert reason_shown(calendar_change(cause), "zh") == chinese
    assert reason_shown(calendar_change(cause), "en") == english
