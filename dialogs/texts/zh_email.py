"""`/email` 的中文文本：投诉人通过电子邮件接收进展（issue 15）。"""

EMAIL_TEXTS: dict[str, str] = {
    "email.none": (
        "尚未设置电子邮箱。发送 /email 邮箱地址（例如 /email you@example.com），"
        "即可同时通过电子邮件接收投诉进展和评价链接。"
    ),
    "email.current": (
        "您的投诉进展也会发送到 {address}。发送 /email 新地址 可以更改，或点按钮删除。"
    ),
    "email.remove": "✖ 删除此邮箱",
    "email.saved": "已保存：您在此提交的投诉的进展和评价链接也会发送到 {address}。",
    "email.confirm_sent": (
        "我们将向 {address} 发送一封确认邮件。打开邮件中的链接并点击“确认”后，"
        "您在此提交的投诉的进展和评价链接也会发送到该邮箱。链接 7 天内有效；"
        "如果没有收到，请再发送一次 /email {address}。"
    ),
    "email.limited": (
        "已保存：{address}。但今天为该邮箱或在此对话中申请的确认邮件已经太多，这次没有发送；"
        "确认后投诉进展才会发送到该邮箱。请明天再发送一次 /email {address} 获取新的链接。"
    ),
    "email.pending": (
        "邮箱 {address} 尚未确认：请打开我们发到该邮箱的确认链接（确认前不会向它发送任何进展）。"
        "发送 /email 新地址 可以更改，或点按钮删除。"
    ),
    "email.unavailable": (
        "本服务目前不发送电子邮件。投诉进展会在此对话中通知您；"
        "也可以随时用投诉编号查询（/status 编号）。"
    ),
    "email.removed": "已删除：进展不再通过电子邮件发送。",
    "email.malformed": "这不是有效的电子邮箱地址。请这样发送：/email you@example.com",
    "help.email": "/email 邮箱地址 同时通过电子邮件接收进展（只发 /email 可查看或删除）",
    "receipt.email": "发送 /email 邮箱地址，即可同时通过电子邮件接收进展。",
}
