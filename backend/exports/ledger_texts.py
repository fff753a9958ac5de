"""The ledgers' words (台账, 考核评价): headings, sheet names and states, in Chinese and English.

Chinese is the ledgers' language; English is given on request (`lang=en`).
"""

from __future__ import annotations

LEDGER_TEXTS: dict[str, dict[str, str]] = {
    # the records ledger (失信记录台账)
    "records_summary_sheet": {"zh": "汇总", "en": "Summary"},
    "records_col_index": {"zh": "序号", "en": "No."},
    "records_col_number": {"zh": "记录编号", "en": "Record number"},
    "records_col_unit": {"zh": "失信主体所在单位", "en": "Unit named"},
    "records_col_filed_by": {"zh": "报送单位", "en": "Filing unit"},
    "records_col_person": {"zh": "姓名", "en": "Person"},
    "records_col_post": {"zh": "职务", "en": "Post"},
    "records_col_finding": {"zh": "认定类型", "en": "Finding type"},
    "records_col_authority": {"zh": "认定机关", "en": "Deciding authority"},
    "records_col_document": {"zh": "文书编号", "en": "Document number"},
    "records_col_arisen_on": {"zh": "信息产生日期", "en": "Date arisen"},
    "records_col_reported_on": {"zh": "报送日期", "en": "Date reported"},
    "records_col_report_due": {"zh": "报送期限", "en": "Report due"},
    "records_col_on_time": {"zh": "是否按时报送", "en": "Reported on time"},
    "records_col_days_late": {"zh": "逾期（工作日）", "en": "Days late (working)"},
    "records_col_severity": {"zh": "严重程度", "en": "Severity"},
    "records_col_rectify_due": {"zh": "整改期限", "en": "Rectification deadline"},
    "records_col_rectification": {"zh": "整改情况", "en": "Rectification"},
    "records_col_objection": {"zh": "异议情况", "en": "Objection"},
    "records_col_repair": {"zh": "信用修复情况", "en": "Credit repair"},
    "records_col_publicity_from": {"zh": "公示起始日", "en": "Published from"},
    "records_col_publicity_until": {"zh": "公示截止日", "en": "Published until"},
    "records_col_publicity": {"zh": "公示状态", "en": "Publicity"},
    "records_col_remarks": {"zh": "备注", "en": "Remarks"},
    "summary_col_unit": {"zh": "单位", "en": "Unit"},
    "summary_col_records": {"zh": "记录数（涉及本单位）", "en": "Records naming the unit"},
    "summary_col_on_time": {"zh": "本单位报送：按时", "en": "Filed by the unit: on time"},
    "summary_col_late": {"zh": "本单位报送：逾期", "en": "Filed by the unit: late"},
    "summary_col_unreported": {
        "zh": "本单位报送：未报送",
        "en": "Filed by the unit: not reported",
    },
    "summary_col_rectified": {"zh": "已整改", "en": "Rectified"},
    "summary_col_objections_upheld": {"zh": "异议成立", "en": "Objections upheld"},
    "summary_col_repaired": {"zh": "已修复", "en": "Repaired"},
    "summary_col_published": {"zh": "公示中", "en": "Published"},
    "summary_total": {"zh": "合计", "en": "Total"},
    "on_time_yes": {"zh": "按时", "en": "on time"},
    "on_time_late": {"zh": "逾期 {days} 个工作日", "en": "{days} working day(s) late"},
    "on_time_pending": {"zh": "未报送（{due} 前）", "en": "not yet reported (due {due})"},
    "on_time_overdue": {"zh": "未报送，已逾期", "en": "not reported, overdue"},
    "finding_judgment": {"zh": "法院判决", "en": "court judgment"},
    "finding_penalty": {"zh": "行政处罚", "en": "administrative penalty"},
    "finding_sanction": {"zh": "纪律处分", "en": "disciplinary sanction"},
    "finding_accountability": {"zh": "问责决定", "en": "accountability decision"},
    "severity_minor": {"zh": "轻微", "en": "minor"},
    "severity_general": {"zh": "一般", "en": "general"},
    "severity_serious": {"zh": "严重", "en": "serious"},
    "rectification_none": {"zh": "未责令整改", "en": "not ordered"},
    "rectification_ordered": {"zh": "整改中", "en": "ordered"},
    "rectification_submitted": {"zh": "已提交整改报告", "en": "report submitted"},
    "rectification_sent_back": {"zh": "退回重新整改", "en": "sent back"},
    "rectification_accepted": {"zh": "整改完成", "en": "rectified"},
    "objection_none": {"zh": "无异议", "en": "none"},
    "objection_pending": {"zh": "异议处理中", "en": "under objection"},
    "objection_upheld": {"zh": "异议成立", "en": "upheld"},
    "objection_dismissed": {"zh": "异议不成立", "en": "dismissed"},
    "repair_none": {"zh": "未申请", "en": "not applied"},
    "repair_applied": {"zh": "已申请，待受理", "en": "applied"},
    "repair_accepted": {"zh": "已受理", "en": "accepted"},
    "repair_refused": {"zh": "不予受理", "en": "refused"},
    "repair_repaired": {"zh": "已修复", "en": "repaired"},
    "repair_denied": {"zh": "不予修复", "en": "not repaired"},
    "publicity_none": {"zh": "未公示", "en": "not published"},
    "publicity_published": {"zh": "公示中", "en": "published"},
    "publicity_ended": {"zh": "公示期满", "en": "period ended"},
    "publicity_taken_down": {"zh": "已撤下", "en": "taken down"},
    "remark_draft": {"zh": "草稿（材料未齐）", "en": "draft (paperwork incomplete)"},
    "remark_withdrawn": {"zh": "{day} 撤销", "en": "withdrawn on {day}"},
    "remark_leniency_reduced": {
        "zh": "自我纠错，减轻：{reason}",
        "en": "leniency, reduced: {reason}",
    },
    "remark_leniency_waived": {
        "zh": "自我纠错，免除：{reason}",
        "en": "leniency, waived: {reason}",
    },
    "remark_repaired": {"zh": "{day} 信用修复", "en": "repaired on {day}"},
    # the assessment (考核评价)
    "assessment_sheet": {"zh": "考核评价", "en": "Assessment"},
    "assessment_about_sheet": {"zh": "说明", "en": "About"},
    "assessment_col_rank": {"zh": "排名", "en": "Rank"},
    "assessment_col_unit": {"zh": "单位", "en": "Unit"},
    "assessment_col_score": {"zh": "综合得分", "en": "Score"},
    "assessment_numerator": {"zh": "{measure}（达标数）", "en": "{measure}: counted"},
    "assessment_denominator": {"zh": "{measure}（应计数）", "en": "{measure}: due"},
    "assessment_rate": {"zh": "{measure}（比率）", "en": "{measure}: rate"},
    "assessment_no_data": {"zh": "无数据", "en": "no data"},
    "assessment_period": {"zh": "考核期间", "en": "Period"},
    "assessment_weight": {"zh": "权重", "en": "Weight"},
    "assessment_measure": {"zh": "指标", "en": "Measure"},
    "assessment_rule": {
        "zh": "综合得分 = 100 × Σ(权重 × 比率) ÷ Σ权重，只计有数据的指标；"
        "“异议成立率”越低越好，按 1 − 比率计分。无任何数据的单位不排名。",
        "en": "Score = 100 × Σ(weight × rate) ÷ Σweight over the measures with data; "
        "for objections upheld, fewer is better (1 − rate counts). A unit without data is "
        "not ranked.",
    },
    "measure_sign_on_time": {"zh": "按时签收率", "en": "Signed on time"},
    "measure_resolve_on_time": {"zh": "按期办结率", "en": "Resolved on time"},
    "measure_satisfaction": {"zh": "满意率", "en": "Satisfaction"},
    "measure_report_on_time": {"zh": "失信记录按时报送率", "en": "Records reported on time"},
    "measure_rectify_on_time": {"zh": "按期整改率", "en": "Rectified on time"},
    "measure_objections_upheld": {"zh": "异议成立率", "en": "Objections upheld"},
}


def word(key: str, language: str, **params: object) -> str:
    """Return a ledger's word in a language (Chinese unless English is asked for)."""
    texts = LEDGER_TEXTS[key]
    return texts["en" if language == "en" else "zh"].format(**params)
