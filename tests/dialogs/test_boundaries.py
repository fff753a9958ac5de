"""The dialogs package stays pure: it imports neither the backend, the bot nor I/O libraries."""

from __future__ import annotations

import ast
from pathlib import Path

import dialogs

FORBIDDEN = {"backend", "bot", "telegram", "sqlmodel", "sqlalchemy", "httpx", "fastapi", "os"}
PACKAGE = Path(dialogs.__file__).resolve().parent
LINE_LIMIT = 300


def _imported_roots(path: Path) -> set[str]:
    roots: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_dialogs_imports_no_backend_bot_or_io_library() -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(_imported_roots(path) & FORBIDDEN)
        for path in PACKAGE.rglob("*.py")
    }
    assert {name: found for name, found in offenders.items() if found} == {}


def test_every_dialogs_module_stays_under_300_lines() -> None:
    long = {
        str(path.relative_to(PACKAGE)): n
        for path in PACKAGE.rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) >= LINE_LIMIT
    }
    assert long == {}
