"""The language a request asks for (Accept-Language), for every entry point alike."""

from __future__ import annotations

LANGUAGES = ("zh", "en")


def preferred_language(header: str | bytes | None, *, default: str) -> str:
    """Return zh or en, whichever the Accept-Language header rates higher, else `default`.

    Each comma-separated range is a tag with an optional quality (`en;q=0.8`; none means 1,
    0 means "not acceptable", RFC 9110 section 12.5.4); `zh-CN` and `zh-Hant` count as zh;
    `*` stands for any language the header does not name. Equal qualities go to the range
    listed first; a malformed range is passed over. Raises nothing: a header that names
    neither language (or none at all) gives `default`.
    """
    text = header.decode("latin-1") if isinstance(header, bytes) else (header or "")
    quality: dict[str, float] = {}
    wildcard: float | None = None
    for part in text.split(","):
        tag, _, params = part.strip().partition(";")
        q = _quality(params)
        if q is None:
            continue
        primary = tag.strip().lower().split("-", 1)[0]
        if primary == "*":
            wildcard = q if wildcard is None else wildcard
        elif primary in LANGUAGES and primary not in quality:
            quality[primary] = q
    if wildcard is not None:
        for language in (default, *LANGUAGES):
            quality.setdefault(language, wildcard)
    best = max(quality.values(), default=0.0)
    if best <= 0:
        return default
    return next(language for language, q in quality.items() if q == best)


def _quality(params: str) -> float | None:
    """Return a range's quality (1 when it gives none), or None when it is malformed."""
    for param in params.split(";"):
        name, _, value = param.strip().partition("=")
        if name.strip().lower() == "q":
            try:
                q = float(value.strip())
            except ValueError:
                return None
            return q if 0 <= q <= 1 else None
    return 1.0
