"""Benchmark: complete complaint dialogs per second through the real python-telegram-bot and
the fake Bot API server, against an echo bot on the same fake server in the same run.

Each bot runs as a process of its own (`bench/_bot_process.py`), apart from this one, which
is the load generator: the fake Bot API server and the simulated users (threads, each
waiting for the answer before the next action), so that what the users and the fake do
(more for a dialog: longer messages with keyboards, taps looked up by label) does not take
the bot's interpreter (issue 13: the load generator runs as a separate process). Both bots
poll the fake with up to 64 updates processed at once; the same number of users drive them
for the same time, and rounds alternate between the two, a new bot process each round. The
dialog bot is the whole system (`bot.serve.build_web_app`: conversation service, dialog
engine, database, routing), each dialog seven updates from /report to the case number (eight
when similar open cases are offered first). Printed: dialogs per second, updates per second
of each bot, CPU time per update (the bot's process from /proc, the fake server's and the
users' threads here), and the ratios (dialog / echo), the best rounds' and the medians'.
With `--similar N` (1,000 by default, issue 13) the database first holds N open cases like
the dialogs' complaint, so every dialog runs the similar-case search over a full candidate
list and offers them. As `intake run` does after start-up, each bot process freezes its heap
(`gc.freeze`) before it says it is ready (`--no-freeze` leaves it). `--canned` measures the
floor: the dialog bot with the conversation service replaced by the replies of one recorded
dialog (`bench/_canned.py`), so only the library, our adapter and the database-free rest of
the process are left. `--floor` runs that floor as a third side of the same run (echo,
floor, dialog, round by round) and prints the two parts of the dialog's ratio: the floor against
the echo bot (the Bot API calls a dialog makes: longer messages with keyboards, the answers to
taps) and the dialog against the floor (the conversation service: database, routing, the
similar-case search, the filing).

Run: `make bench` or `.venv/bin/python bench/dialog_throughput.py [--postgres URL]
[--seconds 5] [--users 32] [--rounds 4] [--similar 1000] [--no-freeze] [--canned | --floor]`.
Everything talks to 127.0.0.1 only; every wait has a timeout.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from backend.bootstrap import build, prepare_database  # noqa: E402
from backend.migrate import upgrade  # noqa: E402
from backend.routing.router import Router  # noqa: E402
from backend.settings import load_settings  # noqa: E402
from backend.taxonomy.loader import load_taxonomy  # noqa: E402
from bench.seed_cases import seed  # noqa: E402
from tests.e2e.fake_telegram import FakeTelegram  # noqa: E402
from tests.e2e.telegram_app import Cluster  # noqa: E402
from tests.e2e.telegram_user import TelegramUser, complaint_steps  # noqa: E402
from tests.fakes import FakeClock  # noqa: E402

CHAT_IDS = itertools.count(1_000_000)  # a new chat per dialog (a chat files 5 a day at most)
WAIT = 30.0
SCHEMA = "bench_dialogs"


@dataclass
class Round:
    """What the users of one round did."""

    rounds: int  # dialogs (or echoes) completed
    updates: int
    seconds: float
    cpu_seconds: float  # of the whole process: fake server, bot and simulated users
    parts: dict[str, float]  # CPU seconds by part: "bot", "fake server", "users"


USERS_PREFIX = "bench-user"
FAKE_THREADS = ("fake-telegram-server", "fake-telegram-webhook")


def thread_cpu() -> dict[int, tuple[str, float]]:
    """Return the CPU seconds each live thread of this process has used, by thread id."""
    seen: dict[int, tuple[str, float]] = {}
    for thread in threading.enumerate():
        if thread.ident is None:
            continue
        try:
            clock = time.pthread_getcpuclockid(thread.ident)
            seen[thread.ident] = (thread.name, time.clock_gettime(clock))
        except (OSError, ProcessLookupError):  # ended meanwhile
            continue
    return seen


def part_of(name: str) -> str:
    """Return which part of the bench a thread belongs to: the users, the fake, the bot."""
    if name.startswith(USERS_PREFIX) or name == "MainThread":
        return "users"
    return "fake server" if name in FAKE_THREADS else "bot"


def cpu_by_part(before: dict[int, tuple[str, float]]) -> dict[str, float]:
    """Return the CPU seconds used since `before`, summed by part (threads still alive)."""
    parts = {"bot": 0.0, "fake server": 0.0, "users": 0.0}
    for ident, (name, used) in thread_cpu().items():
        parts[part_of(name)] += used - before.get(ident, (name, 0.0))[1]
    return parts


def drive(users: int, seconds: float, one_round: Callable[[int], int]) -> Round:
    """Run `one_round(chat_id) -> updates` in `users` threads until time is up.

    The time counts until the last round in flight finished.
    """
    deadline = time.monotonic() + seconds

    def user() -> tuple[int, int]:
        rounds = updates = 0
        while time.monotonic() < deadline:
            updates += one_round(next(CHAT_IDS))
            rounds += 1
        return rounds, updates

    started, cpu, threads = time.perf_counter(), time.process_time(), thread_cpu()
    with ThreadPoolExecutor(users, thread_name_prefix=USERS_PREFIX) as pool:
        done = list(pool.map(lambda _: user(), range(users)))
        parts = cpu_by_part(threads)  # while the users' threads are still there
    took, cpu = time.perf_counter() - started, time.process_time() - cpu
    return Round(sum(r for r, _ in done), sum(u for _, u in done), took, cpu, parts)


def dialog_round(fake: FakeTelegram) -> Callable[[int], int]:
    steps = complaint_steps()

    def run(chat_id: int) -> int:
        user = TelegramUser(fake, chat_id)
        for step in steps:
            step(user)
        return len(user.updates)  # seven, or eight when similar cases were offered

    return run


def echo_round(fake: FakeTelegram) -> Callable[[int], int]:
    def run(chat_id: int) -> int:
        fake.send_text(chat_id, "区里的项目做完了")
        fake.wait_for_message(chat_id, None, WAIT)
        return 1

    return run


@contextlib.contextmanager
def bot_process(kind: str, fake: FakeTelegram, *options: str) -> Iterator[int]:
    """Run one bot as a process of its own (bench/_bot_process.py); yield its pid once it
    polls the fake; stop it (its standard input closed) on exit."""
    command = [
        sys.executable,
        str(Path(__file__).with_name("_bot_process.py")),
        kind,
        "--base-url",
        fake.base_url,
        "--file-url",
        fake.base_file_url,
        *options,
    ]
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None and process.stdin is not None
        ready = process.stdout.readline()  # start-up (the router, jieba) takes seconds
        if ready.strip() != "ready":
            raise RuntimeError(f"the {kind} bot did not start (said {ready!r})")
        yield process.pid
        process.stdin.close()
        process.wait(WAIT)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(WAIT)


def process_cpu(pid: int) -> float:
    """Return the CPU seconds (user and system) a process has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_bot(kind: str, fake: FakeTelegram, users: int, seconds: float, *options: str) -> Round:
    """Serve one bot in its own process while the users talk to it; count its CPU apart."""
    one_round = echo_round(fake) if kind == "echo" else dialog_round(fake)
    with bot_process(kind, fake, *options) as pid:
        before = process_cpu(pid)
        done = drive(users, seconds, one_round)
        done.parts["bot"] = process_cpu(pid) - before
        done.cpu_seconds += done.parts["bot"]
    return done


