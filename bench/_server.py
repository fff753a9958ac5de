"""A real uvicorn server over the real app, plus one trivial endpoint, for the benchmarks."""

from __future__ import annotations

import sys

import uvicorn

from backend.api.app import create_app
from backend.bootstrap import build, prepare_database
from backend.settings import load_settings


def main() -> None:
    database_url, port = sys.argv[1], int(sys.argv[2])
    container = build(load_settings(database_url=database_url))
    prepare_database(container)
    app = create_app(container)

    @app.get("/bench/ping")
    def ping() -> dict[str, int]:
        return {"ok": 1}

    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


if __name__ == "__main__":
    main()
