"""Refusals of the on-duty roster (值班表), in Chinese and English, by code (backend.messages)."""

from __future__ import annotations

DUTY_MESSAGES: dict[str, dict[str, str]] = {
    "duty_unknown_login": {
        "zh": "没有登录名为 {value} 的在岗协调员：值班表只能排协调员。",
        "en": "No active coordinator has the login {value}: only coordinators go on duty.",
    },
    "duty_login_required": {
        "zh": "请选择值班的协调员。",
        "en": "Choose the coordinator on duty.",
    },
    "duty_range_reversed": {
        "zh": "结束日期 {last} 早于开始日期 {first}。",
        "en": "The last day {last} is before the first day {first}.",
    },
    "duty_range_too_long": {
        "zh": "一次最多排 {max} 天的值班。",
        "en": "At most {max} days of duty at a time.",
    },
}
