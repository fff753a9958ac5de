"""The signing secret: INTAKE_SECRET_KEY, or one made on first start and kept in the data dir."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from pydantic import SecretStr

from backend.errors import ConfigError
from backend.settings import MIN_SECRET_LENGTH, PLACEHOLDER_SECRETS, Settings

SECRET_FILE = "secret_key"


def signing_secret(settings: Settings) -> SecretStr:
    """Return the configured secret, else the one kept in the data folder (made when missing).

    Production refuses to start without INTAKE_SECRET_KEY (the settings check it), so a kept
    secret serves development and tests only: one process, or several sharing the folder.
    """
    if settings.secret_key is not None:
        return settings.secret_key
    return kept_secret(settings.data_dir / SECRET_FILE)


def kept_secret(path: Path) -> SecretStr:
    """Return the secret kept in a file, creating it (mode 0600) when there is none yet.

    Two processes starting together agree on one secret: each writes a private temporary file
    and hard-links it into place, which succeeds for the first only; the others read the
    winner's file, which is complete from the moment it appears.
    """
    try:
        return _read(path)
    except FileNotFoundError:
        pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(descriptor, "w", encoding="ascii") as out:
                out.write(secrets.token_urlsafe(48) + "\n")
                out.flush()
                os.fsync(out.fileno())
            with contextlib.suppress(FileExistsError):
                os.link(temporary, path)
        finally:
            temporary.unlink(missing_ok=True)
        return _read(path)
    except OSError as exc:
        raise ConfigError(
            f"cannot keep a secret in {path.parent} ({exc.strerror or exc}): "
            "set INTAKE_SECRET_KEY or INTAKE_DATA_DIR"
        ) from None


def _read(path: Path) -> SecretStr:
    text = path.read_text(encoding="ascii", errors="replace").strip()
    if len(text) < MIN_SECRET_LENGTH or text.lower() in PLACEHOLDER_SECRETS:
        raise ConfigError(
            f"the kept secret {path} is not usable: remove the file to make a new one "
            "(open web chats then start again)"
        )
    return SecretStr(text)
