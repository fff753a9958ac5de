"""English texts of refused form fields (any console form)."""

TEXTS: dict[str, str] = {
    "form.too_long": (
        "“{field}” takes at most {max} characters; you entered {length}. Shorten it and send "
        "it again: everything you typed is kept."
    ),
    "form.too_long_gone": (
        "“{field}” takes at most {max} characters; you entered {length}. The form is no "
        "longer offered on its page (someone may have acted on the case), so nothing was "
        "sent. What you typed is below: copy it, go back to the page and act again."
    ),
    "param.from": "first day (from)",  # a page address's parameter, as refusals name it
    "param.to": "last day (to)",
    "param.department": "unit (department)",
    "param.status": "status",
    "param.kind": "kind",
    "param.one_of": "must be one of: {choices}.",
}
