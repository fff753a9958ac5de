"""Bot API calls over aiohttp: python-telegram-bot's `BaseRequest` on aiohttp's client.

Why not the library's default (`HTTPXRequest`): httpcore 1.0's connection pool walks every
pooled connection twice per request, asking each idle one whether the server closed it (a
`poll` and a `getpeername` system call) and counting idle ones inside that walk (quadratic),
so a call's CPU grows with the connections the bot holds: 25-35 with 32 chats answered at
once, up to 256 under load against the real Bot API. A sampling profile of the dialog bench
put 36-45 % of the bot's event loop there (httpcore issues 1035 and 1110, httpx2's pull
requests 974 and 1169 say the same). aiohttp's connector keeps idle connections per host and
takes one without walking the rest; it learns that the server closed an idle connection
from the event loop, which reads every open socket. python-telegram-bot documents custom
`BaseRequest` subclasses for this. A call's parameters go as one JSON body, as the Bot API
documents (`application/json`, "except for uploading files", which go as multipart form
data): one `json.dumps` instead of the library's form encoding (each structured parameter
JSON-encoded, then every byte of a Chinese text percent-encoded), 13 % of the event loop's
samples in the dialog bench. The environment's proxy (`HTTP(S)_PROXY`, `NO_PROXY`) is read
once per host, not by aiohttp's `trust_env`, which reads it and `~/.netrc` on a thread at
every call (two thread hops a call, and a netrc entry's password sent along with the token).

Shapes and units: `do_request` returns (HTTP status, body bytes); every timeout is in
seconds, None to wait without bound. Errors: a timeout raises `telegram.error.TimedOut`,
any other transport failure `telegram.error.NetworkError`, the aiohttp error as its cause
(`bot.telegram.delivery` reads the cause to tell "never sent" from "may have arrived").
"""

from __future__ import annotations

import json
from typing import Any

import aiohttp
from aiohttp.helpers import BasicAuth, get_env_proxy_for_url
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData
from yarl import URL

POOL = 256  # connections at most, as python-telegram-bot's HTTPXRequest
MEDIA_WRITE_TIMEOUT = 20.0  # an upload may take longer to write (the library's default)
JSON = {"Content-Type": "application/json"}
EnvProxy = tuple[URL | None, BasicAuth | None]  # the proxy to use and its credentials


class AiohttpRequest(BaseRequest):
    """One aiohttp session (opened by `initialize`, closed by `shutdown`) for Bot API calls.

    The timeouts mean what they mean in python-telegram-bot, as far as aiohttp can tell them
    apart: `read` between two reads of the answer; `pool` (waiting for a free connection)
    and `connect` (opening one) bound the two together by their sum; `write` (sending the
    request) is not bounded alone, so the whole call is bounded by the sum of the four and
    a call whose server stops reading still ends.
    """

    __slots__ = ("_connections", "_defaults", "_env_proxies", "_proxy", "_session", "_timeouts")

    def __init__(
        self,
        *,
        connections: int = POOL,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
        proxy: str | None = None,
    ) -> None:
        if proxy and not proxy.startswith(("http://", "https://")):
            raise ValueError(f"only an HTTP proxy is supported (got {proxy.split(':')[0]}://)")
        self._connections = connections
        self._defaults = (read_timeout, write_timeout, connect_timeout, pool_timeout)
        self._proxy = proxy
        self._session: aiohttp.ClientSession | None = None
        self._timeouts: dict[tuple[float | None, ...], aiohttp.ClientTimeout] = {}
        self._env_proxies: dict[tuple[str, str | None], EnvProxy] = {}

    @property
    def read_timeout(self) -> float | None:
        """Return the default read timeout in seconds."""
        return self._defaults[0]

    async def initialize(self) -> None:
        """Open the session (on the running event loop)."""
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self._connections, limit_per_host=0)
            self._session = aiohttp.ClientSession(
                connector=connector,
                headers={"User-Agent": self.USER_AGENT},
                proxy=self._proxy,
                trust_env=False,  # the environment's proxy: _env_proxy, once per host
                auto_decompress=True,
                raise_for_status=False,
            )

    async def shutdown(self) -> None:
        """Close the session and its connections."""
        if self._session is not None and not self._session.closed:
            await self._session.close()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Send one call; return the answer's status and body."""
        session = self._session
        if session is None or session.closed:
            raise RuntimeError("this AiohttpRequest is not initialised")
        files = request_data.multipart_data if request_data else None
        default_read, default_write, default_connect, default_pool = self._defaults
        if isinstance(write_timeout, DefaultValue):
            write_timeout = MEDIA_WRITE_TIMEOUT if files else default_write
        timeout = self._timeout(
            default_read if isinstance(read_timeout, DefaultValue) else read_timeout,
            write_timeout,
            default_connect if isinstance(connect_timeout, DefaultValue) else connect_timeout,
            default_pool if isinstance(pool_timeout, DefaultValue) else pool_timeout,
        )
        data: Any = None
        headers = None
        if files and request_data is not None:
            data = _form(request_data.json_parameters, files)
        elif request_data is not None:  # the Bot API takes JSON but for uploads
            data = json.dumps(request_data.parameters, ensure_ascii=False).encode()
            headers = JSON
        proxy, proxy_auth = (self._proxy, None) if self._proxy else self._env_proxy(url)
        try:
            async with session.request(
                method,
                url,
                data=data,
                headers=headers,
                timeout=timeout,
                proxy=proxy,
                proxy_auth=proxy_auth,
            ) as response:
                return response.status, await response.read()
        except TimeoutError as error:  # aiohttp's timeouts are TimeoutErrors
            raise TimedOut from error
        except aiohttp.ClientError as error:
            raise NetworkError(f"aiohttp.{type(error).__name__}: {error}") from error

    def _env_proxy(self, url: str) -> EnvProxy:
        """Return the environment's proxy for the URL's host and its credentials, or Nones
        (none set, or the host in `NO_PROXY`); read on the first call to each host."""
        parsed = URL(url)
        key = (parsed.scheme, parsed.host)
        found = self._env_proxies.get(key)
        if found is None:
            try:
                found = get_env_proxy_for_url(parsed)
            except LookupError:  # no proxy for this scheme, or the host is exempt
                found = (None, None)
            if len(self._env_proxies) < 64:  # the Bot API's host, and its file host
                self._env_proxies[key] = found
        return found

    def _timeout(
        self,
        read: float | None,
        write: float | None,
        connect: float | None,
        pool: float | None,
    ) -> aiohttp.ClientTimeout:
        key = (read, write, connect, pool)
        timeout = self._timeouts.get(key)
        if timeout is None:
            parts = [read, write, connect, pool]
            total = None if None in parts else sum(p for p in parts if p is not None)
            waiting = None if connect is None or pool is None else connect + pool
            timeout = aiohttp.ClientTimeout(
                total=total, connect=waiting, sock_connect=connect, sock_read=read
            )
            if len(self._timeouts) < 64:  # the few combinations the library uses
                self._timeouts[key] = timeout
        return timeout


def _form(fields: dict[str, str], files: dict[str, Any]) -> aiohttp.FormData:
    """Return a multipart body: the JSON-encoded fields, then the files."""
    form = aiohttp.FormData(fields)
    for name, (filename, content, mimetype) in files.items():
        form.add_field(name, content, filename=filename, content_type=mimetype)
    return form
