"""CSRF tokens: an HMAC of the key that binds the visitor's forms.

Signed in, the key is the session's token (so a form is tied to its session, and signing out
voids every form the session showed); not signed in (sign-in, set-password), it is a random
key in its own cookie. The token is `HMAC-SHA256(INTAKE_SECRET_KEY, purpose + key)`: nothing
is stored, and without the HttpOnly cookie another site cannot compute it.
"""

from __future__ import annotations

import hashlib
import hmac

FIELD = "csrf_token"  # the hidden field every console form carries
_PURPOSE = b"console-form:"


def csrf_token(secret: str, key: str) -> str:
    """Return the CSRF token for forms bound to a key."""
    return hmac.new(secret.encode(), _PURPOSE + key.encode(), hashlib.sha256).hexdigest()


def csrf_matches(sent: object, expected: str) -> bool:
    """Return whether a posted token is the expected one (compared in constant time)."""
    return isinstance(sent, str) and hmac.compare_digest(sent.encode(), expected.encode())
