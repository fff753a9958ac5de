"""English texts."""

from dialogs.texts.en_email import EMAIL_TEXTS
from dialogs.texts.en_record_requests import RECORD_REQUEST_TEXTS
from dialogs.texts.en_records import RECORD_TEXTS
from dialogs.texts.en_requests import REQUEST_TEXTS
from dialogs.texts.en_staff import STAFF_TEXTS
from dialogs.texts.en_status import STATUS_TEXTS
from dialogs.texts.en_typed import TYPED
from dialogs.texts.en_urgent import URGENT_TEXTS

TEXTS: dict[str, str] = {
    **TYPED,  # how to type a date, a case number, a PIN
    "error.internal": (
        "Sorry, something went wrong on our side: that last message was not handled, and "
        "everything before it is kept. Please send it again in a moment; for urgent matters "
        "call 12345."
    ),
    # start, menu, help, language
    "start.greeting": (
        "Hello! This is the Hongqiao District (Tianjin) channel for reporting government "
        "dishonesty.\n"
        "Promises not kept, contracts broken, payments owed to companies, unfair tenders, "
        "arbitrary enforcement, information withheld: report them here, with your name or "
        "anonymously.\n\n"
        "⚠️ In an emergency call 110 (police), 119 (fire) or 120 (ambulance) now; for other "
        "questions and help call the 12345 government hotline."
    ),
    "menu.title": "What would you like to do?",
    "menu.idle": "To file a complaint, tap “Report” or send /report. Or choose below:",
    "menu.report": "📝 Report",
    "menu.mycases": "🔎 My cases",
    "menu.queue": "📋 Cases to sign for",
    "menu.record": "📄 File a dishonesty record",
    "menu.lang": "🌐 语言 / Language",
    "help.citizen": (
        "Commands:\n"
        "/report file a complaint\n"
        "/status NUMBER [PIN] check a case\n"
        "/mycases the cases you filed or follow\n"
        "/lang switch the language\n"
        "/cancel stop, /back go back one step, /skip skip an optional step\n"
        "In an emergency call 110 / 119 / 120; for other matters the 12345 hotline."
    ),
    "help.clerk": (
        "Clerk commands:\n"
        "/queue cases of your unit waiting to be signed for\n"
        "/sign NUMBER sign for a case\n"
        "/record file a dishonesty record\n"
        "/bind CODE link this chat to a staff account with a new code"
    ),
    "lang.ask": "请选择语言 / Choose a language:",
    "lang.switched": "Switched to English.",
    "lang.unknown": "Only 中文 and English are available.",
    "flow.complaint": "complaint",
    "flow.record": "dishonesty record",
    "flow.rating": "rating",
    # navigation
    "nav.back": "⬅️ Back",
    "nav.skip": "Skip ➡️",
    "nav.went_back": "Going back one step.",
    "nav.cancel": "✖️ Cancel",
    "cancel.done": "Cancelled; nothing was filed. Send /{command} to start again.",
    "cancel.done_plain": "Cancelled; nothing was filed.",
    "cancel.nothing": "Nothing to cancel. Send /report to file a complaint.",
    # inputs refused at any step
    "input.group": (
        "To protect your privacy, please report in a private chat with me; "
        "messages in groups are not taken."
    ),
    "input.edited": "Edited messages are not read. To correct something, send a new message.",
    "input.media": (
        "I can read text, photos and documents, but not voice, video or stickers. Please type it."
    ),
    "input.stale": "That button has expired; please use the buttons of the latest message.",
    "input.too_long": (
        "That message is too long ({length} characters; the limit is {max}). "
        "Please shorten it and send it again."
    ),
    "input.empty": "That message is empty; please type some text.",
    "input.joined": "Telegram split your text into {parts} messages; joined: {length} characters.",
    "input.repeated": "That message had arrived already; no need to send it again.",
    "input.unstorable": (
        "That message contains a character that cannot be stored (such as NUL); "
        "please remove it and send it again."
    ),
    "input.idle_share": (
        "To share a place or a phone number, first start a complaint with /report; "
        "it asks for them at its step."
    ),
    "input.idle_attachment": (
        "To send evidence, first start a complaint with /report, then send photos or documents."
    ),
    "command.busy": "You are in the middle of a {flow}. Finish it, or send /cancel first.",
    "command.idle": "Nothing in progress. Send /report to file a complaint.",
    "command.unknown": "Unknown command. Send /help for the list.",
    "step.use_buttons": "Please tap one of the buttons below.",
    "step.cannot_skip": "This one is needed; it cannot be skipped.",
    "step.no_back": "This is the first step. To stop, send /cancel.",
    "step.no_file": "No photo or document is needed at this step.",
    "step.no_location": "No location is needed at this step.",
    "step.no_contact": "No contact is needed at this step.",
    "step.too_long": "That is too long: at most {max} characters.",
    "step.no_words": "That needs words (not only symbols, digits or emoji): please type it again.",
    # complaint
    "complaint.what": (
        "Please describe what happened: which office or unit, what it did, what it caused "
        "(at least {min} and at most {max} characters). You may send photos and documents "
        "at any time."
    ),
    "complaint.too_short": (
        "That is too short: write at least {min} characters about what happened."
    ),
    "complaint.no_words": "Please say what happened in words (not only emoji or digits).",
    "complaint.daily_limit": (
        "You have filed {limit} complaints today, the daily limit. Please come back tomorrow."
    ),
    "category.confirm": "This looks like “{category}”. Is that right?",
    "category.yes": "✅ Yes",
    "category.not_right": "No, something else",
    "category.choose": "Which of these fits best?",
    "category.none": "None of these",
    "category.none_found": (
        "No category could be told; the District Development and Reform Commission will assign it."
    ),
    "street.ask": "In which street (街道) did it happen? Tap one:",
    "street.or_share": "Or share your location with the button below, or type the community name.",
    "street.share": "📍 Share location",
    "street.unsure": "Not sure",
    "street.unsure_label": "not sure (the lead office will find out)",
    "street.kept": "Place: {street}",
    "street.not_found": "I could not place that. Tap a street, or tap “Not sure”.",
    "street.outside": "That location is outside the district. Tap a street, or tap “Not sure”.",
    "similar.intro": "These open cases look like yours:",
    "similar.line": "• {number}: {category}, held by {holder}, filed {day}",
    "similar.follow": "👀 Follow {number}",
    "similar.file_new": "File a new complaint anyway",
    "similar.following": (
        "Done: you will be told how case {number} goes. You can also send /status {number}."
    ),
    "complaint.when": (
        "When did it happen? Tap a button or type a date such as 2026-11-03, 3 Nov or last "
        "Wednesday; if you are not sure of the day, a rough time such as mid last month, "
        "early March or end of 2024."
    ),
    "date.today": "Today",
    "date.yesterday": "Yesterday",
    "complaint.evidence": (
        "Any photos or documents as evidence? Send them now (at most {max}, up to {mb} MB "
        "each), then tap “Done”. Received so far: {count}."
    ),
    "files.received": "Attachment received ({count}/{max}).",
    "files.full": "That is the limit of {max} attachments.",
    "files.album": "Received {taken} attachment(s) from this album ({count}/{max} in all).",
    "files.album_full": "{count} not taken: at most {max} attachments.",
    "files.album_too_big": "{count} not taken: each file must be at most {mb} MB.",
    "files.too_big": "That file is too large: at most {mb} MB each.",
    "files.done": "Done ({count})",
    "files.clear": "Remove all",
    "files.cleared": "All attachments removed.",
    "files.use_files": "Please send photos or documents, or tap “Done” / “Skip”.",
    "identity.ask": (
        "Anonymous or with your name? Anonymous reports get a PIN to check the case with its "
        "number; named reports leave a phone number so the unit can reach you. The unit you "
        "complain about never sees who you are."
    ),
    "identity.anonymous": "🕶 Anonymous",
    "identity.named": "👤 With my name",
    "contact.ask": (
        "Share your phone number with the button below, or type it (mobile or landline)."
    ),
    "contact.share": "📱 Share my phone number",
    "contact.or_back": "To stay anonymous after all, go back:",
    "contact.invalid": (
        "That does not look like a phone number. Type an 11-digit mobile number or a landline "
        "with its area code, such as 022-26271234."
    ),
    "contact.shared_invalid": (
        "The shared number is not a mainland China mobile or landline; please type a number."
    ),
    "contact.kept": "Phone: {phone}",
    "complaint.name": "How should we address you? (optional)",
    "complaint.filed_anonymous": (
        "✅ Received. Case number: {number}\n\n🔑 PIN: {pin}\n\n"
        "The PIN is shown only this once: write it down or take a screenshot. "
        "To check the case send: /status {number} {pin}"
    ),
    "complaint.filed_named": (
        "✅ Received. Case number: {number}\n"
        "You will be told here when it moves on; you can also send /status {number} any time."
    ),
    # summaries
    "summary.complaint_title": "Please check your complaint:",
    "summary.record_title": "Please check the dishonesty record:",
    "summary.text": "What: {value}",
    "summary.category": "Category: {value}",
    "summary.category_none": "none chosen (the lead office assigns it)",
    "summary.street": "Place: {value}",
    "summary.when": "Date: {value}",
    "summary.files": "Attachments: {count}",
    "summary.anonymous": "Identity: anonymous",
    "summary.named": "Identity: named ({name}, {phone})",
    "summary.person": "Person: {value}",
    "summary.unit": "Unit: {value}",
    "summary.finding": "Finding: {value}",
    "summary.document": "Document number: {value}",
    "summary.arose": "Date arisen: {value}",
    "summary.facts": "Summary: {value}",
    "summary.source": "From complaint: {value}",
    "summary.not_given": "not given",
    "summary.clipped": "… ({length} characters in all, kept in full; only the start is shown)",
    "summary.confirm": "✅ Submit",
    "summary.use_buttons": "Tap “Submit”, or the item you want to change.",
    "edit.text": "Edit text",
    "edit.category": "Category",
    "edit.street": "Place",
    "edit.when": "Date",
    "edit.files": "Attachments",
    "edit.identity": "Identity",
    "edit.person": "Person",
    "edit.unit": "Unit",
    "edit.finding": "Finding",
    "edit.source": "Complaint",
    "edit.document": "Document no.",
    "edit.arose": "Date",
    "edit.facts": "Summary",
    # refusals from the backend
    "refused.daily_limit": "You reached today's limit of complaints. Please come back tomorrow.",
    "refused.text_empty": "Please describe the complaint.",
    "refused.text_too_short": "The description is too short; please add to it.",
    "refused.text_too_long": "The description is too long; please shorten it.",
    "refused.unknown_category": "That category is no longer offered; please choose again.",
    "refused.unknown_street": "That street is no longer offered; please choose the place again.",
    "refused.occurred_in_future": "The date cannot be in the future; please change it.",
    "refused.record_needs_date": "Please give the date the information arose.",
    "refused.named_needs_contact": "A named report needs a phone number.",
    "refused.bad_phone": "The phone number does not look right; please change it.",
    "refused.already_rated": "This case has been rated already. Thank you.",
    "refused.not_ratable": "This case cannot be rated now.",
    "refused.already_signed": "This case has been signed for already.",
    "refused.not_waiting_to_sign": (
        "This case no longer waits to be signed for. Send /queue to see the cases that do."
    ),
    "refused.not_your_unit": "This case does not belong to your unit.",
    "refused.clerk_inactive": (
        "Your staff account is disabled; please contact the Development and Reform Commission."
    ),
    "refused.not_followable": (
        "That case is no longer open and cannot be followed; you can file a new complaint."
    ),
    "refused.other": "This could not be filed right now. Please try later or call 12345.",
    "refused.worded": "{message}",
    "case.received": "received",
    "case.triage": "being assigned",
    "case.routed": "sent to the unit",
    "case.signed": "signed for by the unit",
    "case.in_progress": "in progress",
    "case.resolved": "resolved",
    "case.closed": "closed",
    "case.rejected": "not accepted",
    # rating
    "rating.ask": "Your case {number} has been resolved. Are you satisfied with the outcome?",
    "rating.satisfied": "😊 Satisfied",
    "rating.basically_satisfied": "🙂 Basically satisfied",
    "rating.dissatisfied": "🙁 Dissatisfied",
    "rating.comment": "Anything you would like to add? Type it, or tap “Skip”.",
    "rating.why": (
        "Please tell us what is still wrong; the case will be handled again. Or tap “Skip”."
    ),
    "rating.thanks": "Thank you for rating case {number}.",
    "rating.reopened": "Your dissatisfaction is recorded and the case will be handled again.",
    "rating.ask_late": (
        "Case {number} was closed before you rated it. You can still tell us how it went: "
        "your answer is added to the case as a note for the lead office."
    ),
    "rating.why_late": (
        "What is still wrong? Type it, or tap “Skip”; it goes to the case as a note."
    ),
    "rating.noted": (
        "Case {number} is no longer waiting for a rating (it was closed or reopened), so it "
        "cannot be rated now; your answer was added to the case as a note for the lead office."
    ),
    "rating.noted_dissatisfied": (
        "If the matter is still not settled, you can also file a new complaint with /report."
    ),
    "rating.lapsed": (
        "Case {number} no longer waits for a rating (it was closed or is handled again); "
        "its rating question is withdrawn."
    ),
    **STAFF_TEXTS,
    **URGENT_TEXTS,  # immediate danger (issue 12)
    **REQUEST_TEXTS,  # the request-type step (诉求类型, issue 12)
    **RECORD_REQUEST_TEXTS,  # objections and credit repair (异议, 信用修复; issue 11)
    **RECORD_TEXTS,  # the /record dialog's newer steps (issue 11)
    **STATUS_TEXTS,  # /status and /mycases
    **EMAIL_TEXTS,  # /email: updates by email for a chat's reporter (issue 15)
}
