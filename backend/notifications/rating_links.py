"""Signed rating links (回访 by email): the case, the reporter and an expiry, under the app's key.

The token is `<case>.<reporter>.<expires>.<signature>`: HMAC-SHA256 of the first three with
the app's secret key (INTAKE_SECRET_KEY), so nobody can make one for another case, and one
past its expiry (INTAKE_RATING_LINK_DAYS) is refused.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass


class BadRatingLink(ValueError):
    """A rating link that was altered, is malformed, or has expired."""


@dataclass(frozen=True)
class RatingClaim:
    """What a valid rating link names."""

    case_id: int
    reporter_id: int
    expires: int


def _signature(secret: str, body: str) -> str:
    key = hashlib.sha256(b"rating-link:" + secret.encode()).digest()  # this purpose's own key
    return hmac.new(key, body.encode(), hashlib.sha256).hexdigest()[:32]


def rating_link(secret: str, case_id: int, reporter_id: int, expires: int) -> str:
    """Return the token of a rating link for a case's reporter, valid until `expires` (epoch)."""
    body = f"{case_id}.{reporter_id}.{expires}"
    return f"{body}.{_signature(secret, body)}"


def read_rating_link(secret: str, token: str, *, now: float) -> RatingClaim:
    """Return what a token names, or raise BadRatingLink (altered, malformed or expired)."""
    parts = token.split(".")
    if not token.isascii() or len(token) > 200:  # compare_digest takes ASCII text only
        raise BadRatingLink("malformed")
    if len(parts) != 4 or not all(p.isdigit() for p in parts[:3]):
        raise BadRatingLink("malformed")
    body = ".".join(parts[:3])
    if not hmac.compare_digest(_signature(secret, body), parts[3]):
        raise BadRatingLink("altered")
    claim = RatingClaim(int(parts[0]), int(parts[1]), int(parts[2]))
    if claim.expires < now:
        raise BadRatingLink("expired")
    return claim
