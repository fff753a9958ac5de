"""Profile the complaint dialog's turns in one thread: where the conversation service's CPU goes.

The same dialog as `bench/dialog_throughput.py` (/report, the text, confirm the category,
file a new one when similar cases are offered, today, skip the evidence, anonymous,
confirm) sent as `Inbound` events straight to `ConversationService.handle` on a fresh SQLite
file (or `--postgres URL`) holding `--similar` open cases like it (1,000 by default), with
the start-up heap frozen as `intake run` does. No Telegram: the library, the adapter and the
fake server are left out, so this is the dialog's own cost. Prints CPU ms per update, the
same by step, then the profile (`--sort tottime|cumulative`, `--top N`).

Run: `.venv/bin/python bench/profile_dialog.py [--dialogs 100] [--similar 1000]`.
"""

from __future__ import annotations

import argparse
import cProfile
import itertools
import pstats
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from backend.bootstrap import build  # noqa: E402
from backend.conversations.service import ConversationService  # noqa: E402
from backend.settings import load_settings  # noqa: E402
from bench._database import fresh_database  # noqa: E402
from bench.seed_cases import seed  # noqa: E402
from bot.serve import freeze_heap  # noqa: E402
from dialogs.model import ChatRef, Inbound, Outbound  # noqa: E402
from tests.e2e.telegram_user import ARREARS  # noqa: E402
from tests.fakes import FakeClock  # noqa: E402

EVENTS = itertools.count(1)
Handle = Callable[[Inbound], list[Outbound]]


class Chat:
    """One chat's side of the dialog: says, taps buttons of the last replies by label."""

    def __init__(self, handle: Handle, chat_id: int) -> None:
        self.handle, self.chat = handle, ChatRef("telegram", str(chat_id))
        self.replies: list[Outbound] = []

    def send(self, kind: str, **fields: str) -> list[Outbound]:
        inbound = Inbound(
            kind=kind,  # type: ignore[arg-type]
            chat=self.chat,
            event_id=f"{self.chat.chat_id}-{next(EVENTS)}",  # unique across processes
            language_hint="zh-hans",
            **fields,  # type: ignore[arg-type]
        )
        self.replies = self.handle(inbound)
        return self.replies

    def tap(self, label: str) -> list[Outbound]:
        for reply in reversed(self.replies):
            for row in reply.buttons:
                for button in row:
                    if button.label == label:
                        return self.send("button", payload=button.payload)
        raise AssertionError(f"no button {label!r} in {self.replies!r}")

    def has(self, part: str) -> bool:
        return any(part in reply.text for reply in self.replies)


def complaint(
    chat: Chat,
    timed: dict[str, list[float]],
    profile: cProfile.Profile | None = None,
    only: str | None = None,
) -> None:
    """File one anonymous complaint, timing each step's CPU (and profiling the `only` one)."""

    def step(name: str, action: Callable[[], object], expect: str) -> None:
        profiled = profile if only in (None, name) else None
        if profiled is not None:
            profiled.enable()
        started = time.process_time()
        action()
        timed[name].append(time.process_time() - started)
        if profiled is not None:
            profiled.disable()
        if not chat.has(expect):
            raise AssertionError(f"{name}: no {expect!r} in {chat.replies!r}")

    step("/report", lambda: chat.send("command", command="report"), "请描述发生了什么")
    step("text", lambda: chat.send("text", text=ARREARS), "对吗")
    step("confirm category", lambda: chat.tap("✅ 对"), "")
    if chat.has("和您反映的很像"):
        step("file new anyway", lambda: chat.tap("仍然提交新的投诉"), "事情是哪天发生的")
    step("today", lambda: chat.tap("今天"), "有照片或文件")
    step("skip evidence", lambda: chat.tap("跳过 ➡️"), "匿名还是实名")
    step("anonymous", lambda: chat.tap("🕶 匿名"), "请核对投诉内容")
    step("submit", lambda: chat.tap("✅ 确认提交"), "已受理")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", help="run on this PostgreSQL URL instead of SQLite")
    parser.add_argument("--dialogs", type=int, default=100, help="dialogs profiled")
    parser.add_argument("--similar", type=int, default=1000, help="similar open cases seeded")
    parser.add_argument("--sort", default="tottime", choices=("tottime", "cumulative"))
    parser.add_argument("--top", type=int, default=40, help="profile rows printed")
    parser.add_argument("--step", help="profile only this step (e.g. submit)")
    parser.add_argument("--dump", help="also write the profile to this file (pstats format)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = fresh_database(Path(folder), "dialogs", args.postgres)
        clock = FakeClock()
        settings = load_settings(database_url=url, data_dir=Path(folder) / "var", env="test")
        container = build(settings, clock=clock)
        if args.similar:
            seed(container.engine, cases=0, similar=args.similar, now=clock.now())
        service = ConversationService(container)
        chats = itertools.count(1_000_000)  # a new chat per dialog (5 complaints a day at most)
        warm: dict[str, list[float]] = defaultdict(list)
        for _ in range(5):
            complaint(Chat(service.handle, next(chats)), warm)
        freeze_heap()
        timed: dict[str, list[float]] = defaultdict(list)
        for _ in range(args.dialogs):
            complaint(Chat(service.handle, next(chats)), timed)
        profile = cProfile.Profile()
        for _ in range(args.dialogs):
            complaint(Chat(service.handle, next(chats)), defaultdict(list), profile, args.step)
        container.engine.dispose()
    updates = sum(len(times) for times in timed.values())
    total = sum(sum(times) for times in timed.values())
    print(f"CPU ms per update: {1000 * total / updates:.2f} over {updates} (not profiled)")
    for name, times in timed.items():
        print(f"  {name:<18} median {1000 * statistics.median(times):.2f} ms")
    if args.dump:
        profile.dump_stats(args.dump)
    pstats.Stats(profile).strip_dirs().sort_stats(args.sort).print_stats(args.top)


if __name__ == "__main__":
    main()
