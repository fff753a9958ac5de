"""English texts of the clerk's /record dialog added with issue 11 (severity, post, drafts)."""

RECORD_TEXTS: dict[str, str] = {
    "record.post": "What is the person's post? Type it, or tap Skip if you do not know.",
    "record.severity": "How serious is it? (It sets how long the record is published.)",
    "severity.minor": "Minor",
    "severity.general": "General",
    "severity.serious": "Serious",
    "record.document_or_draft": (
        "Type the number of the decision document, e.g. (2026)津0106民初123号. If you do not "
        "have it yet, tap Skip to register a draft: the 7 working days to report still run."
    ),
    "record.unit_unknown": (
        "No unit of that name. Type the unit's full name (e.g. 区商务局), or tap your own unit."
    ),
    "record.filed_draft": (
        "📝 The record was registered as a draft, number {number}. Report it as soon as you "
        "have the document number: the time limit runs from the day the information arose."
    ),
    "summary.post": "Post: {value}",
    "summary.severity": "Severity: {value}",
    "summary.draft": "Document number: to follow (a draft)",
    "refused.unknown_department": "No such unit: change the person's unit in the summary.",
    "refused.record_arisen_in_future": "The day the information arose cannot be in the future.",
    "refused.record_already_filed": "A record of this person on the same document ({document}) "
    "is filed already as {number}; it need not be filed again.",
    "refused.record_summary_too_long": "The summary is too long; please shorten it.",
    "refused.record_summary_too_short": "The summary is too short; please add to it.",
}
RECORD_TEXTS |= {"edit.post": "Post", "edit.severity": "Severity"}
RECORD_TEXTS |= {
    "record.authority": (
        "Which body made the finding? (e.g. a district people's court, the district "
        "discipline inspection commission)"
    ),
    "summary.authority": "Deciding authority: {value}",
    "edit.authority": "Authority",
}
# evidence in either dialog (complaint or record): the same file again takes no new slot
RECORD_TEXTS |= {
    "files.already": "This file is already attached ({count}/{max}); it takes no new slot.",
}
