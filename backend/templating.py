"""Jinja2 for the server-rendered pages (the console, the web chat): escaped, strict."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape


def template_environment(directory: Path) -> Environment:
    """Return a Jinja2 environment that escapes everything and refuses unknown names."""
    return Environment(
        loader=FileSystemLoader(directory),
        autoescape=select_autoescape(enabled_extensions=("html",), default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
