"""English texts of refused form fields (any console form)."""

TEXTS: dict[str, str] = {
    "form.too_long": (
        "“{field}” takes at most {max} characters; you entered {length}. Shorten it and send "
        "it again: everything you typed is kept."
    ),
}
