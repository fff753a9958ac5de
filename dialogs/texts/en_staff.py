"""English texts that clerks read: binding, the queue, signing, dishonesty records."""

STAFF_TEXTS: dict[str, str] = {
    # clerks
    "clerk.bind_usage": "Send: /bind CODE (the Development and Reform Commission gives you one).",
    "clerk.bind_failed": "That code is not valid or was used already; please ask for a new one.",
    "clerk.bound": "Linked: {name}, {unit}.",
    "clerk.not_bound": "This is for staff only. Link your account first with /bind CODE.",
    "clerk.unbound": (
        "This chat is no longer linked to a staff account (the account was deactivated or "
        "unbound). Please contact the Development and Reform Commission if that is unexpected."
    ),
    "clerk.queue_empty": "No cases of your unit are waiting to be signed for.",
    "clerk.queue_title": "Cases waiting to be signed for ({count}):",
    "clerk.queue_item": "• {number} · {category} · sign by {due}\n  {excerpt}",
    "clerk.sign": "Sign for {number}",
    "clerk.sign_usage": "Send: /sign CASE-NUMBER",
    "clerk.signed": "Signed for {number}.",
    # dishonesty records
    "record.person": "Filing a dishonesty record. Who is the official? Type their name.",
    "record.unit": "Which unit do they work for? Type it, or tap your own unit.",
    "record.own_unit": "My unit: {unit}",
    "record.finding": "What kind of decision found the dishonesty?",
    "finding.court_judgment": "Court judgment",
    "finding.administrative_penalty": "Administrative penalty",
    "finding.disciplinary_sanction": "Disciplinary sanction",
    "finding.accountability_decision": "Accountability decision",
    "record.document": "Type the document number of the decision, such as (2026)津0106民初123号.",
    "record.arose": (
        "On which day did the information arise (the decision took effect)? It must reach the "
        "lead office within 7 working days."
    ),
    "record.facts": "Summarise the facts and the decision briefly.",
    "record.too_short": "That summary is too short: write at least {min} characters.",
    "record.no_words": (
        "The summary needs words (not only symbols, digits or emoji): "
        "give the facts and the finding."
    ),
    "record.source": (
        "Did this record come from a complaint? Type the number of your unit's complaint case, "
        "or tap “Skip”."
    ),
    "record.source_unknown": (
        "No complaint case of your unit has that number. Check it, or tap “Skip”."
    ),
    "record.files": (
        "Send the decision and other documents (at most {max}, up to {mb} MB each), then tap "
        "“Done”. Received so far: {count}."
    ),
    "record.filed": "✅ The dishonesty record was sent to the lead office. Number: {number}.",
}
