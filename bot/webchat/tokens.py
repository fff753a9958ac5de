"""Session tokens: an opaque chat id signed with HMAC, so nobody writes into another chat."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets

_PREFIX = "w1"
_CHAT_ID = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


class BadToken(Exception):
    """A token that this server did not issue."""


class TokenSigner:
    """Issue and check web-chat tokens with a key derived from the settings' secret."""

    def __init__(self, secret: str) -> None:
        # A key of its own, so a web-chat signature is worth nothing anywhere else.
        self._key = hmac.new(secret.encode(), b"intake webchat token v1", hashlib.sha256).digest()

    def new_chat(self) -> tuple[str, str]:
        """Return a fresh chat id and its token."""
        chat_id = secrets.token_urlsafe(18)
        return chat_id, self.sign(chat_id)

    def sign(self, chat_id: str) -> str:
        """Return the token of a chat id."""
        return f"{_PREFIX}.{chat_id}.{self._signature(chat_id)}"

    def chat_of(self, token: str) -> str:
        """Return the chat id a token stands for; raise BadToken when it is not ours."""
        prefix, _, rest = token.partition(".")
        chat_id, _, signature = rest.rpartition(".")
        if prefix != _PREFIX or not _CHAT_ID.match(chat_id):
            raise BadToken("malformed token")
        if not hmac.compare_digest(signature, self._signature(chat_id)):
            raise BadToken("bad signature")
        return chat_id

    def _signature(self, chat_id: str) -> str:
        digest = hmac.new(self._key, chat_id.encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
