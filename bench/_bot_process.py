"""One bot of the dialog bench, as a process of its own (the bench is its load generator).

`echo`: python-telegram-bot answering every text with the same text. `dialog`: the whole
system as `intake run` serves it (`bot.serve.build_web_app`: conversation service, dialog
engine, database, routing) on a database the bench prepared; `--canned` replaces the
conversation service with the replies of one dialog recorded first (`bench/_canned.py`).
Both poll the bench's fake Bot API with up to 64 updates at once, freeze the start-up heap as
`intake run` does (unless `--no-freeze`), print `ready` once polling, and stop when their
standard input closes.

Run by `bench/dialog_throughput.py`:
`python bench/_bot_process.py echo|dialog --base-url URL --file-url URL [--database-url URL
--data-dir DIR] [--canned] [--no-freeze]`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from telegram import Update  # noqa: E402
from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters  # noqa: E402

from bot.serve import freeze_heap  # noqa: E402
from bot.telegram.application import with_transport  # noqa: E402

TOKEN = "123456:TEST-TOKEN"  # the fake Bot API takes any token; the tests' one


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a text with the same text."""
    assert update.effective_message is not None and update.effective_chat is not None
    await context.bot.send_message(update.effective_chat.id, update.effective_message.text or "")


def serve_echo(args: argparse.Namespace) -> None:
    """Poll with an echo bot until standard input closes."""
    builder = (
        ApplicationBuilder()
        .token(TOKEN)
        .base_url(args.base_url)
        .base_file_url(args.file_url)
        .concurrent_updates(64)
        .job_queue(None)
    )
    # The product's transport and its settings (bench/dialog_throughput.py: same library)
    app = with_transport(builder).build()
    app.add_handler(MessageHandler(filters.TEXT, echo))
    stop = threading.Event()

    async def run() -> None:
        async with app:
            await app.start()
            assert app.updater is not None
            await app.updater.start_polling(poll_interval=0, timeout=1)
            if not args.no_freeze:
                freeze_heap()
            print("ready", flush=True)
            while not stop.is_set():
                await asyncio.sleep(0.05)
            await app.updater.stop()
            await app.stop()

    threading.Thread(target=_wait_for_eof, args=(stop,), daemon=True).start()
    asyncio.run(run())


def serve_dialog(args: argparse.Namespace) -> None:
    """Serve the whole system, polling the fake, until standard input closes."""
    from backend.bootstrap import build, prepare_database
    from backend.settings import load_settings
    from bench._canned import RECORDED_CHAT, canned, record
    from tests.e2e.telegram_app import AppProcess, bind_socket
    from tests.fakes import FakeClock

    settings = load_settings(
        env="test",
        database_url=args.database_url,
        data_dir=Path(args.data_dir),
        telegram_token=TOKEN,
        telegram_base_url=args.base_url,
        telegram_base_file_url=args.file_url,
        webchat=False,
        scheduler=False,
        max_text_length=1000,
    )
    container = build(settings, clock=FakeClock())
    prepare_database(container)
    # A chat of its own per process: a chat files five complaints a day at most.
    steps = record(container, RECORDED_CHAT - os.getpid()) if args.canned else None
    stop = threading.Event()
    with canned(steps) if steps is not None else contextlib.nullcontext():
        process = AppProcess(container, bind_socket()).start()
        if not args.no_freeze:
            freeze_heap()
        print("ready", flush=True)
        _wait_for_eof(stop)
        process.stop()


def _wait_for_eof(stop: threading.Event) -> None:
    sys.stdin.read()
    stop.set()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("kind", choices=("echo", "dialog"))
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--file-url", required=True)
    parser.add_argument("--database-url")
    parser.add_argument("--data-dir")
    parser.add_argument("--canned", action="store_true")
    parser.add_argument("--no-freeze", action="store_true")
    args = parser.parse_args()
    (serve_echo if args.kind == "echo" else serve_dialog)(args)


if __name__ == "__main__":
    main()
