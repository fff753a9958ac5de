"""The `intake` command: says at once that `intake chat` is starting, then loads and runs.

Loading the commands takes seconds (the routing's dictionaries, the web and database
libraries), so this module imports nothing heavy before it has printed that line.
"""

from __future__ import annotations

import sys

LOADING = "正在启动，请稍候… / Starting, please wait…"


def main() -> None:
    """Run the command line."""
    if sys.argv[1:2] == ["chat"]:  # a person waits at the terminal: tell them at once
        print(LOADING, flush=True)
    from bot.commands import backend_main  # loaded only once the line is out

    backend_main()


if __name__ == "__main__":
    main()