def own_schema(base: str, schema: str) -> str:
    """Return a URL whose tables live in a fresh schema of their own."""
    _schema_sql(base, f'DROP SCHEMA IF EXISTS "{schema}" CASCADE; CREATE SCHEMA "{schema}"')
    return f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"


def _schema_sql(base: str, statements: str) -> None:
    engine = create_engine(base)
    with engine.begin() as connection:
        for statement in statements.split(";"):
            connection.execute(text(statement))
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", help="run on this PostgreSQL URL instead of SQLite")
    parser.add_argument("--seconds", type=float, default=5.0, help="length of each round")
    parser.add_argument("--users", type=int, default=32, help="simulated users at a time")
    parser.add_argument("--rounds", type=int, default=4, help="rounds of each bot")
    parser.add_argument(
        "--similar",
        type=int,
        default=1000,
        help="open cases like the dialogs' complaint, seeded first (bench/seed_cases.py)",
    )
    parser.add_argument(
        "--no-freeze",
        action="store_true",
        help="leave the start-up heap to the collector (`intake run` freezes it: gc.freeze)",
    )
    parser.add_argument(
        "--canned",
        action="store_true",
        help="the floor: the dialog bot answers with a recorded dialog's replies (no service)",
    )
    parser.add_argument(
        "--floor",
        action="store_true",
        help="run the canned floor as a third side, alternating with the echo and dialog bots",
    )
    args = parser.parse_args()

    base = load_settings(database_url=args.postgres).database_url if args.postgres else None
    with tempfile.TemporaryDirectory() as folder:
        url = own_schema(base, SCHEMA) if base else f"sqlite:///{folder}/bench.db"
        fake = FakeTelegram().start()
        try:
            sides = measure(fake, url, Path(folder), args)
        finally:
            fake.stop()
            if base:
                _schema_sql(base, f'DROP SCHEMA IF EXISTS "{SCHEMA}" CASCADE')
    database = ("PostgreSQL" if base else "SQLite") + (", canned replies" if args.canned else "")
    report(sides["echo"], sides["dialog"], args.users, database, args.similar)
    if "floor" in sides:
        report_floor(sides["echo"], sides["floor"], sides["dialog"])


