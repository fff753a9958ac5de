"""The bot's Bot API transport (bot.telegram.transport, aiohttp) against the fake Bot API:
what arrives, and how each failure tells whether the message may have arrived."""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any, TypeVar

import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import NetworkError, TimedOut
from telegram.ext import ApplicationBuilder, ExtBot

from bot.telegram import transport
from bot.telegram.application import with_transport
from bot.telegram.delivery import maybe_delivered
from bot.telegram.transport import AiohttpRequest
from tests.e2e.fake_telegram import FakeTelegram

TOKEN = "123456:TEST-TOKEN"
CHAT = 4242
T = TypeVar("T")


async def with_bot_async(
    base_url: str, call: Callable[[ExtBot[Any]], Awaitable[T]], **options: Any
) -> T:
    """Await `call(bot)` with a bot whose calls go through an `AiohttpRequest(**options)`."""
    bot: ExtBot[Any] = ExtBot(TOKEN, base_url=base_url, request=AiohttpRequest(**options))
    await bot.request.initialize()
    try:
        return await call(bot)
    finally:
        await bot.request.shutdown()


def with_bot(base_url: str, call: Callable[[ExtBot[Any]], Awaitable[T]], **options: Any) -> T:
    """Run `call(bot)` with a bot whose calls go through an `AiohttpRequest(**options)`."""
    return asyncio.run(with_bot_async(base_url, call, **options))


def failure_of(base_url: str, call: Callable[[ExtBot[Any]], Awaitable[Any]], **options: Any):  # type: ignore[no-untyped-def]
    """Return the error `call(bot)` raised."""
    with pytest.raises(NetworkError) as raised:
        with_bot(base_url, call, **options)
    return raised.value


def test_a_message_with_a_keyboard_arrives_as_sent(fake_telegram: FakeTelegram) -> None:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("确认 OK", callback_data="yes")]])
    fake_telegram.send_text(CHAT, "hello")  # the chat exists once its user wrote

    message = with_bot(
        fake_telegram.base_url,
        lambda bot: bot.send_message(CHAT, "收到 & done", reply_markup=keyboard),
    )

    sent = fake_telegram.sent(CHAT)
    assert (message.text, sent[-1]["text"]) == ("收到 & done", "收到 & done")
    assert sent[-1]["reply_markup"] == keyboard.to_dict()


def test_a_file_goes_up_as_a_multipart_upload(fake_telegram: FakeTelegram) -> None:
    fake_telegram.send_text(CHAT, "hello")

    message = with_bot(
        fake_telegram.base_url,
        lambda bot: bot.send_document(
            CHAT, b"case 2026-0001\n", filename="case.txt", caption="导出"
        ),
    )

    assert message.document is not None and message.document.file_name == "case.txt"
    assert message.caption == "导出"


def test_telegrams_refusal_is_the_librarys_error_not_a_transport_failure(
    fake_telegram: FakeTelegram,
) -> None:
    fake_telegram.send_text(CHAT, "hello")
    fake_telegram.fail_next("sendMessage", status=500)

    error = failure_of(fake_telegram.base_url, lambda bot: bot.send_message(CHAT, "hi"))

    assert "Internal Server Error" in str(error)
    assert maybe_delivered(error) is False


def test_an_answer_that_never_comes_times_out_and_may_have_arrived(
    fake_telegram: FakeTelegram,
) -> None:
    fake_telegram.send_text(CHAT, "hello")
    fake_telegram.time_out_after_delivery("sendMessage")

    error = failure_of(
        fake_telegram.base_url, lambda bot: bot.send_message(CHAT, "hi"), read_timeout=0.5
    )

    assert isinstance(error, TimedOut)
    assert maybe_delivered(error) is True
    assert [m["text"] for m in fake_telegram.sent(CHAT)][-1] == "hi"


def test_a_refused_connection_was_never_sent() -> None:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))  # bound, never listening: connections are refused
        base_url = f"http://127.0.0.1:{unused.getsockname()[1]}/bot"

        error = failure_of(base_url, lambda bot: bot.send_message(CHAT, "hi"))

    assert not isinstance(error, TimedOut)
    assert maybe_delivered(error) is False


def test_waiting_in_vain_for_a_pooled_connection_was_never_sent(
    fake_telegram: FakeTelegram,
) -> None:
    fake_telegram.send_text(CHAT, "hello")
    fake_telegram.time_out_after_delivery("sendMessage")  # holds the pool's one connection

    async def second_waits_for_the_first(bot: ExtBot[Any]) -> None:
        first = asyncio.ensure_future(bot.send_message(CHAT, "first", read_timeout=2.0))
        await asyncio.sleep(0.2)  # the first call holds the connection (bounded by its timeout)
        try:
            await bot.send_message(CHAT, "second", pool_timeout=0.2, connect_timeout=0.2)
        finally:
            await asyncio.gather(first, return_exceptions=True)

    error = failure_of(fake_telegram.base_url, second_waits_for_the_first, connections=1)

    assert isinstance(error, TimedOut)
    assert maybe_delivered(error) is False
    assert "second" not in [m["text"] for m in fake_telegram.sent(CHAT)]


