"""English console texts of request types, supervision orders and joint handling (issue 12)."""

TEXTS: dict[str, str] = {
    "case.action.set_request_type": "Change the kind of request",
    "case.action.supervise": "Issue a supervision order (督办)",
    "case.action.assist": "Add an assisting unit (协办)",
    "case.action.assist_report": "Report as assisting unit",
    "case.done.set_request_type": "Kind of request changed; the resolve clock follows its limit.",
    "case.done.supervise": "Supervision order issued; the unit is told and its clock runs.",
    "case.done.assist": "Assisting unit added; its clerks are told and see the case.",
    "case.done.assist_report": "Report recorded in the history.",
    "case.field.request_type": "Kind of request",
    "case.clock.supervise": "Supervision order",
    "case.detail.request_type": "kind of request",
    "case.request_type": "Kind of request",
    "case.request_type.inquiry": "inquiry (咨询)",
    "case.request_type.help": "request for help (求助)",
    "case.request_type.complaint": "complaint (投诉)",
    "case.request_type.report": "report of wrongdoing (举报)",
    "case.request_type.suggestion": "suggestion (建议)",
    "case.lead_unit": "Lead unit (主办)",
    "case.assisting_units": "Assisting units (协办)",
}
