"""The dashboard's figures (backend/stats): titles and what each counts, in zh and en."""

from __future__ import annotations

STATS_MESSAGES: dict[str, dict[str, str]] = {
    "stats_none": {"zh": "（无）", "en": "(none)"},
    # The console's own names of the channels (texts "channel.*") are these too.
    "channel_api": {"zh": "工作人员录入（接口）", "en": "entered by staff (API)"},
    "channel_telegram": {"zh": "Telegram", "en": "Telegram"},
    "channel_web": {"zh": "网页对话", "en": "web chat"},
    "channel_console": {"zh": "终端对话", "en": "console chat"},
    "channel_open311": {"zh": "Open311（其他系统）", "en": "Open311 (other systems)"},
    "channel_staff_console": {"zh": "工作人员录入（工作台）", "en": "entered by staff (console)"},
    "measure_received": {"zh": "受理量", "en": "Received"},
    "measure_received_numerator": {
        "zh": "统计期间内派给（或改派给）本单位的投诉件数，同一件退回后再派回只算一次。",
        "en": "Complaints routed or reassigned to the unit in the period; a case sent back to "
        "the same unit after a return counts once.",
    },
    "measure_received_cases": {
        "zh": "期间内到达本单位的投诉，包括之后被退回或改派到别处的。",
        "en": "Complaints that arrived at the unit in the period, including those later "
        "returned or passed on.",
    },
    "measure_sign_on_time": {"zh": "签收及时率", "en": "Signed on time (签收及时率)"},
    "measure_sign_on_time_numerator": {
        "zh": "期间内按时签收的签收时限（每次派单一个）。",
        "en": "Sign clocks (one per routing) met by their due time in the period.",
    },
    "measure_sign_on_time_denominator": {
        "zh": "期间内按时签收的，加上到期日在期间内而未按时签收的（逾期签收或仍未签收）；"
        "未到期的和已取消的（签收前被退回、改派、不予受理或归档）不计。",
        "en": "Those met on time in the period, plus those due in the period and not met on "
        "time (signed late or still unsigned); clocks not yet due and cancelled ones (the case "
        "was returned, passed on, rejected or closed before it was signed) are not counted.",
    },
    "measure_sign_on_time_cases": {
        "zh": "这些签收时限所属的投诉，每件列一次。",
        "en": "The complaints these sign clocks belong to, each listed once.",
    },
    "measure_resolve_on_time": {"zh": "按期办结率", "en": "Resolved on time (按期办结率)"},
    "measure_resolve_on_time_numerator": {
        "zh": "期间内在期限内办结的办结时限（重办的案件另起一个）。",
        "en": "Resolve clocks met by their due time in the period (a reopened case has a new "
        "one).",
    },
    "measure_resolve_on_time_denominator": {
        "zh": "期间内按期办结的，加上到期日在期间内而未按期办结的；未到期、暂停中和已取消的不计。",
        "en": "Those met on time in the period, plus those due in the period and not met on "
        "time; clocks not yet due, paused or cancelled are not counted.",
    },
    "measure_resolve_on_time_cases": {
        "zh": "这些办结时限所属的投诉，每件列一次。",
        "en": "The complaints these resolve clocks belong to, each listed once.",
    },
    "measure_overdue_now": {"zh": "当前超期", "en": "Overdue now"},
    "measure_overdue_now_numerator": {
        "zh": "此刻有签收、办结或整改时限已过期未完成的投诉件数（与期间无关）。",
        "en": "Complaints with a sign, resolve or rectify clock past due right now (whatever "
        "the period).",
    },
    "measure_overdue_now_denominator": {
        "zh": "此刻由本单位承办、处于已派单、已签收或办理中（含暂停）的投诉件数。",
        "en": "Complaints the unit holds right now routed, signed or in progress (paused ones "
        "included).",
    },
    "measure_overdue_now_cases": {
        "zh": "本单位当前超期的投诉。",
        "en": "The unit's complaints that are overdue now.",
    },
    "measure_satisfaction": {"zh": "满意率", "en": "Satisfaction (满意率)"},
    "measure_satisfaction_numerator": {
        "zh": "期间内评价为“满意”或“基本满意”的投诉件数（按评价日期）。",
        "en": "Complaints rated satisfied or basically satisfied in the period (by the "
        "rating's date).",
    },
    "measure_satisfaction_denominator": {
        "zh": "期间内有评价的投诉件数；未评价的不计。",
        "en": "Complaints rated in the period; unrated ones are not counted.",
    },
    "measure_satisfaction_cases": {
        "zh": "期间内评价的、现由本单位承办的投诉。",
        "en": "Complaints rated in the period that the unit holds now.",
    },
}
