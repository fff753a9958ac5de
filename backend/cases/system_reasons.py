"""The reasons the system itself writes into a case's history, and their words for a reader.

Stored as written here (English: the API gives them as they are, and rows already written
keep them); the console shows them in the reader's language (`reason_shown`). A reason a
person typed is shown as it was typed. Triage reasons follow the intake's placement
(backend.cases.intake), the others the follow-up (回访) rules of 12345 practice.
"""

from __future__ import annotations

import re

NONE_CHOSEN = "the reporter chose none of the proposed categories"
STREET_NEEDED = "street needed"
NO_CATEGORY = "no category fits"
NOT_CONFIDENT = "routing not confident"
NO_RATING = "no rating within the follow-up period"
NO_COMMENT = "no comment"

_FIXED: dict[str, tuple[str, str]] = {  # stored reason: (Chinese, English)
    NONE_CHOSEN: (
        "投诉人没有选择建议的类别",
        "The reporter chose none of the proposed categories",
    ),
    STREET_NEEDED: ("需要确定所在街道", "The street is needed"),
    NO_CATEGORY: ("没有合适的类别", "No category fits"),
    NOT_CONFIDENT: ("自动分派把握不足", "Routing not confident"),
    NO_RATING: ("回访期内未评价", "No rating within the follow-up period"),
}
RATINGS_ZH = {"satisfied": "满意", "basically_satisfied": "基本满意", "dissatisfied": "不满意"}
CHANNELS_ZH = {"phone": "电话", "sms": "短信", "email": "电子邮件"}

_RATED = re.compile(r"rated (\w+) by the reporter(?: by (\w+))?")
_DISSATISFIED = re.compile(r"the reporter is dissatisfied: (.*)", re.DOTALL)
_CALENDAR = re.compile(r"calendar change: (.*)", re.DOTALL)
# The causes backend.workdays.changes and backend.deadlines.moves write, in Chinese.
_CAUSES_ZH: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(\S+) a day off: (.*)", re.DOTALL), r"\1 调为休息日：\2"),
    (re.compile(r"(\S+) a working day: (.*)", re.DOTALL), r"\1 调为工作日：\2"),
    (re.compile(r"(\S+) as published"), r"\1 恢复为公布的安排"),
    (re.compile(r"(\d{4}) confirmed"), r"\1 年的安排已确认"),
    (re.compile(r"calendar changed while the clock was set"), "计时期间工作日历有变"),
    (re.compile(r"published calendar now covers ([^;]+)"), r"公布的节假日安排新增 \1 年"),
    (re.compile(r"published calendar corrected (\d+) day\(s\)"), r"公布的节假日安排更正了 \1 天"),
    (
        re.compile(r"estimate of unpublished years is now ([^;]+)"),
        r"未公布年份的推算规则更新为 \1",
    ),
]


def rated(rating: str, channel: str) -> str:
    """Return the reason of a close after a satisfied rating (in the chat, or by `channel`)."""
    by = "the reporter" if channel == "chat" else f"the reporter by {channel}"
    return f"rated {rating} by {by}"


def dissatisfied(comment: str | None) -> str:
    """Return the reason of a reopening after a dissatisfied rating (重办)."""
    return f"the reporter is dissatisfied: {comment or NO_COMMENT}"


def calendar_change(cause: str) -> str:
    """Return the reason of a deadline moved by a change of the working-day calendar."""
    return f"calendar change: {cause}"


def reason_shown(reason: str | None, language: str) -> str | None:
    """Return a history entry's reason in the reader's language (a typed one as it is)."""
    if not reason:
        return reason
    fixed = _FIXED.get(reason)
    if fixed is not None:
        return fixed[0] if language == "zh" else fixed[1]
    if (match := _RATED.fullmatch(reason)) is not None:
        rating, channel = match.group(1), match.group(2)
        if language != "zh":
            return f"Rated {rating.replace('_', ' ')} by the reporter" + (
                f" ({channel})" if channel else ""
            )
        by = f"（{CHANNELS_ZH.get(channel, channel)}回访）" if channel else ""
        return f"投诉人评价：{RATINGS_ZH.get(rating, rating)}{by}"
    if (match := _DISSATISFIED.fullmatch(reason)) is not None:
        comment = match.group(1)
        if language != "zh":
            return f"The reporter is dissatisfied: {comment}"
        return "投诉人不满意：" + ("未留言" if comment == NO_COMMENT else comment)
    if (match := _CALENDAR.fullmatch(reason)) is not None:
        if language != "zh":
            return "Calendar change: " + match.group(1)
        return "工作日历调整：" + _cause_zh(match.group(1))
    return reason


def _cause_zh(cause: str) -> str:
    """Return a calendar change's cause in Chinese (as written when no pattern knows it).

    The start-up sync joins its causes with "; " (backend.workdays.changes): each is put
    into Chinese when every one is known, and the whole is kept as written otherwise (a
    coordinator's typed reason may hold "; " itself).
    """
    whole = _one_cause_zh(cause)
    if whole is not None:
        return whole
    parts = [_one_cause_zh(part) for part in cause.split("; ")]
    if len(parts) > 1 and all(part is not None for part in parts):
        return "；".join(part for part in parts if part is not None)
    return cause


def _one_cause_zh(cause: str) -> str | None:
    for pattern, chinese in _CAUSES_ZH:
        if pattern.fullmatch(cause):
            worded = pattern.sub(chinese, cause)
            return worded.replace(", ", "、") if cause.startswith("published") else worded
    return None
