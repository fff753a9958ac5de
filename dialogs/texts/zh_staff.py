"""Chinese texts that clerks read: binding, the queue, signing, dishonesty records."""

STAFF_TEXTS: dict[str, str] = {
    # clerks
    "clerk.bind_usage": "请发送：/bind 绑定码（由区发展改革委提供）。",
    "clerk.bind_failed": "绑定码无效或已使用，请向区发展改革委重新申领。",
    "clerk.bound": "绑定成功：{name}，{unit}。",
    "clerk.not_bound": "此功能仅限工作人员使用。请先发送 /bind 绑定码 绑定账号。",
    "clerk.unbound": (
        "这个聊天已不再关联工作账号（账号已停用或已解除绑定）。如有疑问，请联系区发展改革委。"
    ),
    "clerk.queue_empty": "本单位暂无待签收案件。",
    "clerk.queue_title": "本单位待签收案件（{count} 件）：",
    "clerk.queue_item": "• {number} · {category} · 签收期限 {due}\n  {excerpt}",
    "clerk.sign": "签收 {number}",
    "clerk.sign_usage": "请发送：/sign 案件编号",
    "clerk.signed": "已签收 {number}。",
    # dishonesty records
    "record.person": "登记政务失信记录。失信当事人是谁？请输入姓名。",
    "record.unit": "当事人所在单位？请输入，或点本单位。",
    "record.own_unit": "本单位：{unit}",
    "record.finding": "失信行为由哪种方式认定？",
    "finding.court_judgment": "法院判决",
    "finding.administrative_penalty": "行政处罚",
    "finding.disciplinary_sanction": "纪律处分",
    "finding.accountability_decision": "问责决定",
    "record.document": "请输入认定文书的编号，如 （2026）津0106民初123号。",
    "record.arose": "失信信息是哪天产生的（文书生效日期）？须在 7 个工作日内报送。",
    "record.facts": "请简要说明失信事实和认定结果。",
    "record.too_short": "摘要太短，请至少写 {min} 个字。",
    "record.no_words": "摘要里要有文字（不能只有符号、数字或表情），请写明失信事实和认定结果。",
    "record.source": "这条记录来自哪件投诉？请输入本单位投诉案件的编号；没有请点「跳过」。",
    "record.source_unknown": "没有找到本单位的这件投诉案件。请核对编号，或点「跳过」。",
    "record.files": (
        "请发送认定文书等材料（最多 {max} 个，每个不超过 {mb} MB），发完点「完成」。"
        "已收到 {count} 个。"
    ),
    "record.filed": "✅ 失信记录已报送区发展改革委，编号：{number}。",
}
