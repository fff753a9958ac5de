"""The refusals and notices of the hand-off rules, in Chinese and English, by code."""

from __future__ import annotations

HANDOFF_MESSAGES: dict[str, dict[str, str]] = {
    "returns_used_up": {
        "zh": "本案已退单 {count} 次，协调员的分派为最终分派，不能再退单，请由本单位办理。",
        "en": "This case was returned {count} times already: the coordinator's assignment "
        "stands and it cannot be returned again, so your unit handles it.",
    },
    "return_window_closed": {
        "zh": "退单须在收到案件后 {days} 个工作日内提出（截至 {last}）；"
        "期限已过，请由本单位办理。",
        "en": "A case may be returned only within {days} working day(s) of receiving it "
        "(until {last}); that time is over, so your unit handles it.",
    },
    "complex_window_closed": {
        "zh": "说明情况复杂须在收到案件后 {days} 个工作日内提出（截至 {last}）；期限已过。",
        "en": "A matter can be said to be complex only within {days} working day(s) of "
        "receiving the case (until {last}); that time is over.",
    },
    "complex_already_declared": {
        "zh": "本单位已说明此案情况复杂，退单期限已为 {days} 个工作日。",
        "en": "Your unit already said this matter is complex; it may be returned within "
        "{days} working days.",
    },
    "dispatch_final": {
        "zh": "此案已派单 {count} 次，按规定以协调员的派单为准，承办单位不能退单。",
        "en": "This case was dispatched {count} times: the coordinator's assignment stands "
        "and the unit cannot return it.",
    },
    "extension_limit_reached": {
        "zh": "此案已延期 {count} 次，最多只能延期 {max} 次。",
        "en": "This case was extended {count} time(s) already; at most {max} extensions "
        "are allowed.",
    },
    "rating_required": {
        "zh": "请选择评价：满意、基本满意或不满意。",
        "en": "Choose a rating: satisfied, basically satisfied or dissatisfied.",
    },
}
