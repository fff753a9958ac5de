"""English texts of `/email`: updates by email for a chat's reporter (issue 15)."""

EMAIL_TEXTS: dict[str, str] = {
    "email.none": (
        "No email address is set. Send /email ADDRESS (for example /email you@example.com) "
        "to also receive your cases' updates and the rating link by email."
    ),
    "email.current": (
        "Updates of your cases also go to {address}. "
        "Send /email ADDRESS to change it, or remove it with the button."
    ),
    "email.remove": "✖ Remove this address",
    "email.saved": (
        "Saved: updates of the cases you filed here, and the link to rate them, "
        "also go to {address}."
    ),
    "email.confirm_sent": (
        "A confirmation message is on its way to {address}. Once you open its link and press "
        "Confirm, updates of the cases you filed here and the link to rate them also go "
        "there. The link works for 7 days; if nothing arrives, send /email {address} again."
    ),
    "email.limited": (
        "Kept: {address}. But too many confirmation messages were asked for it or from this "
        "chat today, so none was sent now; updates go there once it is confirmed. Send "
        "/email {address} again tomorrow for a new link."
    ),
    "email.pending": (
        "{address} is not confirmed yet: open the link we sent to it (nothing goes there "
        "before). Send /email ADDRESS to change it, or remove it with the button."
    ),
    "email.unavailable": (
        "This service does not send email at present. Updates of your cases come in this "
        "chat; you can also look a case up by its number at any time (/status NUMBER)."
    ),
    "email.removed": "Removed: updates no longer go by email.",
    "email.malformed": ("That is not an email address. Send it like this: /email you@example.com"),
    "help.email": "/email ADDRESS also get updates by email (/email alone to see or remove it)",
    "receipt.email": "Send /email ADDRESS to also receive updates by email.",
}
