"""/status 和 /mycases 的中文文本：按编号和提取码查询案件、本对话的案件。"""

STATUS_TEXTS: dict[str, str] = {
    # status
    "status.usage": "请发送：/status 案件编号 [提取码]，例如 /status HQ-261127-0042 123456",
    # The same answer whatever the reason (pins.py): it names the pause without confirming it.
    "status.not_found": (
        "没有找到这件案件。请核对案件编号和提取码。如果确认无误：为防止他人猜测提取码，"
        "一件案件被连续输错多次后，按提取码查询会暂停一小时，请稍后再试；"
        "在提交投诉的对话中发送 /mycases 查看不受影响。"
    ),
    "status.pin_needed": (
        "本对话没有提交或关注案件 {number}。查询在别处提交的案件，请连同提取码一起发送，"
        "例如：/status {number} 123456"
    ),
    "status.header": "案件 {number}：{status}",
    "status.holder": "承办单位：{unit}",
    "status.category": "类别：{category}",
    "status.updated": "最近更新：{day}",
    "status.reply": "答复：{reply}",
    "status.merged": "已与案件 {number} 合并办理，发送 /status {number} 查看进展。",
    "status.none_mine": "您在这里还没有提交或关注过案件。发送 /report 开始投诉举报。",
    "status.mine_title": "您提交和关注的案件：",
    "status.mine_line": "{number} · {status} · {day}",
    "status.mine_following": "{number} · {status} · {day} · 👀 关注",
    "status.mine_hint": "查看详情请发送 /status 案件编号",
}
