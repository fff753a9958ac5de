"""The Starlette app answering ``/bot{token}/{method}`` and ``/file/bot{token}/{path}``."""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .context import ApiContext, Deliver, Params, not_found
from .errors import ApiError
from .methods import CANONICAL, METHODS
from .objects import bot_user
from .params import read_params
from .store import ChatStore, Fault
from .updates import UpdateQueue

TERMINATED = (
    "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running"
)
LONGEST_STALL = 30.0  # an unanswered call waits this long at most for the client to give up
WEBHOOK_ACTIVE = (
    "Conflict: can't use getUpdates method while webhook is active; "
    "use deleteWebhook to delete the webhook first"
)


@dataclass(frozen=True)
class BotProfile:
    """The name the fake bot reports in getMe."""

    username: str = "fake_bot"
    first_name: str = "Fake Bot"


def fault_error(fault: Fault) -> ApiError:
    """Return the error an injected fault produces."""
    if fault.status == 429:
        return ApiError(
            429,
            f"Too Many Requests: retry after {fault.retry_after}",
            {"retry_after": fault.retry_after},
        )
    return ApiError(fault.status, "Internal Server Error")


def _number(params: Params, name: str, default: float) -> float:
    value = params.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ApiError(400, f"Bad Request: invalid {name}")
    return float(value)


async def get_updates(updates: UpdateQueue, params: Params) -> list[dict[str, Any]]:
    """getUpdates: confirm ``offset``, then long-poll up to ``timeout`` seconds for updates."""
    if updates.webhook_active:
        raise ApiError(409, WEBHOOK_ACTIVE)
    offset, timeout = int(_number(params, "offset", 0)), _number(params, "timeout", 0)
    limit = min(max(int(_number(params, "limit", 100)), 1), 100)
    allowed = params.get("allowed_updates")
    updates.confirm(offset, allowed if isinstance(allowed, list) else None)
    generation = updates.begin_poll()
    loop = asyncio.get_running_loop()
    wake = asyncio.Event()

    def notify() -> None:
        with contextlib.suppress(RuntimeError):  # the server loop is already closed
            loop.call_soon_threadsafe(wake.set)

    key = updates.add_listener(notify)
    deadline = loop.time() + max(timeout, 0.0)
    try:
        while True:
            wake.clear()
            if not updates.is_current_poll(generation):
                raise ApiError(409, TERMINATED)
            batch = updates.collect(limit)
            remaining = deadline - loop.time()
            if batch or remaining <= 0 or updates.closed:
                return batch
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(wake.wait(), remaining)
    finally:
        updates.remove_listener(key)


async def until_disconnected(request: Request, longest: float = LONGEST_STALL) -> None:
    """Wait until the client closes the connection (it timed out), at most ``longest`` s."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + longest
    while loop.time() < deadline:
        with contextlib.suppress(TimeoutError):
            message = await asyncio.wait_for(request.receive(), deadline - loop.time())
            if message["type"] == "http.disconnect":
                return


def create_app(
    store: ChatStore, updates: UpdateQueue, deliver: Deliver, profile: BotProfile
) -> Starlette:
    """Build the fake Bot API server; state lives in ``store`` and ``updates``."""

    async def api(request: Request) -> Response:
        token, requested = request.path_params["token"], request.path_params["method"]
        method = CANONICAL.get(requested.lower(), requested)
        fault = None
        try:
            params = await read_params(request)
            store.record_call(method, params)
            fault = store.take_fault(method)
            if fault is not None and not fault.after_delivery:
                raise fault_error(fault)
            if method == "getUpdates":
                result: Any = await get_updates(updates, params)
            elif method in METHODS:
                bot = bot_user(token, profile.username, profile.first_name)
                result = METHODS[method](ApiContext(store, updates, deliver, bot), params)
            else:
                raise not_found(requested)
        except ApiError as error:
            return JSONResponse(error.payload(), status_code=error.code)
        if fault is not None:  # done, but the answer never reaches the client
            store.hold(method, +1)
            try:
                await until_disconnected(request)
            finally:
                store.hold(method, -1)
            return Response(status_code=504)
        return JSONResponse({"ok": True, "result": result})

    async def download(request: Request) -> Response:
        stored = store.file_by_path(request.path_params["file_path"])
        if stored is None:
            return JSONResponse(
                {"ok": False, "error_code": 404, "description": "Not Found"}, status_code=404
            )
        return Response(stored.data, media_type="application/octet-stream")

    routes = [
        Route("/bot{token}/{method}", api, methods=["GET", "POST"]),
        Route("/file/bot{token}/{file_path:path}", download, methods=["GET"]),
    ]
    return Starlette(routes=routes)
