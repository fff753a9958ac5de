"""The console's words for the administration pages (coordinators), in English."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "nav.admin": "Administration",
    "admin.title": "Administration",
    "admin.staff": "Staff",
    "admin.calendar": "Calendar",
    "admin.routing": "Routing configuration",
    "admin.staff_about": (
        "Accounts of coordinators and clerks: create, set-password links, API tokens, "
        "chat bind codes, deactivation."
    ),
    "admin.calendar_about": (
        "Holidays and make-up working days that the published calendar lacks, and the "
        "years still provisional."
    ),
    "admin.routing_about": (
        "Categories, units, keywords, streets and communities the router works with (read-only)."
    ),
    "admin.staff_new": "New account",
    "admin.staff_new_intro": (
        "A one-time link to set the password is shown after the account is created: "
        "give it to the person."
    ),
    "admin.staff_create": "Create the account",
    "admin.staff_caption": "{count} accounts, active ones first.",
    "admin.col_login": "Login",
    "admin.col_name": "Name",
    "admin.col_role": "Role",
    "admin.col_unit": "Unit",
    "admin.col_state": "State",
    "admin.col_last_sign_in": "Last sign-in",
    "admin.col_chats": "Bound chats",
    "admin.col_created": "Created",
    "admin.col_password": "Console password",
    "admin.active": "active",
    "admin.inactive": "deactivated",
    "admin.never": "never",
    "admin.login_hint": "2 to 64 characters: lower-case letters, digits and . _ -",
    "admin.unit_none": "— none (a coordinator: the lead office) —",
    "admin.unit_hint": (
        "A clerk must belong to a unit; a coordinator without one belongs to the lead office."
    ),
    "admin.account": "Account",
    "admin.password_set": "set",
    "admin.password_none": "not set yet",
    "admin.bound_at": "bound {when}",
    "admin.no_chats": "No chat is bound to this account.",
    "admin.actions": "Actions",
    "admin.password_link_about": (
        "Issue a one-time link to set a new password (earlier unused links stop working)."
    ),
    "admin.bind_code_about": (
        "Issue a one-time code: the person sends /bind CODE from their chat to get "
        "reminders there."
    ),
    "admin.token_about": "Issue a new API token; the current one stops working at once.",
    "admin.deactivate_about": (
        "Deactivate the account: its sessions, API token, bound chats and codes end at once."
    ),
    "admin.do_password_link": "Issue a set-password link",
    "admin.do_bind_code": "Issue a chat bind code",
    "admin.do_rotate_token": "Issue a new API token",
    "admin.do_deactivate": "Deactivate the account",
    "admin.back_to_staff": "Back to the staff list",
    "admin.staff_created": (
        "The account of {name} is created. Give them this one-time link to set a "
        "password (valid {hours} hours)."
    ),
    "admin.link_issued": "A one-time set-password link is issued (valid {hours} hours).",
    "admin.token_rotated": "A new API token is issued; the old one no longer works.",
    "admin.bind_code_issued": (
        "A bind code is issued (valid {days} days): send /bind CODE from the chat."
    ),
    "admin.deactivated": (
        "The account of {name} is deactivated; its sessions and chats have ended."
    ),
    "admin.secret_label": "Shown only now",
    "admin.secret_once": "Copy it now: it is stored only as a hash and cannot be shown again.",
    "admin.override_add": "Correct a day",
    "admin.override_intro": (
        "Enter a holiday or a make-up working day (调休) that the published calendar "
        "lacks. Open due dates are recomputed."
    ),
    "admin.col_day": "Date",
    "admin.day_hint": "YYYY-MM-DD, for example 2026-10-08",
    "admin.col_kind": "The day is",
    "admin.kind_off": "a day off (holiday)",
    "admin.kind_working": "a working day (make-up)",
    "admin.col_reason": "Reason",
    "admin.override_submit": "Save the correction",
    "admin.overrides": "Corrections",
    "admin.col_by": "By",
    "admin.override_remove": "Remove",
    "admin.override_remove_day": "Remove the correction of {day}",
    "admin.no_overrides": "No corrections: the calendar is as published.",
    "admin.day_set_off": "{day} is now a day off; {moved} due date(s) moved.",
    "admin.day_set_working": "{day} is now a working day; {moved} due date(s) moved.",
    "admin.day_unset": "{day} is again as published; {moved} due date(s) moved.",
    "admin.years": "Years",
    "admin.years_intro": (
        "In a year not yet known, the days off are estimated from the statutory "
        "holidays and due dates are provisional. Once the State Council's notice is "
        "entered, confirm the year."
    ),
    "admin.year_provisional": "{year}: provisional",
    "admin.year_missing": "Statutory holidays on weekdays still to be entered as days off: {days}",
    "admin.year_ready": "Every statutory holiday is entered; the year can be confirmed.",
    "admin.year_confirm": "Confirm {year}",
    "admin.year_confirmed": (
        "{year} is confirmed, no longer provisional; {moved} due date(s) moved."
    ),
    "admin.no_provisional": "This year and the next are known; no due date is provisional.",
    "admin.known_years": "Known years",
    "admin.known_years_note": (
        "* confirmed by a coordinator; the others come from the published calendar."
    ),
    "admin.source_package": "from the published calendar",
    "admin.source_coordinator": "confirmed by a coordinator",
    "admin.routing_intro": (
        "As loaded from {file}. To change it, edit the file and restart the service."
    ),
    "admin.categories": "Categories",
    "admin.col_code": "Code",
    "admin.col_name_zh": "Chinese name",
    "admin.col_name_en": "English name",
    "admin.col_owner": "Owning unit",
    "admin.col_street_level": "Street-level",
    "admin.col_keywords": "Keywords and synonyms",
    "admin.yes": "yes",
    "admin.no": "no",
    "admin.street_level": "the street office where it happened",
    "admin.triage_category": (
        "Unclear complaints go to the lead office's triage as category {category}."
    ),
    "admin.units": "Units",
    "admin.col_unit_kind": "Kind",
    "admin.lead_office": "lead office",
    "admin.kind_department": "department",
    "admin.streets": "Streets and communities",
    "admin.col_aliases": "Other names",
    "admin.col_communities": "Communities",
    "admin.deactivate_confirm": "Yes, deactivate the account of {name}",
    "admin.deactivate_unconfirmed": (
        "Tick the box to confirm the deactivation; nothing was changed."
    ),
}
