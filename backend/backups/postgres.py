"""PostgreSQL is backed up with its own tools: the commands, built from the database URL."""

from __future__ import annotations

import shlex
from pathlib import Path
from urllib.parse import unquote

from psycopg.conninfo import make_conninfo
from sqlalchemy.engine import make_url

from backend.backups.files import ATTACHMENTS, evidence_folder

DUMP = "intake.dump"
_SECRETS = frozenset({"password", "sslpassword"})  # never printed


def pg_dump_commands(*, database_url: str, data_dir: Path, folder: Path) -> list[str]:
    """Return the shell commands that back up a PostgreSQL database and the evidence files.

    `pg_dump --format=custom` (restored with `pg_restore`). The connection goes as libpq's
    connection string (`--dbname='host=... dbname=...'`, see `_conninfo`), so what the URL's
    query sets (a socket folder as `host=`, several hosts, `sslmode`, `options`) reaches
    pg_dump as it reaches the app; no password is printed (pg_dump reads PGPASSWORD or
    ~/.pgpass). A search path in `options` also becomes `--schema`: the app's tables only.
    """
    url = make_url(database_url)
    words = ["pg_dump", "--format=custom", "--no-owner", f"--file={folder / DUMP}"]
    for option in _options(url.query.get("options")):
        if option.startswith("search_path="):
            words.append(f"--schema={option.removeprefix('search_path=')}")
    words.append(f"--dbname={_conninfo(database_url)}")
    evidence = evidence_folder(data_dir)
    return [
        shlex.join(["mkdir", "-p", str(folder)]),
        shlex.join(words),
        shlex.join(["cp", "-a", f"{evidence}/.", str(folder / ATTACHMENTS)]),
    ]


def pg_restore_commands(*, database_url: str, data_dir: Path, folder: Path) -> list[str]:
    """Return the shell commands that restore such a backup (into an empty database), the
    connection given as `pg_dump_commands` gives it."""
    words = ["pg_restore", "--no-owner", "--exit-on-error"]
    words += [f"--dbname={_conninfo(database_url)}", str(folder / DUMP)]
    evidence = evidence_folder(data_dir)
    return [
        shlex.join(words),
        shlex.join(["mkdir", "-p", str(evidence)]),
        shlex.join(["cp", "-a", f"{folder / ATTACHMENTS}/.", str(evidence)]),
    ]


def _conninfo(database_url: str) -> str:
    """Return the connection as libpq takes it (`host=... dbname=...`), without a secret.

    Built from the very arguments the app gives psycopg (the dialect's own
    `create_connect_args`), so a socket folder, several hosts, `sslmode` or an `options`
    with spaces reach pg_dump as they reach the app; `password` and `sslpassword` are left
    out, wherever the URL held them (pg_dump reads PGPASSWORD or ~/.pgpass).
    """
    url = make_url(database_url)
    if url.drivername == "postgresql":  # the app's driver (backend.db): psycopg 3
        url = url.set(drivername="postgresql+psycopg")
    _, arguments = url.get_dialect()().create_connect_args(url)
    kept = {k: v for k, v in arguments.items() if k not in _SECRETS and v is not None}
    return make_conninfo("", **kept)


def _options(raw: str | tuple[str, ...] | None) -> list[str]:
    """Return the `-c name=value` settings of libpq's `options` parameter."""
    if raw is None:
        return []
    text = unquote(raw if isinstance(raw, str) else " ".join(raw))
    parts = text.replace("-c ", "-c").split()
    return [part.removeprefix("-c") for part in parts if part.startswith("-c")]
