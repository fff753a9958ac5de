"""English texts of the urgent question: immediate danger, and whom to call (issue 12)."""

URGENT_TEXTS: dict[str, str] = {
    "urgent.ask": (
        "Is someone's life, health or property in danger right now?\n"
        "If so, we mark the complaint urgent: its unit and the staff on duty are told at once, "
        "day or night."
    ),
    "urgent.call_110": "If anyone is being threatened or attacked, call the police on 110 now.",
    "urgent.call_119": "If there is a fire, a gas leak or someone trapped, call 119 now.",
    "urgent.call_120": "If someone is hurt or unwell, call an ambulance on 120 now.",
    "urgent.call_other": "If anyone is in danger right now, get to safety first.",
    "urgent.yes": "🚨 Yes, it is urgent",
    "urgent.no": "No, not urgent",
    "urgent.marked": "Marked urgent: the unit and the staff on duty will be told at once.",
    "summary.urgent": "🚨 Urgent: immediate danger",
}
