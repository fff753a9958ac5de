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
