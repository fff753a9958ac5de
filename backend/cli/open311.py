"""`intake open311 keys`: API keys of Open311 client applications (create, list, revoke)."""

from __future__ import annotations

from typing import Annotated

import typer

from backend.bootstrap import build, prepare_database
from backend.cli.options import storable_text
from backend.db import session_scope
from backend.open311.keys import create_key, list_keys, revoke_key
from backend.open311.models import Open311Key

app = typer.Typer(help="Open311 GeoReport v2 (/open311/v2/).", no_args_is_help=True)
keys = typer.Typer(help="API keys of client applications.", no_args_is_help=True)
app.add_typer(keys, name="keys")

AppName = Annotated[
    str,
    typer.Argument(help="The client application, e.g. 12345-platform.", callback=storable_text),
]


@keys.command("create")
def create(name: AppName) -> None:
    """Issue a key for a client application; the key is printed once, as the last line."""
    container = build()
    prepare_database(container)
    with session_scope(container.engine) as session:
        row, key = create_key(session=session, name=name, now=container.clock.now())
    # Said only once committed: a key printed for an application never stored is a lie.
    typer.echo(f"created Open311 key #{row.id} for {row.name}")
    typer.echo("API key (shown only now):")
    typer.echo(key)


@keys.command("list")
def list_() -> None:
    """List client applications: name, active or revoked, issued, last used (to the hour)."""
    container = build()
    prepare_database(container)
    with session_scope(container.engine) as session:
        lines = [_line(row) for row in list_keys(session=session)]
    for line in lines or ["no Open311 client applications"]:
        typer.echo(line)


@keys.command("revoke")
def revoke(name: AppName) -> None:
    """Revoke a client application's key: its POSTs are refused (403) from now on."""
    container = build()
    prepare_database(container)
    with session_scope(container.engine) as session:
        row = revoke_key(session=session, name=name, now=container.clock.now())
    typer.echo(f"revoked the Open311 key of {row.name}")


def _line(row: Open311Key) -> str:
    used = f"{row.last_used_at:%Y-%m-%d %H:%M}Z" if row.last_used_at else "never"
    state = "revoked" if row.revoked_at is not None else "active"
    return f"{row.name}\t{state}\tcreated {row.created_at:%Y-%m-%d %H:%M}Z\tlast used {used}"
