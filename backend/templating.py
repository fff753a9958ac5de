"""Jinja2 for the server-rendered pages (the console, the web chat): escaped, strict."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from dialogs.parsing import drop_direction_controls


def template_environment(directory: Path) -> Environment:
    """Return a Jinja2 environment that escapes everything and refuses unknown names.

    Every value it writes loses explicit direction controls (`shown`): a text kept before
    intake dropped them must not turn a phone number around on a page either.
    """
    return Environment(
        loader=FileSystemLoader(directory),
        autoescape=select_autoescape(enabled_extensions=("html",), default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=shown,
    )


def shown(value: object) -> object:
    """Return a value as a page writes it: a text without explicit direction controls."""
    if not isinstance(value, str):
        return value
    kept = drop_direction_controls(value)
    if kept is value:
        return value
    return Markup(kept) if isinstance(value, Markup) else kept
