"""Chinese texts (the default language)."""

from dialogs.texts.zh_email import EMAIL_TEXTS
from dialogs.texts.zh_record_requests import RECORD_REQUEST_TEXTS
from dialogs.texts.zh_records import RECORD_TEXTS
from dialogs.texts.zh_requests import REQUEST_TEXTS
from dialogs.texts.zh_staff import STAFF_TEXTS
from dialogs.texts.zh_status import STATUS_TEXTS
from dialogs.texts.zh_typed import TYPED
from dialogs.texts.zh_urgent import URGENT_TEXTS

TEXTS: dict[str, str] = {
    **TYPED,  # how to type a date, a case number, a PIN
    "error.internal": (
        "抱歉，系统暂时出了点问题，刚才这条没有处理，之前填写的内容都还在。"
        "请稍后再发一次；紧急情况请拨打 12345。"
    ),
    # start, menu, help, language
    "start.greeting": (
        "您好！这里是天津市红桥区政务诚信投诉举报受理渠道。\n"
        "政府部门或工作人员不兑现承诺、违约毁约、拖欠企业账款、招投标不公、执法不规范、"
        "应公开不公开等政务失信行为，都可以在这里反映，实名、匿名均可。\n\n"
        "⚠️ 遇到紧急危险，请立即拨打 110（报警）、119（火警）、120（急救）；"
        "其他咨询求助请拨打 12345 政务服务便民热线。"
    ),
    "menu.title": "请选择要办理的事项：",
    "menu.idle": "要投诉举报，请点「我要投诉」或发送 /report。也可以选择下面的其他事项：",
    "menu.report": "📝 我要投诉",
    "menu.mycases": "🔎 我的案件",
    "menu.queue": "📋 待签收案件",
    "menu.record": "📄 登记失信记录",
    "menu.lang": "🌐 语言 / Language",
    "help.citizen": (
        "可用命令：\n"
        "/report 投诉举报\n"
        "/status 编号 [提取码] 查询案件进度\n"
        "/mycases 我提交和关注的案件\n"
        "/lang 切换语言\n"
        "/cancel 取消当前操作，/back 返回上一步，/skip 跳过可选项\n"
        "紧急情况请拨打 110 / 119 / 120，其他诉求可拨打 12345 热线。"
    ),
    "help.clerk": (
        "联络员命令：\n/queue 本单位待签收案件\n/sign 编号 签收案件\n/record 登记政务失信记录\n"
        "/bind 绑定码 用新的绑定码重新绑定工作人员账号"
    ),
    "lang.ask": "请选择语言 / Choose a language:",
    "lang.switched": "已切换为中文。",
    "lang.unknown": "目前只支持中文和 English。",
    "flow.complaint": "投诉举报",
    "flow.record": "失信记录登记",
    "flow.rating": "回访评价",
    # navigation
    "nav.back": "⬅️ 返回",
    "nav.skip": "跳过 ➡️",
    "nav.went_back": "好的，返回上一步。",
    "nav.cancel": "✖️ 取消",
    "cancel.done": "已取消，填写的内容没有提交。需要时发送 /{command} 重新开始。",
    "cancel.done_plain": "已取消，填写的内容没有提交。",
    "cancel.nothing": "当前没有进行中的操作。发送 /report 开始投诉举报。",
    # inputs refused at any step
    "input.group": "为保护您的隐私，请在与我的私聊中投诉举报，群聊中的消息不予受理。",
    "input.edited": "已编辑的消息不会被读取。如需更正，请重新发送一条消息。",
    "input.media": "暂时只能识别文字、照片和文件，无法处理语音、视频或表情。请用文字描述。",
    "input.stale": "这个按钮已过期，请使用最新消息中的按钮。",
    "input.too_long": "消息太长（{length} 字），每条最多 {max} 字，请精简后重新发送。",
    "input.empty": "消息是空的，请输入文字。",
    "input.joined": (
        "您发来的长文字被 Telegram 分成了 {parts} 条消息，已按顺序合并为一段（共 {length} 字）。"
    ),
    "input.repeated": "这条消息已经收到，不必重发。",
    "input.unstorable": "消息里有无法保存的字符（例如 NUL 空字符），请删去后重新发送。",
    "input.idle_share": "要告诉我们地点或电话，请先发送 /report 开始投诉举报，到那一步再发送。",
    "input.idle_attachment": "要提交材料，请先发送 /report 开始投诉举报，再发送照片或文件。",
    "command.busy": "您正在进行「{flow}」。请先完成，或发送 /cancel 取消后再开始新的操作。",
    "command.idle": "当前没有进行中的操作。发送 /report 开始投诉举报。",
    "command.unknown": "没有这个命令。发送 /help 查看可用命令。",
    "step.use_buttons": "请点击下面的按钮选择。",
    "step.cannot_skip": "这一项必须填写，不能跳过。",
    "step.no_back": "已经是第一步了。如不想继续，请发送 /cancel。",
    "step.no_file": "这一步不需要照片或文件。",
    "step.no_location": "这一步不需要位置。",
    "step.no_contact": "这一步不需要联系方式。",
    "step.too_long": "内容太长，最多 {max} 字。",
    "step.no_words": "这里要有文字（不能只有符号、数字或表情），请重新输入。",
    # complaint
    "complaint.what": (
        "请描述发生了什么：哪个部门或单位、什么事、有什么影响（至少 {min} 字，最多 {max} 字）。"
        "照片和文件可以随时发送。"
    ),
    "complaint.too_short": "描述太短，请至少写 {min} 个字，说清楚发生了什么。",
    "complaint.no_words": "描述里要有文字（不能只有表情、数字或符号）：请用文字说清楚发生了什么。",
    "complaint.daily_limit": "今天已提交 {limit} 件投诉，已达当日上限，请明天再来。",
    "category.confirm": "看起来这属于「{category}」。对吗？",
    "category.yes": "✅ 对",
    "category.not_right": "不对，换一个",
    "category.choose": "这件事属于哪一类？请选择：",
    "category.none": "以上都不是",
    "category.none_found": "暂时判断不出类别，将由区发展改革委分派给相关单位。",
    "street.ask": "事情发生在哪个街道？请点选：",
    "street.or_share": "也可以点下方按钮分享位置，或直接输入社区、街道名称。",
    "street.share": "📍 分享位置",
    "street.unsure": "不确定",
    "street.unsure_label": "未确定（由牵头部门确认）",
    "street.kept": "地点：{street}",
    "street.not_found": "没能认出这个地点。请点选街道，或点「不确定」。",
    "street.outside": "这个位置不在本区范围内。请点选街道，或点「不确定」。",
    "similar.intro": "这些正在办理的案件和您反映的很像：",
    "similar.line": "• {number}：{category}，{holder}承办，{day} 受理",
    "similar.follow": "👀 关注 {number}",
    "similar.file_new": "仍然提交新的投诉",
    "similar.following": (
        "好的，案件 {number} 有进展时会通知您。也可以发送 /status {number} 查看。"
    ),
    "complaint.when": (
        "事情是哪天发生的？可以点按钮，或输入日期，如 2026-11-03、11月3日、前天、上周三；"
        "记不准也可以写大概的时间，如 上个月中旬、3月初、2024年底。"
    ),
    "date.today": "今天",
    "date.yesterday": "昨天",
    "complaint.evidence": (
        "有照片或文件作为证据吗？请直接发送（最多 {max} 个，每个不超过 {mb} MB），"
        "发完点「完成」。已收到 {count} 个。"
    ),
    "files.received": "已收到附件（{count}/{max}）。",
    "files.full": "附件已达上限 {max} 个。",
    "files.album": "这一组收到 {taken} 个附件（共 {count}/{max}）。",
    "files.album_full": "{count} 个未收下：附件最多 {max} 个。",
    "files.album_too_big": "{count} 个未收下：每个文件不能超过 {mb} MB。",
    "files.too_big": "文件太大，每个不能超过 {mb} MB。",
    "files.done": "完成（{count} 个）",
    "files.clear": "清空附件",
    "files.cleared": "已清空附件。",
    "files.use_files": "请发送照片或文件，或点「完成」/「跳过」。",
    "identity.ask": (
        "匿名还是实名？匿名投诉会得到一个提取码，凭编号和提取码查询进度；"
        "实名投诉需留下电话，方便承办单位联系您。您的身份不会告知被投诉单位。"
    ),
    "identity.anonymous": "🕶 匿名",
    "identity.named": "👤 实名",
    "contact.ask": "请点下方按钮分享手机号，或直接输入电话号码（手机或固话）。",
    "contact.share": "📱 分享我的手机号",
    "contact.or_back": "想改为匿名，可以返回上一步：",
    "contact.invalid": (
        "这不像是有效的电话号码。请输入 11 位手机号或带区号的固话，如 022-26271234。"
    ),
    "contact.shared_invalid": "分享的号码不是中国大陆的手机或固话，请直接输入电话号码。",
    "contact.kept": "电话：{phone}",
    "complaint.name": "怎么称呼您？（可跳过）",
    "complaint.filed_anonymous": (
        "✅ 已受理。案件编号：{number}\n\n🔑 提取码：{pin}\n\n"
        "提取码只显示这一次，请抄下或截图保存。查询进度请发送：/status {number} {pin}"
    ),
    "complaint.filed_named": (
        "✅ 已受理。案件编号：{number}\n"
        "办理有进展时会在这里通知您，也可以随时发送 /status {number} 查询。"
    ),
    # summaries
    "summary.complaint_title": "请核对投诉内容：",
    "summary.record_title": "请核对失信记录：",
    "summary.text": "内容：{value}",
    "summary.category": "类别：{value}",
    "summary.category_none": "未选择（由牵头部门分派）",
    "summary.street": "地点：{value}",
    "summary.when": "发生日期：{value}",
    "summary.files": "附件：{count} 个",
    "summary.anonymous": "身份：匿名",
    "summary.named": "身份：实名（{name}，{phone}）",
    "summary.person": "当事人：{value}",
    "summary.unit": "所在单位：{value}",
    "summary.finding": "认定方式：{value}",
    "summary.document": "文书编号：{value}",
    "summary.arose": "信息产生日期：{value}",
    "summary.facts": "情况摘要：{value}",
    "summary.source": "来源投诉：{value}",
    "summary.not_given": "未填写",
    "summary.clipped": "……（共 {length} 字，此处只显示开头，全文已完整保存）",
    "summary.confirm": "✅ 确认提交",
    "summary.use_buttons": "请点「确认提交」，或点要修改的项目。",
    "edit.text": "改内容",
    "edit.category": "改类别",
    "edit.street": "改地点",
    "edit.when": "改日期",
    "edit.files": "改附件",
    "edit.identity": "改身份",
    "edit.person": "改当事人",
    "edit.unit": "改单位",
    "edit.finding": "改认定方式",
    "edit.document": "改文书编号",
    "edit.source": "改来源投诉",
    "edit.arose": "改日期",
    "edit.facts": "改摘要",
    # refusals from the backend
    "refused.daily_limit": "今天提交的投诉已达上限，请明天再来。",
    "refused.text_empty": "请填写投诉内容。",
    "refused.text_too_short": "内容太短，请补充后再提交。",
    "refused.text_too_long": "内容太长，请精简后再提交。",
    "refused.unknown_category": "这个类别已不可用，请重新选择类别。",
    "refused.unknown_street": "这个街道已不可用，请重新选择地点。",
    "refused.occurred_in_future": "发生日期不能晚于今天，请修改日期。",
    "refused.record_needs_date": "请填写信息产生的日期。",
    "refused.named_needs_contact": "实名投诉请留下电话。",
    "refused.bad_phone": "电话号码格式不对，请修改。",
    "refused.already_rated": "这件案件已经评价过了，谢谢。",
    "refused.not_ratable": "这件案件现在不能评价。",
    "refused.already_signed": "这件案件已经签收过了。",
    "refused.not_waiting_to_sign": (
        "这件案件已不在等待签收的环节，无需签收。发送 /queue 查看待签收的案件。"
    ),
    "refused.not_your_unit": "这件案件不属于您的单位。",
    "refused.clerk_inactive": "您的工作账号已停用，请联系区发展改革委。",
    "refused.not_followable": "这件案件已经办结，不能再关注了；您可以继续提交新的投诉。",
    "refused.other": "暂时无法提交，请稍后再试，或拨打 12345 热线。",
    "refused.worded": "{message}",
    "case.received": "已受理",
    "case.triage": "分派中",
    "case.routed": "已派单",
    "case.signed": "已签收",
    "case.in_progress": "办理中",
    "case.resolved": "已办结",
    "case.closed": "已归档",
    "case.rejected": "不予受理",
    # rating
    "rating.ask": "您反映的案件 {number} 已办结。您对办理结果满意吗？",
    "rating.satisfied": "😊 满意",
    "rating.basically_satisfied": "🙂 基本满意",
    "rating.dissatisfied": "🙁 不满意",
    "rating.comment": "还有什么想说的吗？请输入意见，或点「跳过」。",
    "rating.why": "请说说哪里不满意，我们会重新办理。也可以点「跳过」。",
    "rating.thanks": "感谢您对案件 {number} 的评价。",
    "rating.reopened": "您的不满意评价已记录，案件将重新办理。",
    "rating.ask_late": (
        "案件 {number} 在您评价前已归档。您仍可以告诉我们办理结果，"
        "您的评价会作为备注记入该案件，由牵头部门查看。"
    ),
    "rating.why_late": "请说说哪里还不满意，或点「跳过」；您的意见会作为备注记入该案件。",
    "rating.noted": (
        "案件 {number} 已归档或重新办理，不能再评价；您的评价和意见已作为备注记入该案件，"
        "由牵头部门查看。"
    ),
    "rating.noted_dissatisfied": "如果问题仍未解决，您也可以发送 /report 重新投诉。",
    "rating.lapsed": "案件 {number} 已归档或重新办理，之前的评价问题不用再回答了。",
    **STAFF_TEXTS,
    **URGENT_TEXTS,  # immediate danger (issue 12)
    **REQUEST_TEXTS,  # the request-type step (诉求类型, issue 12)
    **RECORD_REQUEST_TEXTS,  # objections and credit repair (异议, 信用修复; issue 11)
    **RECORD_TEXTS,  # the /record dialog's newer steps (issue 11)
    **STATUS_TEXTS,  # /status and /mycases
    **EMAIL_TEXTS,  # /email: updates by email for a chat's reporter (issue 15)
}