def test_a_connection_dropped_while_waiting_may_have_delivered() -> None:
    async def hang_up(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")  # the request came in; the answer never does
        writer.close()

    async def run() -> BaseException:
        server = await asyncio.start_server(hang_up, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        request = AiohttpRequest()
        await request.initialize()
        bot: ExtBot[Any] = ExtBot(TOKEN, base_url=f"http://127.0.0.1:{port}/bot", request=request)
        try:
            await bot.send_message(CHAT, "hi")
        except NetworkError as error:
            return error
        finally:
            await request.shutdown()
            server.close()
        raise AssertionError("the call did not fail")

    error = asyncio.run(run())

    assert not isinstance(error, TimedOut)
    assert maybe_delivered(error) is True


def test_only_an_http_proxy_is_taken() -> None:
    with pytest.raises(ValueError, match="HTTP proxy"):
        AiohttpRequest(proxy="socks5://127.0.0.1:1080")


def test_a_call_before_initialisation_is_refused() -> None:
    with pytest.raises(RuntimeError, match="not initialised"):
        asyncio.run(AiohttpRequest().do_request("http://127.0.0.1:9/bot", "POST"))


def test_the_builder_sends_calls_and_long_polls_through_aiohttp() -> None:
    application = with_transport(ApplicationBuilder().token(TOKEN)).build()

    assert isinstance(application.bot.request, AiohttpRequest)
    assert isinstance(application.bot._request[0], AiohttpRequest)  # getUpdates' own


@asynccontextmanager
async def capturing_server() -> AsyncIterator[tuple[str, list[bytes]]]:
    """Yield the address of a server that keeps each request as it came (head and body) and
    answers it with a sent message, and the list of those requests."""
    received: list[bytes] = []

    async def capture(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        length = int(head.lower().split(b"content-length:")[1].split(b"\r\n")[0])
        received.append(head + await reader.readexactly(length))
        message = {"message_id": 1, "date": 0, "chat": {"id": CHAT, "type": "private"}}
        body = json.dumps({"ok": True, "result": message}).encode()
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n")
        writer.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(capture, "127.0.0.1", 0)
    try:
        yield f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}", received
    finally:
        server.close()


def test_a_call_without_files_goes_as_one_json_body() -> None:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("确认", callback_data="yes")]])

    async def run() -> list[bytes]:
        async with capturing_server() as (url, received):
            await with_bot_async(
                f"{url}/bot", lambda bot: bot.send_message(CHAT, "收到", reply_markup=keyboard)
            )
        return received

    [request] = asyncio.run(run())

    head, body = request.split(b"\r\n\r\n", 1)
    assert b"content-type: application/json" in head.lower()
    assert json.loads(body) == {
        "chat_id": CHAT,
        "text": "收到",
        "reply_markup": {"inline_keyboard": [[{"text": "确认", "callback_data": "yes"}]]},
    }


def test_the_environments_proxy_is_used_as_httpx_did(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NO_PROXY", "no_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)

    async def run() -> list[bytes]:
        async with capturing_server() as (url, received):
            monkeypatch.setenv("HTTP_PROXY", url)
            await with_bot_async(
                "http://api.telegram.invalid/bot", lambda bot: bot.send_message(CHAT, "hi")
            )
        return received

    [request] = asyncio.run(run())

    assert request.startswith(b"POST http://api.telegram.invalid/bot")


def _no_proxy_in_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NO_PROXY", "HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


def test_a_host_named_in_no_proxy_is_called_directly(monkeypatch: pytest.MonkeyPatch) -> None:
    _no_proxy_in_environment(monkeypatch)
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")  # nothing listens there

    async def run() -> list[bytes]:
        async with capturing_server() as (url, received):
            monkeypatch.setenv("NO_PROXY", "127.0.0.1")
            await with_bot_async(f"{url}/bot", lambda bot: bot.send_message(CHAT, "hi"))
        return received

    [request] = asyncio.run(run())

    assert request.startswith(b"POST /bot")


def test_credentials_in_a_netrc_file_are_never_sent(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    # The token is in the path; a netrc entry for the Bot API's host (or any) adds nothing.
    _no_proxy_in_environment(monkeypatch)
    (tmp_path / ".netrc").write_text("machine 127.0.0.1 login someone password secret\n")
    (tmp_path / ".netrc").chmod(0o600)
    monkeypatch.setenv("NETRC", str(tmp_path / ".netrc"))
    monkeypatch.setenv("HOME", str(tmp_path))

    async def run() -> list[bytes]:
        async with capturing_server() as (url, received):
            await with_bot_async(f"{url}/bot", lambda bot: bot.send_message(CHAT, "hi"))
        return received

    [request] = asyncio.run(run())

    assert b"authorization" not in request.lower()


def test_the_environment_is_read_once_per_host_not_per_call(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # aiohttp's trust_env reads the environment and ~/.netrc on a thread at every call: two
    # thread hops a Bot API call (the dialog bench's profile). Now read once per host.
    _no_proxy_in_environment(monkeypatch)
    reads: list[str] = []
    real = transport.get_env_proxy_for_url

    def counted(url: Any) -> Any:
        reads.append(str(url.host))
        return real(url)

    monkeypatch.setattr(transport, "get_env_proxy_for_url", counted)

    async def three_calls(bot: ExtBot[Any]) -> None:
        for _ in range(3):
            await bot.send_message(CHAT, "hi")

    async def run() -> None:
        async with capturing_server() as (url, _received):
            await with_bot_async(f"{url}/bot", three_calls)

    asyncio.run(run())

    assert reads == ["127.0.0.1"]
