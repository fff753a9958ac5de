"""Texts of request types, supervision orders (督办) and joint handling (主办/协办), zh and en."""

from __future__ import annotations

# The request types' names in Chinese (English names them by their code word).
TYPE_NAMES_ZH = {
    "inquiry": "咨询",
    "help": "求助",
    "complaint": "投诉",
    "report": "举报",
    "suggestion": "建议",
}

# Refusals of the API and the console (merged into backend.messages.MESSAGES).
JOINT_MESSAGES: dict[str, dict[str, str]] = {
    "request_type_required": {
        "zh": "请选择诉求类型（request_type）：咨询、求助、投诉、举报或建议。",
        "en": "Choose a request type (request_type): inquiry, help, complaint, report or "
        "suggestion.",
    },
    "unknown_request_type": {
        "zh": "没有这个诉求类型：{value}。可选：inquiry（咨询）、help（求助）、complaint（投诉）、"
        "report（举报）、suggestion（建议）。",
        "en": "Unknown request type: {value}. Choose inquiry, help, complaint, report or "
        "suggestion.",
    },
    "request_type_unchanged": {
        "zh": "案件的诉求类型已经是“{type_zh}”。",
        "en": "The case's request type is {type_en} ({value}) already.",
    },
    "record_takes_no_request_type": {
        "zh": "失信记录没有诉求类型，不能填写 request_type。",
        "en": "A dishonesty record has no request type (request_type).",
    },
    "assist_department_required": {
        "zh": "请选择协办单位。",  # the API's answer names the field (`field`)
        "en": "Choose the assisting unit.",
    },
    "assist_is_lead": {
        "zh": "{unit_zh}（{value}）是本案的主办单位，不能同时作为协办单位。",
        "en": "{unit_en} ({value}) is the case's lead unit (主办); it cannot assist as well.",
    },
    "lead_units_action": {
        "zh": "{own_zh}（{own}）是本案的协办单位：只有主办单位{lead_zh}（{lead}）可以执行此操作："
        "{action}。协办单位可以添加内部备注、提交协办反馈。",
        "en": "{own_en} ({own}) assists (协办) on this case: only the lead unit (主办), "
        "{lead_en} ({lead}), may do this: {action}. An assisting unit adds notes and sends an "
        "assist report.",
    },
    "lead_unit_reports_by_resolving": {
        "zh": "{lead_zh}（{lead}）是本案的主办单位，办结案件即是反馈；协办反馈由协办单位提交。",
        "en": "{lead_en} ({lead}) is the case's lead unit (主办): it reports by resolving the "
        "case; an assist report is an assisting unit's (协办).",
    },
    "already_assisting": {
        "zh": "{unit_zh}（{value}）已经是本案的协办单位。",
        "en": "{unit_en} ({value}) assists on this case already.",
    },
}

# Chat notices to staff (rendered by the outbox in the recipient's language).
NOTICES: dict[str, dict[str, str]] = {
    "supervise": {
        "zh": "【督办】案件 {number}：{note}\n请于 {due} 前办理并反馈。",
        "en": "[Supervision order] Case {number}: {note}\nAct and report by {due}.",
    },
    "assist": {
        "zh": "【协办】贵单位被指定为案件 {number} 的协办单位（主办单位：{lead}）。"
        "请查看案件，办理后提交协办反馈。",
        "en": "[Assisting] Your unit assists on case {number} (lead unit: {lead}). Open the "
        "case and send an assist report when you have done your part.",
    },
    "assist_report": {
        "zh": "【协办反馈】案件 {number}：{unit} 反馈：{report}",
        "en": "[Assist report] Case {number}: {unit} reports: {report}",
    },
    "open": {"zh": "查看", "en": "Open"},
}


def notice(key: str, language: str, **params: object) -> str:
    """Return a staff notice in a language (Chinese when unknown)."""
    entry = NOTICES[key]
    return entry.get(language, entry["zh"]).format(**params)
