"""English texts of the staff console."""

TEXTS: dict[str, str] = {
    # layout
    "site.title": "Integrity Intake · Staff console",
    "site.short": "Staff console",
    "nav.skip": "Skip to the content",
    "nav.home": "Console home",
    "nav.main": "Main navigation",
    "nav.signed_in_as": "Signed in as {name} ({role})",
    "lang.label": "Language",
    "lang.switch": "中文",
    "lang.switch_to": "Switch to Chinese",
    "role.coordinator": "coordinator",
    "role.clerk": "clerk",
    "footer.note": "Integrity Intake · for staff only",
    # sign-in and sign-out
    "signin.title": "Sign in",
    "signin.intro": "Use the login and password your coordinator set up for you.",
    "signin.login": "Login",
    "signin.password": "Password",
    "signin.submit": "Sign in",
    "signin.failed": (
        "Sign-in failed: the login or the password is wrong, or this login is paused for "
        "15 minutes after too many wrong passwords."
    ),
    "signin.ended": "Your session has ended. Please sign in again.",
    "signin.signed_out": "You have signed out.",
    "signin.password_set": "Your password is set. Sign in with it.",
    "signin.first_password": "No password yet? Ask a coordinator for a one-time link.",
    "signout.submit": "Sign out",
    # set-password link
    "password.title": "Set your password",
    "password.for": "A new password for {name} (login {login}).",
    "password.new": "New password",
    "password.repeat": "New password again",
    "password.hint": "At least {min} characters.",
    "password.submit": "Save the password",
    "password.link_invalid_title": "This link no longer works",
    "password.link_invalid": (
        "This set-password link is not valid, has expired or was used already. "
        "Ask a coordinator for a new one."
    ),
    # landing page
    "home.title": "Console",
    "home.welcome": "Hello, {name}.",
    "home.queues": "Queues",
    "home.queues_soon": "Your case queues will appear here.",
    # errors
    "error.title": "Something went wrong",
    "error.back": "Back to the console home",
    "error.forbidden_title": "Not allowed",
    "error.forbidden": "You may not do this.",
    "error.csrf_title": "This form has expired",
    "error.csrf": (
        "This form has expired or was not sent from this site. "
        "Go back, reload the page and send it again."
    ),
    "error.not_found_title": "Page not found",
    "error.not_found": "There is no such page, or you may not see it.",
    "error.conflict_title": "This could not be done",
    "error.bad_request_title": "Something in the form is wrong",
    "error.conflict": (
        "Someone else changed this, or its state does not allow this action. "
        "Reload the page and try again."
    ),
    "error.bad_request": "Something in the request is wrong.",
    "error.too_large": "What was sent is too large.",
    "error.internal": "Sorry, something went wrong and the action was not done. Try again later.",
    "error.busy_title": "The service is busy",
    "error.busy": "The service is busy; please try again in a moment.",
    # dashboard
    "nav.dashboard": "Dashboard",
    "dashboard.title": "Dashboard",
    "dashboard.intro": "Figures of {unit} from {start} to {end} (Tianjin dates).",
    "dashboard.district": "the whole district",
    "dashboard.choose": "Period and unit",
    "dashboard.from": "From",
    "dashboard.to": "To",
    "dashboard.unit": "Unit",
    "dashboard.show": "Show",
    "dashboard.figures": "Figures",
    "dashboard.figure": "Figure",
    "dashboard.value": "Value",
    "dashboard.counted": "Counted",
    "dashboard.out_of": "Out of",
    "dashboard.rate": "Rate",
    "dashboard.no_data": "no data",
    "dashboard.of": "{numerator} of {denominator}",
    "dashboard.received": "Received",
    "dashboard.sign_on_time": "Signed on time",
    "dashboard.resolve_on_time": "Resolved on time",
    "dashboard.overdue_now": "Overdue now",
    "dashboard.satisfaction": "Satisfaction",
    "dashboard.per_unit": "Each unit",
    "dashboard.unit_column": "Unit",
    "dashboard.trend": "By week",
    "dashboard.week": "Week",
    "dashboard.by_category": "By category",
    "dashboard.by_channel": "By channel",
    "dashboard.category": "Category",
    "dashboard.channel": "Channel",
    "dashboard.chart_trend_received": "Received per week",
    "dashboard.chart_trend_rates": "Rates per week (%)",
    "dashboard.chart_categories": "Received per category",
    "dashboard.chart_channels": "Received per channel",
    "dashboard.chart_note": "Each bar and point links to its cases; the table holds the same.",
    "dashboard.nothing": "No cases in this period.",
    "dashboard.export": "Download the cases received in this period (XLSX)",
    "dashboard.rates_note": "A rate with nothing due in the period shows “no data”, not 0 %.",
}
