"""Messages of the API and services (refused input, notes), in Chinese and English, by code."""

from __future__ import annotations

from backend.duty.messages import DUTY_MESSAGES
from backend.exports.messages import SHEET_MESSAGES
from backend.handoff.messages import HANDOFF_MESSAGES
from backend.open311.texts import OPEN311_MESSAGES
from backend.request_types.texts import JOINT_MESSAGES
from backend.stats.messages import STATS_MESSAGES

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
    "text_no_words": {
        "zh": "内容里要有文字（不能只有表情、数字或符号）：请用文字说明发生了什么。",
        "en": "The text needs words (not only emoji, digits or symbols): say what happened.",
    },
    "reply_no_words": {
        "zh": "答复里要有文字（不能只有表情、数字或符号）：请写明办理结果，投诉人会收到这段答复。",
        "en": "The reply needs words (not only emoji, digits or symbols): say what was done; "
        "the reporter receives this reply.",
    },
    "reason_no_words": {
        "zh": "理由里要有文字（不能只有表情、数字或符号）：请写明原因。",
        "en": "The reason needs words (not only emoji, digits or symbols): say why.",
    },
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
    "reassign_same_unit": {  # 改派 to the unit that holds the case: it would undo its work
        "zh": "本案已由{unit_zh}（{value}）办理，改派请选择另一个单位。",
        "en": "The case is with {unit_en} ({value}) already: reassign it to another unit.",
    },
    "unknown_channel": {
        "zh": "没有这个来源渠道：{value}。",
        "en": "Unknown channel: {value}.",
    },
    "occurred_in_future": {
        "zh": "发生日期不能晚于今天。",
        "en": "The date it happened cannot be in the future.",
    },
    "occurred_too_old": {
        "zh": "发生日期不能早于 {earliest}（{years} 年前）；请检查年份。",
        "en": "The date it happened cannot be before {earliest} (more than {years} years ago): "
        "please check the year.",
    },
    "record_needs_date": {
        "zh": "失信记录必须填写信息产生的日期。",
        "en": "A dishonesty record needs the date the information arose (occurred_on).",
    },
    "coordinates_pair": {
        "zh": "纬度（latitude）和经度（longitude）要一起给出。",
        "en": "Give latitude and longitude together.",
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
    "year_incomplete": {
        "zh": "{year} 年尚有法定节假日未录入为休息日：{days}。"
        "请先在工作台的日历页或用 intake calendar set 录入。",
        "en": "Statutory holidays of {year} are not entered as days off yet: {days}. "
        "Enter them first (the console's calendar page or intake calendar set).",
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
    "period_reversed": {
        "zh": "开始日期晚于结束日期。",
        "en": "The period starts after it ends.",
    },
    "measure_period_required": {
        "zh": "按统计指标查案件需要给出统计期间（measure_from 和 measure_to）。",
        "en": "Listing the cases of a measure needs its period (measure_from and measure_to).",
    },
    "measure_period_without_measure": {
        "zh": "统计期间只能与统计指标（measure）一起使用。",
        "en": "measure_from and measure_to go with a measure.",
    },
    "period_too_long": {
        "zh": "期间太长：趋势最多显示 {months} 个月，请缩短期间。",
        "en": "The period is too long: the trend shows at most {months} months. Shorten it.",
    },
    "too_many_buckets": {
        "zh": "期间太长，最多分成 {max} 段；请缩短期间或按周、按月统计。",
        "en": "The period has too many buckets (at most {max}): shorten it or group by week "
        "or month.",
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
    "unknown_rating": {
        "zh": "没有这个评价：{value}。可选：satisfied（满意）、basically_satisfied（基本满意）、"
        "dissatisfied（不满意）。",
        "en": "Unknown rating: {value}. Choose satisfied, basically_satisfied or dissatisfied.",
    },
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
    "upload_not_stored": {
        "zh": "文件暂时无法保存，请稍后再发送；已填写的内容不受影响。",
        "en": "The file could not be stored just now: please send it again later. What you "
        "have entered so far is kept.",
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
    "reassign_reason_required": {
        "zh": "承办单位已签收这件案件，改派请填写理由（会告知原承办单位）。",
        "en": "The unit holding this case has signed for it: give the reason for moving it "
        "(the unit is told).",
    },
    "forbidden_record_step": {
        "zh": "这项操作（{action}）不由您的单位办理。",
        "en": "This step ({action}) is not for your unit.",
    },
    "forbidden_action": {
        "zh": "你的角色（{role}）不能执行此操作：{action}。",
        "en": "Your role ({role}) may not do this: {action}.",
    },
    "other_unit": {
        "zh": "您只能查看本单位（{own}）的数据，不能查看 {asked} 的；"
        "请去掉单位条件，或选择本单位。",
        "en": "You can see your own unit's data only ({own}), not {asked}'s: leave the unit "
        "out, or choose your own.",
    },
    "not_found": {"zh": "没有找到。", "en": "Not found."},
    "stale_version": {
        "zh": "案件已被他人修改，请重新读取后再试。",
        "en": "The case was changed by someone else: read it again and retry.",
    },
    "already_sent": {
        "zh": "您刚才已经提交过同样内容的这项操作，这次没有再执行。",
        "en": "You took this action with the same words a moment ago; it was not taken again.",
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
    "bad_query_encoding": {
        "zh": "地址中的参数 '{field}' 不是有效的 UTF-8 编码，请按 UTF-8 编码后重新发送。",
        "en": "The address's parameter '{field}' is not valid UTF-8; send it again encoded "
        "as UTF-8.",
    },
    "bad_form_encoding": {
        "zh": "表单中的 '{field}' 含有不是有效 UTF-8 的文字（显示为 �），没有保存。"
        "请改正后重新提交。",
        "en": "The form's field '{field}' holds text that is not valid UTF-8 (shown as �); "
        "nothing was saved. Correct it and send the form again.",
    },
    "json_too_deep": {
        "zh": "请求内容的 JSON 嵌套太深，最多 {max} 层。",
        "en": "The request body's JSON is nested too deeply; the limit is {max} levels.",
    },
    **STATS_MESSAGES,  # the dashboard's figures (backend/stats/messages.py)
    # Internal notes (backend/cases/notes.py).
    "note_required": {"zh": "请填写备注内容。", "en": "Please write the note."},
    "note_too_long": {
        "zh": "备注太长，最多 {max} 字。",
        "en": "The note is too long; the limit is {max} characters.",
    },
    "bad_days": {
        "zh": "天数须是 1 到 {max} 之间的整数。",
        "en": "The days must be a whole number from 1 to {max}.",
    },
    "unknown_action": {
        "zh": "没有这个操作：{value}。",
        "en": "Unknown action: {value}.",
    },
    "unstorable_form_text": {
        "zh": "填写的内容含有无法保存的字符（NUL 或不成对的代理字符），请删去后再试。",
        "en": "What you typed contains a character that cannot be stored (NUL or a lone "
        "surrogate): remove it and try again.",
    },
    **SHEET_MESSAGES,  # the case list as a spreadsheet (backend/exports/messages.py)
    **OPEN311_MESSAGES,
    **HANDOFF_MESSAGES,
    **JOINT_MESSAGES,  # request types, supervision, joint handling (issue 12)
    **DUTY_MESSAGES,  # the on-duty roster (issue 12)
    # Administration of staff accounts and the calendar (console and CLI alike).
    "name_required": {
        "zh": "请填写姓名（姓名为空）。",
        "en": "The name is empty: give the person's name.",
    },
    "name_too_long": {
        "zh": "姓名太长，最多 {max} 个字符。",
        "en": "The name is too long: at most {max} characters.",
    },
    "evaluator_lead_office": {
        "zh": "第三方评估账号属于牵头单位（{unit}），不属于被评估的单位：请不选单位或选牵头单位。",
        "en": "An evaluator's account belongs to the lead office ({unit}), not to a unit it "
        "assesses: choose no unit or the lead office.",
    },
    "coordinator_lead_office": {
        "zh": "协调员属于牵头单位（{unit}）：请不选单位或选牵头单位；其他单位的账号请选联络员。",
        "en": "A coordinator belongs to the lead office ({unit}): choose no unit or the lead "
        "office; for another unit's staff choose clerk.",
    },
    "role_unknown": {
        "zh": "角色只能是协调员、联络员或第三方评估，不能是 {value}。",
        "en": "The role must be coordinator, clerk or evaluator, not {value}.",
    },
    "clerk_needs_unit": {
        "zh": "联络员必须属于一个单位，请选择单位。",
        "en": "A clerk belongs to one unit: choose the unit.",
    },
    "staff_unknown": {
        "zh": "没有编号为 {value} 的账号。",
        "en": "There is no staff account #{value}.",
    },
    "login_missing": {
        "zh": "账号 {value} 没有登录名，不能登录工作台，也就不能设置密码。",
        "en": "The account {value} has no console login, so it has no password to set.",
    },
    "cannot_deactivate_self": {
        "zh": "不能停用自己的账号。",
        "en": "You cannot deactivate your own account.",
    },
    "cannot_deactivate_last_coordinator": {
        "zh": "这是最后一个在用的协调员账号，不能停用：否则没有人能分派案件或恢复访问。",
        "en": "This is the last active coordinator: without one nobody could place cases "
        "or restore access.",
    },
    "day_required": {
        "zh": "请填写日期：按 年-月-日 填写，例如 2026-10-08。",
        "en": "Give the date: YYYY-MM-DD, for example 2026-10-08.",
    },
    "date_invalid": {
        "zh": "日期格式不对：{value}。请按 年-月-日 填写，例如 2026-10-08。",
        "en": "Not a date: {value}. Use YYYY-MM-DD, for example 2026-10-08.",
    },
    "day_out_of_range": {
        "zh": "日期须在 {first} 到 {last} 之间。",
        "en": "Use a date from {first} to {last}.",
    },
    "day_kind_required": {
        "zh": "请选择这一天是休息日还是工作日。",
        "en": "Choose whether the day is a day off or a working day.",
    },
    "comment_unstorable": {
        "zh": "评价意见中有无法保存的字符（如 NUL），请删去后再提交。",
        "en": "The comment contains a character that cannot be stored (such as NUL): "
        "remove it and send it again.",
    },
    "comment_too_long": {
        "zh": "评价意见最多 {max} 个字，您填写了 {length} 个字。",
        "en": "The comment is too long: at most {max} characters, and it has {length}.",
    },
    "reason_too_long": {
        "zh": "理由太长，最多 {max} 个字符。",
        "en": "The reason is too long: at most {max} characters.",
    },
    "not_ready_database": {
        "zh": "数据库无法连接。",
        "en": "The database does not answer.",
    },
    "not_ready_migrations": {
        "zh": "数据库结构不是最新版本，请运行 intake db upgrade。",
        "en": "The database schema is not the newest: run `intake db upgrade`.",
    },
    "not_ready_calendar": {
        "zh": "工作日日历未覆盖今天所在年份，期限暂按估算计算：请录入该年的节假日安排。",
        "en": "The working-day calendar does not cover this year, so deadlines are provisional: "
        "enter its holidays.",
    },
    "idempotency_key_reused": {
        "zh": "这个 Idempotency-Key 已用于另一份内容不同的投诉；"
        "重发请使用原内容，新投诉请换一个新键。",
        "en": "This Idempotency-Key was used for a complaint with another text: resend the same "
        "request, or use a new key for a new complaint.",
    },
    "pause_overdue": {
        "zh": "时限已过（{due} 到期），不能暂停计时：请尽快办结，或申请延期。",
        "en": "The time limit has passed (due {due}): a late clock cannot be paused. Resolve "
        "the case, or ask for more time.",
    },
    "clock_already_paused": {
        "zh": "计时已经暂停，无需再次暂停；投诉人答复后，请恢复计时。",
        "en": "The clock is paused already; resume it once the reporter answers.",
    },
    "clock_not_paused": {
        "zh": "计时没有暂停，无需恢复。",
        "en": "The clock is not paused: there is nothing to resume.",
    },
    "evaluator_contact_search": {
        "zh": "评估人员不能按联系方式搜索（电话、证件号、邮箱）："
        "案件中的联系方式对评估人员是隐去的。",
        "en": "An evaluator cannot search by contact details (a phone, an ID card, an e-mail "
        "address): they are masked in every text an evaluator reads.",
    },
    "idempotency_key_case_elsewhere": {
        "zh": "这个 Idempotency-Key 已经提交过案件 {number}；"
        "该案件现由其他单位办理，不能向你显示。",
        "en": "This Idempotency-Key already filed case {number}; another unit handles it now, "
        "so it is not shown to you.",
    },
    "idempotency_key_invalid": {
        "zh": "Idempotency-Key 须为 8 到 100 个可见 ASCII 字符（例如一个 UUID）。",
        "en": "Idempotency-Key must be 8 to 100 visible ASCII characters (a UUID, say).",
    },
    # /metrics (backend/observability/endpoint.py)
    "metrics_token_required": {
        "zh": "读取监控指标需要令牌：请在 Authorization 头中发送 Bearer 令牌"
        "（INTAKE_METRICS_TOKEN）。",
        "en": "The metrics need a token: send it as Authorization: Bearer (INTAKE_METRICS_TOKEN).",
    },
    "metrics_forbidden": {
        "zh": "监控指标只对内部地址开放（INTAKE_METRICS_NETWORKS）。",
        "en": "The metrics are served to internal addresses only (INTAKE_METRICS_NETWORKS).",
    },
}


def render(code: str, language: str = "en", **params: object) -> str:
    """Return the message for a code in a language (Chinese or English)."""
    texts = MESSAGES.get(code, {"zh": code, "en": code})
    template = texts.get(language, texts["en"])
    return template.format(**params)


# Issue 11: the record services' refusals live with them (this file is past its size).
from backend.records.messages import RECORD_MESSAGES  # noqa: E402

MESSAGES.update(RECORD_MESSAGES)
