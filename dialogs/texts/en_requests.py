"""English texts of the request-type step (诉求类型) of the complaint dialog."""

REQUEST_TEXTS: dict[str, str] = {
    "request_type.ask": (
        "This reads like {type}. Each kind has its own time limit for an answer. Is that "
        "right? Tap to confirm, or choose what fits better:"
    ),
    "request_type.yes": "✅ Yes, {type}",
    "request_type.kept": "Noted: {type}.",
    "request_type.use_buttons": "Please tap one of the kinds of request above.",
    "request_type.complaint": "Complaint (投诉)",
    "request_type.report": "Report of wrongdoing (举报)",
    "request_type.help": "Request for help (求助)",
    "request_type.inquiry": "Inquiry (咨询)",
    "request_type.suggestion": "Suggestion (建议)",
    "summary.request_type": "Kind: {value}",
    "edit.request_type": "Kind",
}
