"""Session tokens: an opaque chat id and its issue time signed with HMAC.

A token is `w2.<chat id>.<issued>.<signature>`: `issued` is the issue time in whole seconds
since the Unix epoch (UTC), the signature an HMAC-SHA256 (urlsafe base64, unpadded) of
`w2.<chat id>.<issued>`, so nobody writes into another chat or moves a token's time.

The rule (a token copied from a shared computer must not open its chat for ever):
- a token older than the limit (`INTAKE_WEBCHAT_TOKEN_DAYS`, 90 days by default) is refused
  (`ExpiredToken`); its page starts a new chat;
- a token in use is renewed: one older than RENEW_AFTER (a day) is answered with a fresh one
  for the page to keep, so a chat ends after between the limit less a day and the limit
  without use, and a chat in use never does. "Use" is any request of its page: a turn, an
  upload, the resume after a reload, the poll of a visible page. The token replaced stays
  valid until its own limit (nothing is stored);
- a token dated more than ALLOWED_SKEW ahead of this server's clock is refused as not ours
  (`BadToken`): only a wrong clock or a leaked key signs one.

Tokens issued before tokens carried a time (`w1.<chat id>.<signature>`, the HMAC of the chat
id alone) have no age to read. While `INTAKE_WEBCHAT_LEGACY_TOKENS` is on (the default) one
is accepted and answered with a renewed w2 token, so no citizen in the middle of a dialog is
stranded by the upgrade; once that setting is turned off (a deploy-time cutoff, safe a limit
after the upgrade: every page in use holds a w2 token by then) one is refused as expired.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from backend.clock import Clock

_PREFIX = "w2"
_LEGACY_PREFIX = "w1"
_CHAT_ID = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
_ISSUED = re.compile(r"^[0-9]{1,11}$")  # seconds up to the year 5138, within datetime's
RENEW_AFTER = timedelta(days=1)
ALLOWED_SKEW = timedelta(minutes=5)  # between instances' clocks


class BadToken(Exception):
    """A token that this server did not issue (or whose time was changed)."""


class ExpiredToken(Exception):
    """A token of ours, idle longer than the limit (or of the old format, no longer taken)."""


@dataclass(frozen=True)
class ChatToken:
    """A token checked: its chat, its issue time and, when due, the token to keep instead."""

    chat_id: str
    issued_at: datetime | None  # None: an old-format (w1) token, which carries no time
    renewal: str | None  # a fresh token the page should keep from now on, or None


class TokenSigner:
    """Issue and check web-chat tokens with a key derived from the settings' secret."""

    def __init__(self, secret: str, *, clock: Clock, days: int, legacy: bool = True) -> None:
        """Sign with `secret`; tokens last `days` days after issue; take w1 ones if `legacy`."""
        # A key of its own, so a web-chat signature is worth nothing anywhere else.
        self._key = hmac.new(secret.encode(), b"intake webchat token v1", hashlib.sha256).digest()
        self._clock = clock
        self.lifetime = timedelta(days=days)
        self._legacy = legacy

    def new_chat(self) -> tuple[str, str]:
        """Return a fresh chat id and its token, issued now."""
        chat_id = secrets.token_urlsafe(18)
        return chat_id, self.sign(chat_id)

    def sign(self, chat_id: str) -> str:
        """Return a token of a chat id, issued now (the clock's time, whole seconds)."""
        issued = str(int(self._clock.now().timestamp()))
        return f"{_PREFIX}.{chat_id}.{issued}.{self._signature(f'{_PREFIX}.{chat_id}.{issued}')}"

    def check(self, token: str) -> ChatToken:
        """Return the chat a token stands for and its renewal, if due.

        Raise BadToken when the token is not ours (malformed, another key, a changed time, a
        time ahead of the clock), ExpiredToken when it is older than the limit, or is an
        old-format one while those are no longer taken.
        """
        parts = token.split(".")
        if parts[0] == _LEGACY_PREFIX and len(parts) == 3:
            return self._check_legacy(parts[1], parts[2])
        if parts[0] != _PREFIX or len(parts) != 4:
            raise BadToken("malformed token")
        _, chat_id, issued, signature = parts
        if not _CHAT_ID.match(chat_id) or not _ISSUED.match(issued):
            raise BadToken("malformed token")
        if not hmac.compare_digest(signature, self._signature(f"{_PREFIX}.{chat_id}.{issued}")):
            raise BadToken("bad signature")
        issued_at = datetime.fromtimestamp(int(issued), UTC)
        age = self._clock.now() - issued_at
        if age < -ALLOWED_SKEW:
            raise BadToken("issued in the future")
        if age > self.lifetime:
            raise ExpiredToken("idle longer than the limit")
        renewal = self.sign(chat_id) if age > RENEW_AFTER else None
        return ChatToken(chat_id, issued_at, renewal)

    def _check_legacy(self, chat_id: str, signature: str) -> ChatToken:
        if not _CHAT_ID.match(chat_id):
            raise BadToken("malformed token")
        if not hmac.compare_digest(signature, self._signature(chat_id)):
            raise BadToken("bad signature")
        if not self._legacy:
            raise ExpiredToken("old-format tokens are no longer taken")
        return ChatToken(chat_id, None, self.sign(chat_id))

    def _signature(self, message: str) -> str:
        # A w1 message is a bare chat id (no dot), a w2 one has dots: neither signs the other.
        digest = hmac.new(self._key, message.encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
