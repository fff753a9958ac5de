"""What the hand-off notices say to staff, in Chinese and English (as notifications/texts)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "new_case": {
        "zh": "【新案件】案件 {number} 已派给{unit}，请及时签收。\n{text}",
        "en": "New case: {number} was sent to {unit}; please sign for it.\n{text}",
    },
    "urgent_case": {
        "zh": "【紧急】案件 {number} 反映人身、健康或财产面临紧迫危险，已派给{unit}，"
        "请在 {minutes} 分钟内签收并立即处置。\n{text}",
        "en": "URGENT: case {number} reports immediate danger to life, health or property "
        "and was sent to {unit}; sign for it within {minutes} minutes and act at once.\n{text}",
    },
    "urgent_triage": {
        "zh": "【紧急】案件 {number} 反映人身、健康或财产面临紧迫危险，正待分派，请立即派单。"
        "\n{text}",
        "en": "URGENT: case {number} reports immediate danger to life, health or property "
        "and waits in triage: dispatch it now.\n{text}",
    },
    "urgent_unsigned": {
        "zh": "【紧急·未签收】紧急案件 {number} 派给{unit}已超过 {minutes} 分钟，仍未签收。",
        "en": "URGENT, not signed for: case {number} was sent to {unit} more than {minutes} "
        "minutes ago and nobody has signed for it.",
    },
    "dispatch_today": {
        "zh": "【待派单】案件 {number} 尚未分派，须在 {due} 当天派出。",
        "en": "Waiting for triage: case {number} is still not dispatched; it is due to be "
        "dispatched on {due}.",
    },
    "dispatch_overdue": {
        "zh": "【派单超时】案件 {number} 应于 {due} 派出，至今仍在待分派队列。",
        "en": "Dispatch overdue: case {number} was due to be dispatched on {due} and still "
        "waits in triage.",
    },
    "moved_away": {
        "zh": "【改派】案件 {number} 已由协调办改派至{unit}，不再由本单位办理。理由：{reason}",
        "en": "Reassigned (改派): the lead office moved case {number} to {unit}; it is no "
        "longer yours. Reason: {reason}",
    },
    "reopened": {  # 重办: the case is back with the unit that resolved it
        "zh": "【重办】案件 {number} 重新交由{unit}办理，请尽快处理。原因：{reason}\n{text}",
        "en": "Reopened: case {number} is back with {unit} to be handled again. Reason: "
        "{reason}\n{text}",
    },
    "button_sign": {"zh": "签收", "en": "Sign for"},
    "button_open": {"zh": "查看", "en": "Open"},
}


def text(key: str, language: str, **params: object) -> str:
    """Return a hand-off notice in a language (Chinese when unknown)."""
    entry = TEXTS[key]
    return entry.get(language, entry["zh"]).format(**params)
