"""Measure: how many PINs a burst of concurrent `/status NUMBER PIN` guesses gets checked.

For each burst size, a fresh anonymous case is filed, then that many chats send a wrong PIN
at the same moment (each chat on a conversation service and engine of its own, released
together by a barrier), then one more chat sends the right PIN. Printed per size: the PINs
checked against the case (the lookups whose result counted; the pause allows 5), the
failure counter and whether the pause is set afterwards, and whether the right PIN sent
after the burst found the case (it must not while paused). Sizes are repeated; the worst
repetition is shown. (Before the lookups were made atomic, every PIN hashed against the
case's salt was a checked one, and this script counted those scrypt calls instead.)

Run: `.venv/bin/python bench/pin_burst.py [--postgres URL] [--sizes 5,10,20,50] [--repeats 3]`.
Talks to 127.0.0.1 only; every wait has a timeout.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from backend.bootstrap import Container, build, prepare_database  # noqa: E402
from backend.conversations.service import ConversationService  # noqa: E402
from backend.migrate import upgrade  # noqa: E402
from backend.settings import load_settings  # noqa: E402
from dialogs.model import ChatRef  # noqa: E402
from tests.conversations.driver import Chat  # noqa: E402
from tests.fakes import FakeClock  # noqa: E402
from tests.pin_helpers import (  # noqa: E402
    PinCheckRecorder,
    burst,
    case_row,
    file_case,
    wrong_pin,
)

SCHEMA = "bench_pins"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", help="run on this PostgreSQL URL instead of SQLite")
    parser.add_argument("--sizes", default="5,10,20,50", help="burst sizes, comma-separated")
    parser.add_argument("--repeats", type=int, default=3, help="bursts of each size")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    base = load_settings(database_url=args.postgres).database_url if args.postgres else None
    with tempfile.TemporaryDirectory() as folder:
        if base:
            _schema_sql(
                base, f'DROP SCHEMA IF EXISTS "{SCHEMA}" CASCADE; CREATE SCHEMA "{SCHEMA}"'
            )
            url = f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{SCHEMA}"
        else:
            url = f"sqlite:///{folder}/bench.db"
        try:
            measure(url, Path(folder), sizes, args.repeats, "PostgreSQL" if base else "SQLite")
        finally:
            if base:
                _schema_sql(base, f'DROP SCHEMA IF EXISTS "{SCHEMA}" CASCADE')


def measure(url: str, folder: Path, sizes: list[int], repeats: int, database: str) -> None:
    """Run the bursts and print one line per size."""
    upgrade(url)
    settings = load_settings(env="test", database_url=url, data_dir=folder / "var")
    container = build(settings, clock=FakeClock())
    prepare_database(container)
    service = ConversationService(container)
    recorder = PinCheckRecorder()
    print(f"database: {database}; a pause allows 5 wrong PINs")
    print("burst  checked (worst of runs)  counter, paused  right PIN after the burst")
    try:
        with pytest.MonkeyPatch.context() as patch:
            recorder.install(patch)
            for size in sizes:
                runs = [_one_burst(container, service, recorder, size) for _ in range(repeats)]
                worst = max(runs, key=lambda run: run[0])
                checked = ", ".join(str(run[0]) for run in runs)
                found = sum(run[3] for run in runs)
                print(
                    f"{size:>5}  {worst[0]:>3} ({checked})".ljust(33)
                    + f"{worst[1]}, {worst[2]}".ljust(17)
                    + f"found {found} of {repeats}"
                )
    finally:
        container.engine.dispose()


def _one_burst(
    container: Container, service: ConversationService, recorder: PinCheckRecorder, size: int
) -> tuple[int, int, bool, bool]:
    """File a case, burst wrong PINs at it, then send the right one; return what happened."""
    number, pin = file_case(container, chat_id=f"bench-{size}-{len(recorder.outcomes)}")
    recorder.outcomes.clear()
    burst(container, number, [wrong_pin(pin)] * size)
    case = case_row(container, number)
    checked = recorder.checked.count(True)
    after = Chat(service, chat=ChatRef("web", f"right-after-{number}"))
    after.command("status", number, pin or "")
    return checked, case.pin_failures, case.pin_locked_until is not None, number in after.text


def _schema_sql(base: str, statements: str) -> None:
    engine = create_engine(base)
    with engine.begin() as connection:
        for statement in statements.split(";"):
            connection.execute(text(statement))
    engine.dispose()


if __name__ == "__main__":
    main()
