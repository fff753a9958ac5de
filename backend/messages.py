"""Messages of the API and services (refused input, notes), in Chinese and English, by code."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # Shown to a clerk in place of a merge's reason when the other case is another unit's.
    "merged_with_another": {
        "zh": "已与另一案件合并办理。",
        "en": "Merged with another case.",
    },
    "another_case": {"zh": "［另一案件］", "en": "[another case]"},
    "another_merged_in": {
        "zh": "另一案件已并入本案。",
        "en": "Another case was merged into this one.",
    },
    "record_filed_elsewhere": {
        "zh": "已据此案件提交一条政务失信记录。",
        "en": "A dishonesty record was filed from this case.",
    },
    "record_takes_no_category": {
        "zh": "失信记录不属于投诉类别，不能指定类别（category）。",
        "en": "A dishonesty record takes no complaint category (category).",
    },
    "source_case_only_records": {
        "zh": "只有失信记录可以填写来源投诉（source_case）。",
        "en": "Only a dishonesty record names the complaint it came from (source_case).",
    },
    "source_case_unknown": {
        "zh": "没有找到可关联的投诉案件，请核对编号。",
        "en": "No complaint with that number that you may see; check the number.",
    },
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
        "zh": "{field} 不是日期，请写成 YYYY-MM-DD。",
        "en": "{field} is not a date: write it as YYYY-MM-DD.",
    },
    "from_after_to": {
        "zh": "开始日期（from）晚于结束日期（to）。",
        "en": "The period's start (from) is after its end (to).",
    },
    "anonymous_with_reporter": {
        "zh": "匿名投诉不能带投诉人信息。",
        "en": "An anonymous case carries no reporter.",
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
    "merge_target_not_open": {
        "zh": "案件 {value} 已办结、归档或不予受理，不能再并入案件；如需办理请先重办。",
        "en": "Case {value} is resolved, closed or not accepted; nothing can be merged into "
        "it (reopen it first).",
    },
    "merge_target_other_kind": {
        "zh": "投诉和失信记录不能相互合并（案件 {value} 是另一类）。",
        "en": "A complaint and a dishonesty record cannot be merged (case {value} is the "
        "other kind).",
    },
    "bad_cursor": {"zh": "分页游标无效。", "en": "The cursor is not valid."},
    "bad_request": {"zh": "请求内容有误：{value}", "en": "Bad request: {value}"},
    "overloaded": {
        "zh": "系统繁忙，请稍后重试。",
        "en": "The service is busy; please try again in a moment.",
    },
    "upload_not_open": {
        "zh": "照片和文件只在填写投诉或失信记录时接收：请先发送 /report 开始投诉，再发送材料。",
        "en": "Photos and documents are taken only while a complaint or a record is being "
        "filled in: send /report first, then the files.",
    },
    "upload_dialog_full": {
        "zh": "这份材料已有 {max} 个附件，不能再添加。",
        "en": "This report already has {max} attachments, the most it can take.",
    },
    "upload_daily_files": {
        "zh": "今天已上传 {max} 个文件，达到每日上限，请明天再发送。",
        "en": "You have sent {max} files today, the daily limit: please send more tomorrow.",
    },
    "upload_daily_bytes": {
        "zh": "每天最多上传 {mb} MB，今天还剩 {left} MB，放不下这个文件，请明天再发送。",
        "en": "Uploads are limited to {mb} MB a day and {left} MB are left today, too little "
        "for this file: please send it tomorrow.",
    },
    "unstorable_text": {
        "zh": "{field} 含有无法保存的字符（NUL 或不成对的代理字符），请删去后再试。",
        "en": "{field} contains a character that cannot be stored (NUL or a lone surrogate): "
        "remove it and try again.",
    },
    "date_out_of_range": {
        "zh": "{field} 须在 {first} 到 {last} 之间。",
        "en": "{field} must be between {first} and {last}.",
    },
    "beyond_calendar": {
        "zh": "这个日期超出了日历能计算的范围。",
        "en": "That is beyond the dates the calendar can count.",
    },
    "unauthorized": {
        "zh": "需要有效的 Bearer 令牌。",
        "en": "A valid Bearer token is required.",
    },
    "forbidden": {"zh": "你的角色不能执行此操作。", "en": "Your role may not do this."},
    "not_found": {"zh": "没有找到。", "en": "Not found."},
    "stale_version": {
        "zh": "案件已被他人修改，请重新读取后再试。",
        "en": "The case was changed by someone else: read it again and retry.",
    },
    "invalid_transition": {
        "zh": "案件当前的状态不允许这个操作。",
        "en": "The case's current state does not allow this action.",
    },
    "method_not_allowed": {
        "zh": "这个地址不支持 {method} 请求。",
        "en": "This address does not take {method} requests.",
    },
    "body_too_large": {
        "zh": "请求内容太大，最多 {max} 字节。",
        "en": "The request body is too large; the limit is {max} bytes.",
    },
    "bad_json": {
        "zh": "请求内容不是有效的 JSON。",
        "en": "The request body is not valid JSON.",
    },
    "json_too_deep": {
        "zh": "请求内容的 JSON 嵌套太深，最多 {max} 层。",
        "en": "The request body's JSON is nested too deeply; the limit is {max} levels.",
    },
}


def render(code: str, language: str = "en", **params: object) -> str:
    """Return the message for a code in a language (Chinese or English)."""
    texts = MESSAGES.get(code, {"zh": code, "en": code})
    template = texts.get(language, texts["en"])
    return template.format(**params)