def measure(
    fake: FakeTelegram, url: str, folder: Path, args: argparse.Namespace
) -> dict[str, list[Round]]:
    """Alternate rounds of the echo bot, the canned floor (with `--floor`) and the dialog bot;
    return each side's rounds by name ("echo", "floor", "dialog")."""
    upgrade(url)
    router = Router(load_taxonomy(load_settings(database_url=url).taxonomy_file))
    settings = Cluster(fake, url, folder / "var", FakeClock(), router).settings()
    container = build(settings, clock=FakeClock(), router=router)
    prepare_database(container)  # the taxonomy's rows first: the seed reads the categories
    if args.similar:
        seed(container.engine, cases=0, similar=args.similar, now=FakeClock().now())
    container.engine.dispose()
    database = ["--database-url", url, "--data-dir", str(folder / "var")]
    frozen = ["--no-freeze"] * bool(getattr(args, "no_freeze", False))
    canned = bool(getattr(args, "canned", False))
    sides: dict[str, tuple[str, list[str]]] = {"echo": ("echo", frozen)}
    if getattr(args, "floor", False) and not canned:
        sides["floor"] = ("dialog", [*database, "--canned", *frozen])
    sides["dialog"] = ("dialog", [*database, *["--canned"] * canned, *frozen])
    rounds: dict[str, list[Round]] = {side: [] for side in sides}
    for _ in range(args.rounds):
        for side, (kind, options) in sides.items():
            fake.reset()
            rounds[side].append(run_bot(kind, fake, args.users, args.seconds, *options))
    return rounds


