"""诉求类型一步的中文文字（投诉对话）。"""

REQUEST_TEXTS: dict[str, str] = {
    "request_type.ask": (
        "您的诉求看起来属于“{type}”。不同类型的诉求有各自的答复时限。"
        "是否正确？请点按确认，或选择更合适的类型："
    ),
    "request_type.yes": "✅ 是，{type}",
    "request_type.kept": "已记录：{type}。",
    "request_type.use_buttons": "请点按上面的一种诉求类型。",
    "request_type.complaint": "投诉",
    "request_type.report": "举报",
    "request_type.help": "求助",
    "request_type.inquiry": "咨询",
    "request_type.suggestion": "建议",
    "summary.request_type": "类型：{value}",
    "edit.request_type": "改类型",
}
