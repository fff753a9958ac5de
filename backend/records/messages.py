"""The record services' refusals in Chinese and English (merged into backend.messages)."""

from __future__ import annotations

RECORD_MESSAGES: dict[str, dict[str, str]] = {
    "record_idempotency_key_reused": {
        "zh": "这个 Idempotency-Key 已用于另一个内容不同的失信记录请求；"
        "重发同一请求请保持内容不变，新的请求请换一个新的 Key。",
        "en": "This Idempotency-Key was used for another record request: resend the same "
        "request unchanged, or use a new key for a new one.",
    },
    "record_stale_version": {
        "zh": "这条失信记录已被他人修改，请重新读取后再试。",
        "en": "The record was changed by someone else: read it again and retry.",
    },
    "record_invalid_transition": {
        "zh": "这条失信记录当前的状态不允许这个操作。",
        "en": "The record's current state does not allow this action.",
    },
    "record_person_required": {
        "zh": "请填写失信人员姓名。",
        "en": "Please give the name of the person the record is about.",
    },
    "unknown_finding_type": {
        "zh": "认定类型应为法院判决、行政处罚、纪律处分或问责决定之一。",
        "en": "The finding must be a judgment, penalty, sanction or accountability decision.",
    },
    "unknown_severity": {
        "zh": "严重程度应为轻微、一般或严重之一。",
        "en": "The severity must be minor, general or serious.",
    },
    "record_arisen_in_future": {
        "zh": "信息产生日期不能晚于今天。",
        "en": "The date the information arose cannot be in the future.",
    },
    "record_arisen_too_old": {
        "zh": "信息产生日期不能早于 {earliest}（{years} 年前）；请检查年份。",
        "en": "The date the information arose cannot be before {earliest} (more than {years} "
        "years ago): please check the year.",
    },
    "record_already_filed": {
        "zh": "这个人员依据同一文书（{document}）的失信记录已经登记，编号 {number}："
        "不必重复登记；内容有误的，请在该记录上更正。",
        "en": "A record of this person on the same document ({document}) is filed already as "
        "{number}: it need not be filed again; correct that record if it is wrong.",
    },
    "correction_needs_upheld": {
        "zh": "只有异议成立时才能更正记录：不成立的，请清空更正内容；成立的，请选择「成立」。",
        "en": "A record is corrected only when the objection is upheld: clear the correction, "
        "or uphold the objection.",
    },
    "outcome_needs_upheld": {
        "zh": "异议不成立时没有处理结果：决定为「不成立」，又选了处理结果（更正或撤销记录）。"
        "请清空处理结果，或把决定改为「成立」。",
        "en": "A dismissed objection has no outcome: the decision is dismissed (upheld false), "
        "yet an outcome (corrected or withdrawn) was given. Clear the outcome, or uphold the "
        "objection.",
    },
    "correction_needs_corrected": {
        "zh": "处理结果为「撤销记录」时不更正记录：又填了更正后的摘要或严重程度。"
        "请清空更正内容，或把处理结果改为「更正记录」。",
        "en": "A withdrawn record is not corrected: the outcome is withdrawn, yet a correction "
        "(summary or severity) was given. Clear the correction, or choose corrected.",
    },
    "correction_graver": {
        "zh": "异议成立后不能把记录改得更严重（公示期会更长）；需要加重的，请另行登记。",
        "en": "An upheld objection cannot make the record graver (its publicity would run "
        "longer); file a new record if it is graver.",
    },
    "record_document_required": {
        "zh": "请填写文书编号（文号）；手续尚不齐全的，请先登记为草稿。",
        "en": "Please give the document number; while the paperwork is incomplete, register "
        "the record as a draft.",
    },
    "record_severity_required": {
        "zh": "请选择严重程度（轻微、一般、严重）。",
        "en": "Please give the severity (minor, general or serious).",
    },
    "record_post_no_words": {
        "zh": "职务没有可读的文字：请写出职务，或不填。",
        "en": "The post has no words: write the post, or leave it out.",
    },
    "record_authority_no_words": {
        "zh": "认定机关没有可读的文字：请写出作出认定的机关，或不填。",
        "en": "The deciding authority has no words: name it, or leave it out.",
    },
    "record_post_too_long": {
        "zh": "职务太长，最多 {max} 个字符。",
        "en": "The post is too long: at most {max} characters.",
    },
    "record_authority_too_long": {
        "zh": "认定机关太长，最多 {max} 个字符。",
        "en": "The deciding authority is too long: at most {max} characters.",
    },
    "document_too_long": {
        "zh": "文号太长，最多 {max} 个字符。",
        "en": "The document number is too long: at most {max} characters.",
    },
    "statement_too_long": {
        "zh": "说明或报告太长，最多 {max} 个字符。",
        "en": "The explanation or report is too long: at most {max} characters.",
    },
    "record_severity_fixed": {
        "zh": "这条记录已有严重程度，公示时不能更改；要更正严重程度，请通过异议处理。",
        "en": "This record already has a severity, which publishing does not change; a "
        "severity is corrected by deciding an objection.",
    },
    "unknown_record_state": {
        "zh": "没有这个记录状态：{value}。",
        "en": "Unknown record state: {value}.",
    },
    "explanation_required": {
        "zh": "请填写书面说明。",
        "en": "Please give the written explanation.",
    },
    "rectification_report_required": {
        "zh": "请填写整改报告。",
        "en": "Please give the rectification report.",
    },
    "objector_required": {
        "zh": "请说明提出人（本人、单位或代理人）及其姓名或名称。",
        "en": "Please say who this comes from (person, unit or representative) and their name.",
    },
    "decision_required": {
        "zh": "请选择决定：异议成立或不成立。",
        "en": "Please choose the decision: is the objection upheld?",
    },
    "repair_decision_required": {
        "zh": "请选择决定：同意信用修复或不同意。",
        "en": "Please choose the decision: is the credit repair granted?",
    },
    "outcome_required": {
        "zh": "异议成立时，请选择处理结果：更正记录或撤销记录。",
        "en": "An upheld objection needs its outcome: corrected or withdrawn.",
    },
    "correction_required": {
        "zh": "更正记录时，请填写更正后的失信事实摘要或严重程度（须与原记录不同）。",
        "en": "A correction needs the corrected summary or severity (different from the "
        "record's).",
    },
    "leniency_required": {
        "zh": "请选择从轻处理或免予处理。",
        "en": "Please say whether the measures are reduced or waived.",
    },
    "publicity_months_out_of_range": {
        "zh": "该严重程度的公示期为 {min} 至 {max} 个月。",
        "en": "The publicity period for this severity is {min} to {max} months.",
    },
    "record_summary_required": {
        "zh": "请填写失信事实和处理决定的摘要。",
        "en": "Please give a summary of the facts and the decision.",
    },
    "record_summary_too_short": {
        "zh": "记录摘要太短，请至少写 {min} 个字。",
        "en": "The summary is too short: write at least {min} characters.",
    },
    "record_summary_too_long": {
        "zh": "记录摘要太长（{length} 字），最多 {max} 字。",
        "en": "The summary is too long ({length} characters); the limit is {max}.",
    },
    "record_use_records_api": {
        "zh": "失信记录请通过 POST /api/v1/records 报送"
        "（含被记录人、单位、认定类型、文号和严重程度），不再作为案件提交。",
        "en": "File a dishonesty record with POST /api/v1/records "
        "(person, unit, finding, document number and severity), not as a case.",
    },
    "record_report_needs_document": {
        "zh": "报送前请填写文书编号（文号）。",
        "en": "Please give the document number to report the record.",
    },
}