def report(
    echoes: list[Round], dialogs: list[Round], users: int, database: str, similar: int
) -> None:
    """Print the medians of the rounds and the ratio of per-update cost (min and median)."""
    echo_rates = [r.updates / r.seconds for r in echoes]
    dialog_rates = [r.updates / r.seconds for r in dialogs]
    dialogs_per_second = statistics.median(r.rounds / r.seconds for r in dialogs)
    per_dialog = sum(r.updates for r in dialogs) / max(sum(r.rounds for r in dialogs), 1)
    echo_ups, dialog_ups = statistics.median(echo_rates), statistics.median(dialog_rates)
    echo_cpu = statistics.median(1000 * r.cpu_seconds / r.updates for r in echoes)
    dialog_cpu = statistics.median(1000 * r.cpu_seconds / r.updates for r in dialogs)
    rows: list[tuple[str, Any]] = [
        ("database", database),
        ("similar open cases seeded", similar),
        ("simulated users at a time", users),
        ("echo bot, updates/s", f"{echo_ups:.0f}  (rounds: {_list(echo_rates)})"),
        ("dialog bot, updates/s", f"{dialog_ups:.0f}  (rounds: {_list(dialog_rates)})"),
        ("complaint dialogs/s", f"{dialogs_per_second:.1f}  ({per_dialog:.1f} updates each)"),
        ("CPU ms per update, echo", f"{echo_cpu:.1f}"),
        ("CPU ms per update, dialog", f"{dialog_cpu:.1f}"),
        *_parts(echoes, dialogs),
        (
            "per-update cost, dialog / echo",
            f"{echo_ups / dialog_ups:.2f}x in time, {dialog_cpu / echo_cpu:.2f}x in CPU",
        ),
        (
            "per-update time, dialog / echo, best rounds",
            f"{max(echo_rates) / max(dialog_rates):.2f}x (min), "
            f"{echo_ups / dialog_ups:.2f}x (median)",
        ),
    ]
    print_rows(rows)


def report_floor(echoes: list[Round], floors: list[Round], dialogs: list[Round]) -> None:
    """Print the dialog's ratio in its two parts: floor / echo and dialog / floor.

    Each is the ratio of per-update time (updates a second, median of the rounds) and of the
    bot process's own CPU an update (median), so that (floor / echo) x (dialog / floor) is the
    dialog / echo printed above.
    """

    def rate(rounds: list[Round]) -> float:
        return statistics.median(r.updates / r.seconds for r in rounds)

    def bot_cpu(rounds: list[Round]) -> float:
        return statistics.median(1000 * r.parts["bot"] / r.updates for r in rounds)

    floor_rates = [r.updates / r.seconds for r in floors]
    rows: list[tuple[str, Any]] = [
        ("canned floor, updates/s", f"{rate(floors):.0f}  (rounds: {_list(floor_rates)})"),
        ("CPU ms per update of the bot alone, floor", f"{bot_cpu(floors):.1f}"),
        (
            "per-update cost, floor / echo (the Bot API calls)",
            f"{rate(echoes) / rate(floors):.2f}x in time, "
            f"{bot_cpu(floors) / bot_cpu(echoes):.2f}x for the bot alone",
        ),
        (
            "per-update cost, dialog / floor (the service)",
            f"{rate(floors) / rate(dialogs):.2f}x in time, "
            f"{bot_cpu(dialogs) / bot_cpu(floors):.2f}x for the bot alone",
        ),
    ]
    print_rows(rows)


def print_rows(rows: list[tuple[str, Any]]) -> None:
    """Print (name, value) rows as two aligned columns."""
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


def _parts(echoes: list[Round], dialogs: list[Round]) -> list[tuple[str, Any]]:
    """Rows of CPU ms per update by part (medians of the rounds), and the bot's own ratio."""
    rows: list[tuple[str, Any]] = []
    medians: dict[tuple[str, str], float] = {}
    for bot, rounds in (("echo", echoes), ("dialog", dialogs)):
        for part in ("bot", "fake server", "users"):
            medians[bot, part] = statistics.median(
                1000 * r.parts[part] / r.updates for r in rounds
            )
        shown = ", ".join(
            f"{part} {medians[bot, part]:.1f}" for part in ("bot", "fake server", "users")
        )
        rows.append((f"CPU ms per update by part, {bot}", shown))
    ratio = medians["dialog", "bot"] / medians["echo", "bot"]
    rows.append(("per-update CPU of the bot alone, dialog / echo", f"{ratio:.2f}x"))
    return rows


def _list(rates: list[float]) -> str:
    return ", ".join(f"{rate:.0f}" for rate in rates)


if __name__ == "__main__":
    main()
