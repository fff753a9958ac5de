"""English texts of the objection (异议) and credit repair (信用修复) dialogs."""

RECORD_REQUEST_TEXTS: dict[str, str] = {
    "menu.objection": "⚖️ Object to a dishonesty record",
    "menu.repair": "♻️ Apply for credit repair",
    "help.records": (
        "For the person or unit named in a record (or their representative):\n"
        "/objection — object to a government dishonesty record\n"
        "/repair — apply for credit repair after rectification"
    ),
    "flow.objection": "objection",
    "flow.repair": "credit repair application",
    "objection.number": (
        "Please send the number of the dishonesty record you object to (like HQ-261127-0042; "
        "the public page /public/records shows it)."
    ),
    "repair.number": (
        "Please send the number of the dishonesty record to repair (like HQ-261127-0042)."
    ),
    "requests.number_malformed": "That is not a record number. It looks like HQ-261127-0042.",
    "requests.found": "Record {number}: {person} ({unit}).",
    "requests.found_unpublished": "Record {number} (not published, so its content is not "
    "shown here).",
    "requests.requester": "Who are you?",
    "requests.requester.person": "The person named",
    "requests.requester.unit": "The unit named",
    "requests.requester.representative": "A representative",
    "requests.name": (
        "Please give the name of whoever objects or applies (a unit's name for the unit; a "
        "representative's own name and whom they act for):"
    ),
    "objection.reasons": "Please give the facts and reasons of the objection (at least {min} "
    "characters):",
    "repair.reasons": "Please say how the matter was rectified and why the credit should be "
    "repaired (at least {min} characters):",
    "requests.too_short": "That is too short: please give the facts and reasons (at least {min} "
    "characters).",
    "requests.no_words": "The reasons need words (not only symbols, digits or emoji): please "
    "give the facts and reasons.",
    "requests.files": (
        "Any supporting documents? Send photos or files (up to {max}, {mb} MB each), then tap "
        "\u201cDone\u201d. Received so far: {count}."
    ),
    "summary.objection_title": "Please check the objection:",
    "summary.repair_title": "Please check the credit repair application:",
    "summary.record_number": "Record: {value}",
    "summary.requester": "From: {value}",
    "summary.reasons": "Reasons: {value}",
    "edit.record_number": "Change record",
    "edit.requester": "Change who",
    "edit.requester_name": "Change name",
    "edit.reasons": "Change reasons",
    "objection.filed": (
        "Your objection to record {number} was filed. A published record is marked as under "
        "objection while it is examined; the lead office decides within {days} working days "
        "and the decision comes here."
    ),
    "repair.filed": (
        "Your credit repair application for record {number} was filed. The lead office decides "
        "within {days} working days whether to accept it; the answer comes here."
    ),
    "refused.record_unknown": "No record with this number takes this application; please "
    "check the number and send it again, or ask the lead office (District Development and "
    "Reform Commission).",
    "refused.record_draft": "This record has not been reported yet; nothing can be filed on it.",
    "refused.record_withdrawn": "This record was withdrawn; there is nothing to file.",
    "refused.record_repaired": "This record was repaired already; there is nothing to file.",
    "refused.objection_pending": "An objection to this record is being examined; please wait "
    "for the decision.",
    "refused.repair_needs_rectification": "Credit repair can be applied for once the lead office "
    "has accepted the rectification.",
    "refused.repair_pending": "A repair application for this record is being handled; please "
    "wait for the result.",
    "refused.record_request_not_now": "This record takes no such application now.",
    "intent.objection": (
        "This sounds like an objection to a dishonesty record rather than a complaint. "
        "Objections follow their own procedure at the lead office."
    ),
    "intent.repair": (
        "This sounds like a credit repair application rather than a complaint. Repair follows "
        "its own procedure."
    ),
    "intent.go_objection": "⚖️ File an objection",
    "intent.go_repair": "♻️ Apply for credit repair",
    "intent.complaint": "📝 No, it is a complaint",
}
