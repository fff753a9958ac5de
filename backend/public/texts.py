"""The public pages' words in Chinese and English (the console's flat-catalogue mechanism)."""

from __future__ import annotations

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"

TEXTS: dict[str, dict[str, str]] = {
    "zh": {
        "site.title": "红桥区政务诚信",
        "records.title": "政务失信记录公示",
        # What backend.records.publicity.may_publish does: a record under objection stays,
        # marked; an upheld objection corrects the record (it stays, as corrected) or
        # withdraws it (it leaves).
        "records.intro": (
            "依法公示的政务失信记录。公示期届满或信用修复后不再公示；"
            "异议处理期间记录继续公示，并标注「异议处理中」；异议成立的，记录更正后继续公示，"
            "或撤销后不再公示。"
        ),
        "records.under_objection": "异议处理中：区发展改革委正在核查，结果以更正或撤销为准。",
        "records.count": "共 {total} 条",
        "records.none": "目前没有公示中的记录。",
        "records.number": "记录编号",
        "records.unit": "单位",
        "records.person": "姓名及职务",
        "records.finding": "认定类型",
        "records.authority": "认定机关",
        "records.document": "文书编号",
        "records.arisen_on": "信息产生日期",
        "records.severity": "严重程度",
        "records.summary": "失信事实摘要",
        "records.period": "公示期",
        "records.period_value": "{start} 至 {end}",
        "records.objection_note": "对公示信息有异议的，"
        "可在本区投诉平台的对话中发送 /objection 提出。",
        "records.objection_link": "打开投诉平台",
        "finding.judgment": "法院判决",
        "finding.penalty": "行政处罚",
        "finding.sanction": "纪律处分",
        "finding.accountability": "问责决定",
        "severity.minor": "轻微",
        "severity.general": "一般",
        "severity.serious": "严重",
        "paging.label": "分页",
        "paging.previous": "上一页",
        "paging.next": "下一页",
        "paging.position": "第 {page} / {pages} 页",
        "lang.switch": "English",
        "lang.switch_to": "Switch to English",
        "footer.note": "天津市红桥区人民政府 · 信息依法公示，请勿用于其他用途。",
        "error.not_found_title": "没有这个页面",
        "error.not_found": "您要找的页面不存在。公示的政务失信记录见下面的链接。",
        "email.title": "确认电子邮箱",
        "email.ask": "确认后，您的投诉的办理进展和评价链接将同时发送到 {address}。",
        "email.confirm": "确认",
        "email.ignore": "如果不是您本人留下了这个邮箱，请不要点击，直接关闭本页即可。",
        "email.done": "已确认：您的投诉的办理进展和评价链接将同时发送到 {address}。",
        "email.invalid": "该确认链接无效或已过期（邮箱可能已更改或删除）。"
        "要获得新的链接，请在投诉对话中再发送一次 /email 邮箱地址"
        "（通过其他应用提交的投诉：下次提交时会再发送确认邮件）。",
        "error.bad_request_title": "无法读取这个地址",
        "error.bad_request": "地址中有无法识别的内容（例如不是 UTF-8 编码的字符）。"
        "公示的政务失信记录见下面的链接。",
    },
    "en": {
        "site.title": "Hongqiao District Government Integrity",
        "records.title": "Published dishonesty records",
        "records.intro": "Government dishonesty records published by law. A record leaves this "
        "page when its publicity period ends or it is repaired; an upheld objection corrects "
        "the record, which stays as corrected, or withdraws it, which leaves; while an "
        "objection is decided the record stays, marked as under review.",
        "records.under_objection": "Objection under review: the lead office is checking it; "
        "an upheld objection corrects or withdraws the record.",
        "records.count": "{total} in all",
        "records.none": "No record is published at present.",
        "records.number": "Record number",
        "records.unit": "Unit",
        "records.person": "Name and post",
        "records.finding": "Finding",
        "records.authority": "Deciding authority",
        "records.document": "Document number",
        "records.arisen_on": "Date arisen",
        "records.severity": "Severity",
        "records.summary": "Summary",
        "records.period": "Publicity period",
        "records.period_value": "{start} to {end}",
        "records.objection_note": "To object to a published record, send /objection in the "
        "district's complaint chat.",
        "records.objection_link": "Open the complaint chat",
        "finding.judgment": "Court judgment",
        "finding.penalty": "Administrative penalty",
        "finding.sanction": "Disciplinary sanction",
        "finding.accountability": "Accountability decision",
        "severity.minor": "Minor",
        "severity.general": "General",
        "severity.serious": "Serious",
        "paging.label": "Pages",
        "paging.previous": "Previous",
        "paging.next": "Next",
        "paging.position": "Page {page} of {pages}",
        "lang.switch": "中文",
        "lang.switch_to": "切换到中文",
        "footer.note": "Hongqiao District People's Government, Tianjin · Published by law; "
        "not to be used for other purposes.",
        "error.not_found_title": "Page not found",
        "error.not_found": "There is no such page. The published records are at the link below.",
        "email.title": "Confirm your email address",
        "email.ask": "Once confirmed, the updates of your complaints and the link to rate "
        "them also go to {address}.",
        "email.confirm": "Confirm",
        "email.ignore": "If you did not give this address, do not press the button; just "
        "close this page.",
        "email.done": "Confirmed: the updates of your complaints and the link to rate them "
        "also go to {address}.",
        "email.invalid": "This confirmation link is not valid or has expired (the address may "
        "have been changed or removed). For a new link, send /email ADDRESS again in the "
        "complaint chat (a complaint sent through another app: its next one sends a new link).",
        "error.bad_request_title": "This address cannot be read",
        "error.bad_request": "The address holds something that cannot be read (characters "
        "not in UTF-8, say). The published records are at the link below.",
    },
}


def render(language: str, key: str, **params: object) -> str:
    """Return the text for a key in a language (Chinese when the language is unknown)."""
    catalogue = TEXTS.get(language, TEXTS[DEFAULT_LANGUAGE])
    return catalogue[key].format(**params)
