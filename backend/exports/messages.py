"""The case list as a spreadsheet (backend/exports/cases_xlsx.py): headings, in zh and en."""

from __future__ import annotations

SHEET_MESSAGES: dict[str, dict[str, str]] = {
    "export_too_large": {
        "zh": "符合条件的案件超过 {max} 件，无法一次导出。"
        "请缩小筛选范围（如期间、单位、状态）后再导出。",
        "en": "More than {max} cases match; narrow the filters (period, unit, status) "
        "and export again.",
    },
    "export_sheet": {"zh": "案件清单", "en": "Cases"},
    "export_col_number": {"zh": "案件编号", "en": "Case number"},
    "export_col_kind": {"zh": "类型", "en": "Kind"},
    "export_col_status": {"zh": "状态", "en": "Status"},
    "export_col_category": {"zh": "类别", "en": "Category"},
    "export_col_department": {"zh": "承办单位", "en": "Unit"},
    "export_col_request_type": {"zh": "诉求类型", "en": "Request type"},
    "export_col_assisting": {"zh": "协办单位", "en": "Assisting units"},
    "export_col_street": {"zh": "街道", "en": "Street"},
    "export_col_channel": {"zh": "来源渠道", "en": "Channel"},
    "export_col_received": {"zh": "受理时间（天津时间）", "en": "Received (Tianjin time)"},
    "export_col_updated": {"zh": "最近更新（天津时间）", "en": "Last updated (Tianjin time)"},
    "export_col_occurred_on": {"zh": "发生日期", "en": "Date of the events"},
    "export_col_text": {"zh": "投诉内容", "en": "Text as filed"},
    "export_col_reporter_name": {"zh": "举报人姓名", "en": "Reporter's name"},
    "export_col_reporter_phone": {"zh": "举报人电话", "en": "Reporter's phone"},
    "case_kind_complaint": {"zh": "投诉举报", "en": "complaint"},
    "case_kind_dishonesty_record": {"zh": "政务失信记录", "en": "dishonesty record"},
    "case_status_received": {"zh": "已受理", "en": "received"},
    "case_status_triage": {"zh": "待分派", "en": "waiting for triage"},
    "case_status_routed": {"zh": "已派单", "en": "sent to the unit"},
    "case_status_signed": {"zh": "已签收", "en": "signed for"},
    "case_status_in_progress": {"zh": "办理中", "en": "in progress"},
    "case_status_resolved": {"zh": "已办结", "en": "resolved"},
    "case_status_closed": {"zh": "已归档", "en": "closed"},
    "case_status_rejected": {"zh": "不予受理", "en": "rejected"},
}
