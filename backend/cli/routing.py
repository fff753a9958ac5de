"""`intake routing`: what the router learned from coordinators' corrections."""

from __future__ import annotations

from typing import Annotated

import typer

from backend.bootstrap import build, prepare_database
from backend.db import session_scope
from backend.routing.corrections import recent_examples
from backend.routing.suggest import suggest_keywords

app = typer.Typer(no_args_is_help=True)


@app.callback()
def routing() -> None:
    """Routing: what coordinators' corrections teach the router."""


@app.command("suggest")
def suggest(
    min_texts: Annotated[
        int, typer.Option(min=1, help="Corrected complaints that must share a word.")
    ] = 2,
    per_category: Annotated[int, typer.Option(min=1, max=50, help="Words per category.")] = 5,
    corrections: Annotated[
        int, typer.Option(min=1, max=100_000, help="How many newest corrections to read.")
    ] = 5000,
) -> None:
    """Propose new keywords per category from corrected complaints, to paste into the file."""
    container = build()
    prepare_database(container)
    with session_scope(container.engine) as session:
        examples = recent_examples(session=session, limit=corrections)
    proposals = suggest_keywords(
        examples, container.taxonomy, min_texts=min_texts, per_category=per_category
    )
    if not proposals:
        typer.echo(f"no proposals from {len(examples)} corrections")
        return
    typer.echo(f"proposals from {len(examples)} corrections (word: complaints, share):")
    for category_id, found in proposals.items():
        category = container.taxonomy.category(category_id)
        name = category.zh if category else category_id
        words = ", ".join(f"{s.word} ({s.texts}, {s.share:.0%})" for s in found)
        typer.echo(f"{category_id} {name}: {words}")
        typer.echo(
            f"  add to {container.taxonomy.district.code} keywords: "
            f"[{', '.join(s.word for s in found)}]"
        )
