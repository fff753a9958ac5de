"""Render GeoReport v2 documents as JSON or XML (the resource's `.json` / `.xml` suffix).

A document is plain data: dicts, lists, strings, numbers, booleans and None. In XML a list
becomes one element per item named after its parent (`<services><service>`), None an empty
element, a boolean `true` / `false`; text is escaped by xml.etree, and characters XML 1.0
cannot carry at all (control characters) are dropped. XML is only ever written, never read.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from typing import Any

from starlette.responses import Response

from backend.api.shown import shown_data

FORMATS = ("json", "xml")
MEDIA_TYPES = {"json": "application/json; charset=utf-8", "xml": "text/xml; charset=utf-8"}
# The element of each item of a list, by the list's element (GeoReport v2's own names).
ITEMS = {
    "services": "service",
    "service_requests": "request",
    "errors": "error",
    "attributes": "attribute",
    "values": "value",
    "endpoints": "endpoint",
    "formats": "format",
}
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'


def render(document: Any, *, root: str, fmt: str, status: int = 200) -> Response:
    """Return the document as a response in the format, XML under the root element."""
    return Response(serialise(document, root=root, fmt=fmt), status, media_type=MEDIA_TYPES[fmt])


def serialise(document: Any, *, root: str, fmt: str) -> bytes:
    """Return the document's bytes in the format (UTF-8), XML under the root element.

    Its texts lose explicit direction controls (`backend.api.shown`): a request kept before
    intake dropped them must not read backwards in another platform either.
    """
    document = shown_data(document)
    if fmt == "json":
        return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
    return (_DECLARATION + ET.tostring(element(root, document), encoding="unicode")).encode()


def element(tag: str, value: Any) -> ET.Element:
    """Return the XML element of a value (see the module's rules)."""
    node = ET.Element(tag)
    if isinstance(value, dict):
        for key, item in value.items():
            node.append(element(key, item))
    elif isinstance(value, list):
        child = ITEMS.get(tag, "item")
        for item in value:
            node.append(element(child, item))
    elif isinstance(value, bool):
        node.text = "true" if value else "false"
    elif value is not None:
        node.text = _NOT_XML.sub("", str(value))
    return node


def format_of(suffix: str) -> str | None:
    """Return json or xml for a resource's suffix, None for any other."""
    suffix = suffix.lower()
    return suffix if suffix in FORMATS else None
