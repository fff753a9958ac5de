"""The console's words for the on-duty roster (值班表, issue 12), in English."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "duty.title": "Duty roster",
    "duty.about": "The coordinators told of urgent cases at night and on days off, by date.",
    "duty.rule": (
        "A duty day runs from {starts} to {starts} of the next date: a night belongs to the "
        "day it starts (02:00 on Tuesday goes to Monday's coordinator)."
    ),
    "duty.fallback": (
        "On a day with nobody on duty, urgent cases go to the coordinators named in the "
        "policy, or to every coordinator when none are named."
    ),
    "duty.add": "Put on duty",
    "duty.remove_range": "Take off duty",
    "duty.col_login": "Coordinator",
    "duty.choose": "— choose —",
    "duty.col_from": "First day",
    "duty.col_to": "Last day (optional)",
    "duty.to_hint": "YYYY-MM-DD; empty: the first day only; at most {max} days",
    "duty.submit_add": "Put on duty",
    "duty.submit_remove": "Take off duty on these days",
    "duty.days": "{first} to {last}",
    "duty.col_day": "Day",
    "duty.col_on_duty": "Coordinators on duty",
    "duty.nobody": "Nobody on duty",
    "duty.remove": "Remove",
    "duty.remove_one": "Take {name} off duty on {day}",
    "duty.earlier": "Four weeks before",
    "duty.later": "Four weeks after",
    "duty.added": "{login} is on duty for {count} day(s) ({first} to {last}).",
    "duty.removed": "{login} is off duty for {count} day(s).",
    "duty.gap_title": "Nobody on duty tonight",
    "duty.gap": (
        "The roster has no coordinator for {day}: tonight's urgent cases go to {fallback}."
    ),
    "duty_gap.policy": "the coordinators named in the policy",
    "duty_gap.everyone": "every coordinator",
    "duty.gap_link": "Roster",
    "weekday.0": "Mon",
    "weekday.1": "Tue",
    "weekday.2": "Wed",
    "weekday.3": "Thu",
    "weekday.4": "Fri",
    "weekday.5": "Sat",
    "weekday.6": "Sun",
    "dashboard.overdue_kinds": "Cases overdue now, by the clock that is late:",
    "dashboard.overdue_kind": "{kind}: {count}",
}
