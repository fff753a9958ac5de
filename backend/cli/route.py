"""`intake route`: ask the router where a text goes."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from backend.routing.router import Router
from backend.settings import get_settings
from backend.taxonomy.loader import load_taxonomy


def route(
    text: Annotated[str | None, typer.Argument(help="The complaint text.")] = None,
    street: Annotated[str | None, typer.Option(help="A street code as a hint.")] = None,
    jsonl: Annotated[
        bool, typer.Option("--jsonl", help='Read {"text": ...} per line on stdin.')
    ] = False,
) -> None:
    """Print the category, the unit and the ranked candidates for a complaint text."""
    if jsonl == (text is not None):
        raise typer.BadParameter("give either TEXT or --jsonl (lines on standard input)")
    router = Router(load_taxonomy(get_settings().taxonomy_file))
    if text is not None:
        typer.echo(
            json.dumps(router.route(text, street_hint=street).as_dict(), ensure_ascii=False)
        )
        return
    failures = 0
    for number, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise ValueError('each line must be an object with a "text" string')
            hint = item.get("street") if isinstance(item.get("street"), str) else street
            answer = router.route(item["text"], street_hint=hint).as_dict()
        except ValueError as exc:  # json.JSONDecodeError is a ValueError
            failures += 1
            answer = {"line": number, "error": str(exc)}
        typer.echo(json.dumps(answer, ensure_ascii=False))
    if failures:
        raise typer.Exit(code=1)
