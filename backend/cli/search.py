"""`intake search`: the full-text index of case texts (issue 13)."""

from __future__ import annotations

from typing import Annotated

import typer

app = typer.Typer(help="Full-text search of case texts.", no_args_is_help=True)


@app.command("rebuild")
def rebuild(
    every: Annotated[
        bool,
        typer.Option("--all", help="Cut every text again (after the district's words changed)."),
    ] = False,
) -> None:
    """Cut the texts of cases without words into words and rebuild the full-text index.

    Uses the district's own words (the routing configuration's), as intake does; one short
    transaction per 1,000 cases, so the system keeps running meanwhile.
    """
    from backend.bootstrap import build, prepare_database
    from backend.cases.search import create_index, fill_batch

    container = build()  # its router teaches jieba the district's words, as at intake
    prepare_database(container)
    done, after = 0, 0
    while True:
        with container.engine.begin() as connection:
            batch = fill_batch(connection, after=after, every=every)
        if batch is None:
            break
        done, after = done + batch[0], batch[1]
    with container.engine.begin() as connection:
        create_index(connection)
    container.engine.dispose()
    typer.echo(f"cut {done} case text(s) into words; the full-text index is rebuilt")
