"""Messages for refused input, in Chinese and English, keyed by a stable code."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "text_empty": {"zh": "请填写投诉内容。", "en": "Please describe the complaint."},
    "text_too_short": {
        "zh": "投诉内容太短，请至少写 {min} 个字。",
        "en": "The text is too short: write at least {min} characters.",
    },
    "text_too_long": {
        "zh": "投诉内容太长（{length} 字），最多 {max} 字。",
        "en": "The text is too long ({length} characters); the limit is {max}.",
    },
    "unknown_category": {
        "zh": "没有这个类别：{value}。",
        "en": "Unknown category: {value}.",
    },
    "unknown_street": {"zh": "没有这个街道：{value}。", "en": "Unknown street: {value}."},
    "unknown_department": {
        "zh": "没有这个单位：{value}。",
        "en": "Unknown department: {value}.",
    },
    "occurred_in_future": {
        "zh": "发生日期不能晚于今天。",
        "en": "The date it happened cannot be in the future.",
    },
    "record_needs_date": {
        "zh": "失信记录必须填写信息产生的日期。",
        "en": "A dishonesty record needs the date the information arose (occurred_on).",
    },
    "named_needs_contact": {
        "zh": "实名投诉请留下姓名或电话。",
        "en": "A named report needs a name or a phone number.",
    },
    "bad_phone": {
        "zh": "电话号码格式不对：{value}。",
        "en": "That phone number does not look right: {value}.",
    },
    "reason_required": {
        "zh": "此操作需要填写理由。",
        "en": "This action needs a reason.",
    },
    "reply_required": {
        "zh": "办结需要填写给投诉人的答复。",
        "en": "Resolving needs a reply to the reporter.",
    },
    "department_required": {
        "zh": "改派需要指定单位。",
        "en": "Reassigning needs a department.",
    },
    "bad_extension": {
        "zh": "延期天数须在 1 到 {max} 个工作日之间。",
        "en": "An extension must be between 1 and {max} working days.",
    },
    "days_required": {
        "zh": "此操作需要填写天数。",
        "en": "This action needs a number of days.",
    },
    "bad_date": {
        "zh": "日期格式不对：{value}（应为 YYYY-MM-DD）。",
        "en": "Not a date: {value} (use YYYY-MM-DD).",
    },
    "merge_target_required": {
        "zh": "合并需要指定重复的原案件编号（into）。",
        "en": "Merging needs the number of the case this one repeats (into).",
    },
    "merge_target_unknown": {"zh": "没有找到案件 {value}。", "en": "No case {value}."},
    "merge_into_itself": {
        "zh": "案件不能与自身合并。",
        "en": "A case cannot be merged into itself.",
    },
    "merge_target_merged": {
        "zh": "案件 {value} 已被合并到其他案件，请合并到最终的那件。",
        "en": "Case {value} was itself merged; merge into the case it points to.",
    },
    "login_invalid": {
        "zh": "登录名须为 2 到 64 个字符，只能用小写字母、数字和 . _ -，并以字母或数字开头。",
        "en": "A login has 2 to 64 characters: lower-case letters, digits and . _ -, "
        "starting with a letter or a digit.",
    },
    "login_taken": {"zh": "登录名 {value} 已被使用。", "en": "The login {value} is taken."},
    "login_unknown": {
        "zh": "没有登录名为 {value} 的账号。",
        "en": "No account has the login {value}.",
    },
    "password_empty": {"zh": "请填写密码。", "en": "Please type a password."},
    "password_too_short": {
        "zh": "密码太短，至少需要 {min} 个字符。",
        "en": "The password is too short: use at least {min} characters.",
    },
    "password_too_long": {
        "zh": "密码太长，最多 {max} 个字符。",
        "en": "The password is too long: at most {max} characters.",
    },
    "password_mismatch": {
        "zh": "两次输入的密码不一致。",
        "en": "The two passwords are not the same.",
    },
    "staff_inactive": {
        "zh": "账号 {value} 已停用。",
        "en": "The account {value} is deactivated.",
    },
    "bad_cursor": {"zh": "分页游标无效。", "en": "The cursor is not valid."},
    "bad_request": {"zh": "请求内容有误：{value}", "en": "Bad request: {value}"},
    "overloaded": {
        "zh": "系统繁忙，请稍后重试。",
        "en": "The service is busy; please try again in a moment.",
    },
}


def render(code: str, language: str = "en", **params: object) -> str:
    """Return the message for a code in a language (Chinese or English)."""
    texts = MESSAGES.get(code, {"zh": code, "en": code})
    template = texts.get(language, texts["en"])
    return template.format(**params)
