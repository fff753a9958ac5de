"""Tests and benchmarks read nothing outside the repository: a text scan of their sources."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCANNED = ("tests", "bench")

# A path component named after the developers' folder beside the repository (the word between
# quotes or slashes); words such as a_shared_location or "shared by" pass.
SHARED_FOLDER = re.compile(r"""["'/\\]shared["'/\\]""")
PARENTS_INDEX = re.compile(r"\.parents\[(\d+)\]")
PARENT_CHAIN = re.compile(r"(?:\.parent\b)+")


def escapes(source: str, depth: int) -> list[str]:
    """Return the lines of a source that reach outside a repository `depth` folders up."""
    found = []
    for number, line in enumerate(source.splitlines(), start=1):
        climbs = [int(index) for index in PARENTS_INDEX.findall(line)]
        climbs += [chain.count(".parent") - 1 for chain in PARENT_CHAIN.findall(line)]
        if SHARED_FOLDER.search(line) or any(climb >= depth for climb in climbs):
            found.append(f"{number}: {line.strip()}")
    return found


def scanned_sources() -> list[Path]:
    """Return every Python file under tests/ and bench/, this one included."""
    return sorted(
        path
        for folder in SCANNED
        for path in (ROOT / folder).rglob("*.py")
        if "__pycache__" not in path.parts
    )


def test_no_test_or_benchmark_reads_outside_the_repository() -> None:
    offenders = {}
    for path in scanned_sources():
        relative = path.relative_to(ROOT)
        # parents[len(parts) - 1] is the repository root; one more climbs out of it.
        lines = escapes(path.read_text(encoding="utf-8"), depth=len(relative.parts))
        if lines:
            offenders[str(relative)] = lines
    assert offenders == {}


def test_the_scan_covers_this_file_and_the_benchmarks() -> None:
    names = {str(path.relative_to(ROOT)) for path in scanned_sources()}
    assert {"tests/test_self_contained.py", "bench/routing_eval.py"} <= names


# The samples are glued from pieces so that this file's own text holds no path that leaves
# the repository: the scan above reads this file too.
@pytest.mark.parametrize(
    "line",
    [
        "DATA = Path(__file__).resolve().parents[" + "3] / 'data.tsv'",
        "DATA = Path(__file__).resolve().parent.parent" + ".parent.parent / 'data.tsv'",
        "DATA = ROOT / '..' / 'shar" + "ed' / 'ref.yaml'",
        "DATA = '../shar" + "ed/ref.yaml'",
    ],
)
def test_scan_flags_a_path_that_leaves_the_repository(line: str) -> None:
    assert escapes(line, depth=3) == [f"1: {line}"]


@pytest.mark.parametrize(
    "line",
    [
        "ROOT = Path(__file__).resolve().parents[" + "2]",
        "HERE = Path(__file__).resolve().parent.parent",
        "def test_a_shar" + "ed_location_picks_the_street() -> None:",
        '"""The fake server shar' + 'ed by the session."""',
    ],
)
def test_scan_passes_paths_inside_the_repository_and_ordinary_words(line: str) -> None:
    assert escapes(line, depth=3) == []
