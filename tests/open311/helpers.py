"""Helpers of the Open311 tests: keys, a filed request, XML read back with xml.etree."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from fastapi.testclient import TestClient

from backend.bootstrap import Container
from backend.db import session_scope
from backend.open311.keys import create_key

BASE = "/open311/v2"
ARREARS = "区里的项目做完了，工程款一直拖欠不付，已经拖了半年"  # arrears: owned by czj
EN = {"Accept-Language": "en-GB,en;q=0.9"}
ZH = {"Accept-Language": "zh-CN,zh;q=0.9"}


def new_key(container: Container, name: str = "12345-platform") -> str:
    """Issue a key for a client application and return it."""
    with session_scope(container.engine) as session:
        _, key = create_key(session=session, name=name, now=container.clock.now())
    return key


def request_form(key: str, **fields: str) -> dict[str, str]:
    """Return a valid POST requests form with these fields over it."""
    form = {
        "api_key": key,
        "service_code": "arrears",
        "description": ARREARS,
        "lat": "39.1650",
        "long": "117.1590",
    }
    form.update(fields)
    return {k: v for k, v in form.items() if v is not None}


def post(client: TestClient, fmt: str, form: dict[str, str], **headers: str) -> Any:
    """POST a form-encoded service request."""
    return client.post(f"{BASE}/requests.{fmt}", data=form, headers=headers)


def file_request(client: TestClient, key: str, **fields: str) -> dict[str, Any]:
    """File a request (JSON) and return its one answer, failing loudly if refused."""
    response = post(client, "json", request_form(key, **fields))
    assert response.status_code == 200, response.text
    [answer] = response.json()
    assert isinstance(answer, dict)
    return answer


def xml(response: Any) -> ET.Element:
    """Return the root element of an XML answer, checking its declaration and media type."""
    assert response.headers["content-type"] == "text/xml; charset=utf-8"
    assert response.text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    return ET.fromstring(response.content)


def children(node: ET.Element) -> dict[str, str | None]:
    """Return an element's children as tag -> text (for elements without children)."""
    return {child.tag: child.text for child in node}


def errors_of(response: Any, fmt: str) -> list[dict[str, Any]]:
    """Return the error list of a refusal in either format as dicts of code and description."""
    if fmt == "json":
        assert response.headers["content-type"] == "application/json; charset=utf-8"
        found: list[dict[str, Any]] = response.json()
        return found
    root = xml(response)
    assert root.tag == "errors"
    return [
        {"code": int(error.findtext("code") or 0), "description": error.findtext("description")}
        for error in root.findall("error")
    ]
