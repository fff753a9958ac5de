"""Chat texts of the record services' decisions (to an objector or a repair applicant)."""

from __future__ import annotations

DECISIONS = {
    "upheld": {"zh": "异议成立", "en": "your objection was upheld"},
    "dismissed": {"zh": "异议不成立", "en": "your objection was dismissed"},
    "refused": {"zh": "信用修复申请不予受理", "en": "your repair request was not accepted"},
    "repaired": {"zh": "信用修复申请已通过", "en": "the credit repair was granted"},
    "denied": {"zh": "信用修复申请未通过", "en": "the credit repair was not granted"},
}
TEMPLATE = {
    "zh": "关于政务失信记录 {number}：{decision}。理由：{reason}",
    "en": "Dishonesty record {number}: {decision}. Reason: {reason}",
}


def decision_text(language: str, *, number: str, decision: str, reason: str) -> str:
    """Return the message telling an objector or applicant the lead office's decision."""
    lang = language if language in TEMPLATE else "zh"
    words = DECISIONS.get(decision, {"zh": decision, "en": decision})[lang]
    return TEMPLATE[lang].format(number=number, decision=words, reason=reason or "-")


LATE_REPORT = {
    "zh": "【迟报】政务失信记录 {number}（{unit}）超过报送时限 {late} 个工作日才报送"
    "（应于 {due} 前）。",
    "en": "Late report: dishonesty record {number} ({unit}) reached the lead office {late} "
    "working day(s) after its time limit (due {due}).",
}


def late_report_text(language: str, *, number: str, unit: str, late: int, due: str) -> str:
    """Return the notice telling coordinators that a record was reported late."""
    return LATE_REPORT[language if language in LATE_REPORT else "zh"].format(
        number=number, unit=unit, late=late, due=due
    )
