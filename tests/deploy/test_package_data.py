"""What `pip install .` (the Docker image, the systemd install) puts beside the code: every
file the packages read at run time, not only the Python (an operator's review, 2026-12-02:
the public pages' templates were left out, and the installed app did not start)."""

from __future__ import annotations

import subprocess
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("backend", "bot", "dialogs")


def _declared() -> set[Path]:
    """The files the pyproject's package-data globs take, relative to the repository."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    data: dict[str, list[str]] = config["tool"]["setuptools"]["package-data"]
    taken: set[Path] = set()
    for package, patterns in data.items():
        base = ROOT / package
        for pattern in patterns:
            taken |= {p.relative_to(ROOT) for p in base.glob(pattern) if p.is_file()}
    return taken


def _tracked_data_files() -> set[Path]:
    """The files under the packages that git keeps and that are not Python source."""
    listed = subprocess.run(
        ["git", "ls-files", *PACKAGES], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    return {Path(name) for name in listed if not name.endswith(".py")}


def test_every_file_the_packages_carry_besides_python_is_installed_with_them() -> None:
    missing = sorted(str(p) for p in _tracked_data_files() - _declared())
    assert missing == []
