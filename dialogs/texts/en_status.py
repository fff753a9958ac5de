"""English texts of /status and /mycases: a case looked up by number and PIN, a chat's cases."""

STATUS_TEXTS: dict[str, str] = {
    # status
    "status.usage": "Send: /status CASE-NUMBER [PIN], for example /status HQ-261127-0042 123456",
    # The same answer whatever the reason (pins.py): it names the pause without confirming it.
    "status.not_found": (
        "No case found. Please check the case number and the PIN. If both are right: to stop "
        "guessing, lookups of a case by PIN pause for an hour after several wrong PINs, so "
        "try again later; /mycases in the chat that filed it works meanwhile."
    ),
    "status.pin_needed": (
        "This chat did not file or follow case {number}. To look up a case filed elsewhere, "
        "send its PIN with it, for example: /status {number} 123456"
    ),
    "status.header": "Case {number}: {status}",
    "status.holder": "Handled by: {unit}",
    "status.category": "Category: {category}",
    "status.updated": "Last update: {day}",
    "status.reply": "Reply: {reply}",
    "status.merged": "Merged into case {number}; send /status {number} to see how it goes.",
    "status.none_mine": (
        "You have not filed or followed a case here yet. Send /report to file one."
    ),
    "status.mine_title": "Your cases, and the cases you follow:",
    "status.mine_line": "{number} · {status} · {day}",
    "status.mine_following": "{number} · {status} · {day} · 👀 following",
    "status.mine_hint": "For details send /status CASE-NUMBER",
}
