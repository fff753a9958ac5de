"""The evidence files of a data folder, copied beside a backup and back."""

from __future__ import annotations

import shutil
from pathlib import Path

from backend.attachments.store import ContentStore

ATTACHMENTS = "attachments"  # the backup folder's copy of INTAKE_DATA_DIR/attachments


def copy_evidence(source: Path, target: Path) -> int:
    """Copy the stored files under `source` to `target`; return how many were copied.

    Files are named by their SHA-256, so one already at the target is the same file and is
    kept; a half-written one (`*.part`, an upload in progress) is left out.
    """
    copied = 0
    if not source.is_dir():
        return 0
    for path in sorted(source.rglob("*")):
        if not path.is_file() or path.name.endswith(".part"):
            continue
        destination = target / path.relative_to(source)
        if destination.exists():
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        temporary = destination.with_name(destination.name + ".part")
        shutil.copy2(path, temporary)
        temporary.replace(destination)
        copied += 1
    return copied


def evidence_folder(data_dir: Path) -> Path:
    """Return where a data folder keeps its evidence files."""
    return ContentStore.under(data_dir).root
