"""What reminders, escalations, digests and follow-ups say, in Chinese and English."""

from __future__ import annotations

from datetime import date

TEXTS: dict[str, dict[str, str]] = {
    # What a reminder or an escalation is about: a complaint's case or a dishonesty record.
    "subject_case": {"zh": "案件 {number}", "en": "case {number}"},
    "subject_record": {"zh": "失信记录 {number}", "en": "dishonesty record {number}"},
    "before": {
        "zh": "【提醒】{subject}（{what}）还有 {left} 个工作日到期，到期日 {due}。",
        "en": "Reminder: {subject} ({what}) is due on {due}, in {left} working day(s).",
    },
    "due_today": {
        "zh": "【今日到期】{subject}（{what}）今天到期，请及时处理。",
        "en": "Due today: {subject} ({what}) is due today.",
    },
    "overdue": {
        "zh": "【催办】{subject}（{what}）已过到期日 {due}，仍未完成，请立即处理。",
        "en": "Overdue (催办): {subject} ({what}) was due on {due} and is still open.",
    },
    "escalate": {
        "zh": "【督办】{unit}的{subject}（{what}）已逾期 {late} 个工作日，到期日 {due}。",
        "en": "Escalation (督办): {subject} of {unit} ({what}) is {late} working day(s) "
        "overdue (due {due}).",
    },
    "email_confirm": {  # both languages in one message: the reporter's may be unknown
        "zh": "请确认您的电子邮箱：打开下面的链接并点击“确认”后，您的投诉的办理进展和评价链接"
        "将同时发送到此邮箱。如果不是您本人在政务诚信投诉受理渠道留下了这个邮箱，请忽略本邮件："
        "不确认，就不会向此邮箱发送任何投诉内容。",
        "en": "Please confirm your email address: open the link below and press Confirm, and "
        "the updates of your complaints and the link to rate them also come to this address. "
        "If you did not give this address to the district's integrity complaint channel, "
        "ignore this message: unless it is confirmed, nothing about a complaint comes here.",
    },
    "ask_rating": {
        "zh": "您的投诉 {number} 已办结。答复：{reply}\n请评价办理结果：",
        "en": "Your complaint {number} was resolved. Reply: {reply}\nHow satisfied are you?",
    },
    "extension": {
        "zh": "您的投诉 {number} 的办理期限已延长至 {due}。理由：{reason}",
        "en": "The deadline of your complaint {number} was extended to {due}. Reason: {reason}",
    },
    "extension_granted": {  # to the unit that asked (延期申请获批)
        "zh": "【延期已批准】案件 {number} 延期 {days} 个工作日，办结期限现为 {due}。",
        "en": "Extension granted: case {number} has {days} more working day(s); it is now "
        "due on {due}.",
    },
    "extension_denied": {
        "zh": "【延期未批准】案件 {number} 的延期申请未获批准，请在原期限 {due}前办结。"
        "原因：{reason}",
        "en": "Extension denied: case {number} stays due on {due}. Reason: {reason}",
    },
    "deadline_moved": {
        "zh": "【期限调整】工作日历有变，案件 {number}（{what}）的到期日由 {before} 改为 {due}。",
        "en": "Deadline moved: after a change of the working-day calendar, case {number} "
        "({what}) is now due on {due} (was {before}).",
    },
    "deadline_moved_reporter": {
        "zh": "因节假日安排调整，您的投诉 {number} 的办理期限调整为 {due}。",
        "en": "After a change of the holiday calendar, your complaint {number} is now due "
        "to be handled by {due}.",
    },
    "provisional_mark": {"zh": "（暂定）", "en": " (provisional)"},
    "digest": {
        "zh": "早安。{unit} 今日待办 {count} 件：\n{lines}",
        "en": "Good morning. {unit} has {count} open case(s):\n{lines}",
    },
    "digest_line": {
        "zh": "· {number} {what} 到期 {due}{late}",
        "en": "· {number} {what} due {due}{late}",
    },
    "digest_late": {"zh": "（已逾期）", "en": " (overdue)"},
    # A digest line's request type (诉求类型) and assisting units (协办单位), issue 12.
    "digest_details": {"zh": "〔{details}〕", "en": " [{details}]"},
    "digest_separator": {"zh": "｜", "en": "; "},
    "digest_assisting": {"zh": "协办：{units}", "en": "assisting: {units}"},
    "calendar_alarm": {
        "zh": "【日历提醒】系统尚无 {year} 年的节假日安排，"
        "{year} 年的期限按周末和法定节假日（含推算的农历节日）暂定计算，不含调休。"
        "请在国务院公布安排后录入（intake calendar set / confirm-year）。",
        "en": "Calendar: the holidays of {year} are not known yet; deadlines in {year} are "
        "provisional (weekends and the statutory holidays, lunar ones computed, without the "
        "make-up working days). Enter them once announced.",
    },
    "update_signed": {
        "zh": "您的投诉 {number} 已由{unit}签收，正在办理。",
        "en": "Your complaint {number} was taken up by {unit}.",
    },
    "update_resolved": {
        "zh": "您的投诉 {number} 已办结。答复：{reply}",
        "en": "Your complaint {number} was resolved. Reply: {reply}",
    },
    "update_rerouted": {
        "zh": "您的投诉 {number} 已转交{unit}办理。",
        "en": "Your complaint {number} was passed on to {unit}.",
    },
    "update_rejected": {
        "zh": "您的投诉 {number} 不予受理。理由：{reason}",
        "en": "Your complaint {number} was not accepted. Reason: {reason}",
    },
    "update_reopened": {
        "zh": "您的投诉 {number} 已重新办理。",
        "en": "Your complaint {number} is being handled again.",
    },
    "update_merged": {
        "zh": "您的投诉 {number} 与案件 {into} 反映的是同一件事，已合并办理；"
        "后续进展会通过案件 {into} 告诉您。",
        "en": "Your complaint {number} concerns the same matter as case {into} and was merged "
        "into it; you will hear how {into} goes.",
    },
    # What a follower (跟进) and the reporter of a merged repeat hear: the state alone, never
    # the reply, a reason or a unit's note, which were written for the case's own reporter.
    "follow_signed": {
        "zh": "您关注的案件 {number} 已由承办单位签收，正在办理。",
        "en": "Case {number}, which you follow, was taken up by the unit handling it.",
    },
    "follow_resolved": {
        "zh": "您关注的案件 {number} 已办结。答复已发送给投诉人。",
        "en": "Case {number}, which you follow, was resolved; the reply went to its reporter.",
    },
    "follow_rerouted": {
        "zh": "您关注的案件 {number} 已转交其他单位办理。",
        "en": "Case {number}, which you follow, was passed on to another unit.",
    },
    "follow_rejected": {
        "zh": "您关注的案件 {number} 不予受理。",
        "en": "Case {number}, which you follow, was not accepted.",
    },
    "follow_reopened": {
        "zh": "您关注的案件 {number} 已重新办理。",
        "en": "Case {number}, which you follow, is being handled again.",
    },
    "follow_merged": {
        "zh": "您关注的案件 {number} 与案件 {into} 反映的是同一件事，已合并办理；"
        "后续进展会通过案件 {into} 告诉您。",
        "en": "Case {number}, which you follow, concerns the same matter as case {into} and "
        "was merged into it; you will hear how {into} goes.",
    },
    "late_rating": {
        "zh": "【回访补充】案件 {number} 已不再等待评价（已归档或重办），投诉人随后发来："
        "评价 {rating}；意见：{comment}",
        "en": "Late follow-up: case {number} no longer waited for a rating (closed or "
        "reopened) when its reporter sent: rating {rating}; comment: {comment}",
    },
    "clock_sign": {"zh": "签收", "en": "sign for"},
    "clock_resolve": {"zh": "办结", "en": "resolve"},
    "clock_rectify": {"zh": "整改", "en": "rectify"},
    "clock_report": {"zh": "报送", "en": "report"},
    "clock_follow_up": {"zh": "回访", "en": "follow up"},
    "clock_objection": {"zh": "异议处理", "en": "decide the objection"},
    "clock_repair_accept": {"zh": "信用修复受理", "en": "accept or refuse the repair request"},
    "clock_repair_decide": {"zh": "信用修复办理", "en": "decide the credit repair"},
    "clock_supervise": {"zh": "督办", "en": "answer the supervision order"},
    "button_sign": {"zh": "签收", "en": "Sign for"},
    "button_open": {"zh": "查看", "en": "Open"},
    "rate_satisfied": {"zh": "满意", "en": "Satisfied"},
    "rate_basically_satisfied": {"zh": "基本满意", "en": "Basically satisfied"},
    "rate_dissatisfied": {"zh": "不满意", "en": "Dissatisfied"},
    "clock_dispatch": {"zh": "派单", "en": "dispatch"},
    "clock_urgent_sign": {"zh": "紧急签收", "en": "sign for (urgent)"},
    # Issue 15: what a unit hears beside its clerks' reminders (email, robots, the inbox).
    "new_case": {
        "zh": "【新案件】案件 {number}（{category}）已派至{unit}，请及时签收。",
        "en": "New case: case {number} ({category}) was sent to {unit}; please sign for it.",
    },
    "ask_rating_email": {
        "zh": "您的投诉 {number} 已办结。答复：{reply}\n请打开下面的链接评价办理结果。",
        "en": "Your complaint {number} was resolved. Reply: {reply}\nPlease rate the outcome "
        "with the link below.",
    },
    "escalate_unit": {
        "zh": "【督办】{subject}（{what}）已逾期 {late} 个工作日，到期日 {due}，"
        "协调办督办，请立即办理。",
        "en": "Escalation (督办): {subject} ({what}) is {late} working day(s) overdue "
        "(due {due}); the lead office asks you to deal with it at once.",
    },
}


def shortened(value: str, limit: int) -> str:
    """Return a text of at most `limit` characters, its cut marked with "…"."""
    return value if len(value) <= limit else value[: limit - 1] + "…"


def text(key: str, language: str, **params: object) -> str:
    """Return a notification text in a language (Chinese when unknown)."""
    entry = TEXTS[key]
    return entry.get(language, entry["zh"]).format(**params)


def due_text(day: date, provisional: bool, language: str) -> str:
    """Return a due date as shown to people, marked when it is provisional (暂定)."""
    return day.isoformat() + (text("provisional_mark", language) if provisional else "")
