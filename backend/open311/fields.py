"""Read GeoReport v2 parameters (always text) into values, refusing bad ones with Open311Error."""

from __future__ import annotations

import math
import re
from datetime import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from backend.bounds import FIRST_DAY, LAST_DAY
from backend.cases.text import visible_length
from backend.open311.errors import Open311Error
from backend.storable import is_storable

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_HOST = re.compile(r"[^\s/?#@]+")  # a link must name where it points: no space, no empty host
_CJK = re.compile(r"[\u3400-\u9fff]")


def text(fields: dict[str, str], name: str, *, limit: int) -> str | None:
    """Return a trimmed text parameter (None when empty), refusing unstorable or long ones.

    A value of white space and invisible marks only (zero-width, bidi controls) is empty:
    a contact field of them would file the request as named, with no PIN and no contact.
    """
    value = fields.get(name, "").strip()
    if not visible_length(value):
        return None
    if not is_storable(value):
        raise Open311Error(400, "open311_bad_text", field=name)
    if len(value) > limit:
        raise Open311Error(400, "open311_too_long", field=name, max=limit)
    return value


def coordinates(fields: dict[str, str]) -> tuple[float, float] | None:
    """Return (lat, long) in WGS-84 degrees, None when neither is given; both or none."""
    lat, lon = fields.get("lat", "").strip(), fields.get("long", "").strip()
    if not lat and not lon:
        return None
    if not lat or not lon:
        raise Open311Error(400, "open311_coordinates_pair")
    return _degrees("lat", lat, 90), _degrees("long", lon, 180)


def _degrees(name: str, raw: str, bound: float) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise Open311Error(400, "open311_bad_coordinate", field=name) from None
    if not math.isfinite(value) or abs(value) > bound:
        raise Open311Error(400, "open311_bad_coordinate", field=name)
    return value


def moment(name: str, raw: str, zone: ZoneInfo) -> datetime:
    """Return an ISO 8601 date-time (W3C profile) as an aware datetime.

    One without an offset is read as the district's local time; a bare date as its start.
    """
    try:
        value = datetime.fromisoformat(raw.strip())
    except ValueError:
        raise Open311Error(400, "open311_bad_datetime", field=name) from None
    if not FIRST_DAY <= value.date() <= LAST_DAY:  # far from Python's limits: no overflow
        raise Open311Error(
            400, "open311_date_out_of_range", field=name, first=FIRST_DAY, last=LAST_DAY
        )
    return value if value.tzinfo is not None else value.replace(tzinfo=zone)


def email(fields: dict[str, str]) -> str | None:
    """Return the e-mail address given, refusing one that does not look like an address."""
    value = text(fields, "email", limit=254)
    if value is not None and not _EMAIL.fullmatch(value):
        raise Open311Error(400, "open311_bad_email")
    return value


def person_name(fields: dict[str, str]) -> str | None:
    """Return first and last name as one name: family name first when written in Chinese."""
    first = text(fields, "first_name", limit=50)
    last = text(fields, "last_name", limit=50)
    parts = [p for p in (first, last) if p]
    if not parts:
        return None
    if _CJK.search("".join(parts)):
        return "".join(p for p in (last, first) if p)
    return " ".join(parts)


def media_url(fields: dict[str, str]) -> str | None:
    """Return the media_url given (a link kept on the case, never fetched)."""
    value = text(fields, "media_url", limit=1000)
    if value is None:
        return None
    try:
        parts = urlsplit(value)
    except ValueError:  # an unclosed [ in the host
        raise Open311Error(400, "open311_bad_media_url") from None
    host = parts.hostname or ""
    if parts.scheme.lower() not in ("http", "https") or not host or not _HOST.fullmatch(host):
        raise Open311Error(400, "open311_bad_media_url")
    return value


def attributes(fields: dict[str, str], known: tuple[str, ...]) -> dict[str, str]:
    """Return the `attribute[code]=value` parameters of the codes a definition lists.

    Others are ignored, not refused: some clients send attributes of their own with every
    request (FixMyStreet sends its report's id and URL, for one).
    """
    found: dict[str, str] = {}
    for key, value in fields.items():
        if key.startswith("attribute[") and key.endswith("]"):
            code = key[len("attribute[") : -1]
            if code in known and value.strip():
                found[code] = value.strip()
    return found
