"""诉求类型、督办和主办/协办的工作台中文文字（议题 12）。"""

TEXTS: dict[str, str] = {
    "case.action.set_request_type": "更改诉求类型",
    "case.action.supervise": "督办",
    "case.action.assist": "增加协办单位",
    "case.action.assist_report": "提交协办反馈",
    "case.done.set_request_type": "诉求类型已更改，办结期限随之调整。",
    "case.done.supervise": "已督办，承办单位已收到通知，督办期限开始计算。",
    "case.done.assist": "已增加协办单位，其经办人已收到通知并可查看本案。",
    "case.done.assist_report": "协办反馈已记入办理记录。",
    "case.field.request_type": "诉求类型",
    "case.clock.supervise": "督办期限",
    "case.detail.request_type": "诉求类型",
    "case.request_type": "诉求类型",
    "case.request_type.inquiry": "咨询",
    "case.request_type.help": "求助",
    "case.request_type.complaint": "投诉",
    "case.request_type.report": "举报",
    "case.request_type.suggestion": "建议",
    "case.lead_unit": "主办单位",
    "case.assisting_units": "协办单位",
}
