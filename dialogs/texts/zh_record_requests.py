"""Chinese texts of the objection (异议) and credit repair (信用修复) dialogs."""

RECORD_REQUEST_TEXTS: dict[str, str] = {
    "menu.objection": "⚖️ 对失信记录提出异议",
    "menu.repair": "♻️ 申请信用修复",
    "help.records": (
        "被记录的人员或单位（或其代理人）：\n"
        "/objection — 对政务失信记录提出异议\n"
        "/repair — 整改完成后申请信用修复"
    ),
    "flow.objection": "异议申请",
    "flow.repair": "信用修复申请",
    "objection.number": (
        "请发送要提出异议的政务失信记录编号（形如 HQ-261127-0042，可在公示页面 /public/records "
        "查到）。"
    ),
    "repair.number": "请发送要申请信用修复的政务失信记录编号（形如 HQ-261127-0042）。",
    "requests.number_malformed": "这不是一个记录编号。记录编号形如 HQ-261127-0042。",
    "requests.found": "记录 {number}：{person}（{unit}）。",
    "requests.found_unpublished": "记录 {number}（未在公示中，这里不显示它的内容）。",
    "requests.requester": "请问您是：",
    "requests.requester.person": "被记录的本人",
    "requests.requester.unit": "被记录的单位",
    "requests.requester.representative": "代理人",
    "requests.name": (
        "请写出提出人的姓名（单位请写单位名称，代理人请写代理人姓名及所代理的一方）："
    ),
    "objection.reasons": "请写明异议的事实和理由（至少 {min} 个字）：",
    "repair.reasons": "请说明已完成的整改情况和申请信用修复的理由（至少 {min} 个字）：",
    "requests.too_short": "内容太短，请写明事实和理由（至少 {min} 个字）。",
    "requests.no_words": "理由里要有文字（不能只有符号、数字或表情），请写明事实和理由。",
    "requests.files": (
        "有证明材料吗？请直接发送照片或文件（最多 {max} 个，每个不超过 {mb} MB），"
        "发完点「完成」。已收到 {count} 个。"
    ),
    "summary.objection_title": "请核对异议申请：",
    "summary.repair_title": "请核对信用修复申请：",
    "summary.record_number": "记录编号：{value}",
    "summary.requester": "提出人：{value}",
    "summary.reasons": "理由：{value}",
    "edit.record_number": "改记录编号",
    "edit.requester": "改身份",
    "edit.requester_name": "改姓名",
    "edit.reasons": "改理由",
    "objection.filed": (
        "异议已提交（记录 {number}）。公示中的记录会标注「异议处理中」，"
        "区发展改革委将在 {days} 个工作日内作出决定，结果会发到这里。"
    ),
    "repair.filed": (
        "信用修复申请已提交（记录 {number}）。区发展改革委将在 {days} 个工作日内决定是否受理，"
        "结果会发到这里。"
    ),
    "refused.record_unknown": (
        "没有找到可以办理这项申请的记录，请核对编号后重新发送。如有疑问，请联系区发展改革委。"
    ),
    "refused.record_draft": "这条记录尚未报送，暂时不能办理。",
    "refused.record_withdrawn": "这条记录已经撤销，无需办理。",
    "refused.record_repaired": "这条记录已经完成信用修复，无需办理。",
    "refused.objection_pending": "这条记录已有异议正在处理，请等待决定。",
    "refused.repair_needs_rectification": "信用修复须在整改经区发展改革委验收通过后申请。",
    "refused.repair_pending": "这条记录已有信用修复申请正在办理，请等待结果。",
    "refused.record_request_not_now": "这条记录现在不能办理这项申请。",
    "intent.objection": (
        "您说的似乎是对政务失信记录的异议，而不是投诉。异议由区发展改革委按异议程序办理。"
    ),
    "intent.repair": "您说的似乎是信用修复申请，而不是投诉。信用修复按修复程序办理。",
    "intent.go_objection": "⚖️ 提出异议",
    "intent.go_repair": "♻️ 申请信用修复",
    "intent.complaint": "📝 不，这是投诉",
}
