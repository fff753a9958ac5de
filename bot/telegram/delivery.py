"""Tell a Bot API call that failed before Telegram had it from one that may have arrived.

A call can fail after its request went out: no answer within the read timeout, the
connection dropped while waiting, the bridge gave up on the bot's loop. The message may be in
the chat then, and sending it again may show it twice; what to do is the caller's decision
(`backend.notifications.policy`). A call refused by Telegram (400, 403, 429, a 5xx answer) or
one that never connected did not arrive. The transport (`bot.telegram.transport`, aiohttp)
puts its own error as the cause of the library's.
"""

from __future__ import annotations

import aiohttp
from telegram.error import BadRequest, NetworkError, TimedOut

# Failures before the request was written: nothing reached Telegram. A connection timeout
# is aiohttp's for both waiting for a pooled connection and opening one; a connector error
# covers refused connections, name lookups, TLS handshakes and proxies.
_NOT_SENT = (
    aiohttp.ClientConnectorError,
    aiohttp.ConnectionTimeoutError,
    aiohttp.InvalidURL,
)


def maybe_delivered(error: BaseException) -> bool:
    """Return whether a failed call may still have delivered its message."""
    if isinstance(error, BadRequest) or not isinstance(error, NetworkError):
        return False
    cause = error.__cause__
    if isinstance(cause, _NOT_SENT):
        return False
    if isinstance(error, TimedOut):
        return True  # read or write timeout, or the bridge stopped waiting for the loop
    return isinstance(cause, aiohttp.ClientError)  # the connection broke while waiting
