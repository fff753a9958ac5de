"""A query string is read as UTF-8 however it was sent; one that is no UTF-8 is refused by name.

`curl 'http://…/api/v1/cases?q=拖欠'` sends the characters' UTF-8 bytes unescaped, and
Starlette read them as Latin-1 (a search for mojibake, nothing found); `?q=%ff` searched for
U+FFFD. Raw requests go through the app's ASGI interface here, as httpx escapes every address.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from backend.bootstrap import Container
from backend.query_strings import escape_raw_bytes, undecodable_parameter
from tests.api.helpers import ARREARS, file_case
from tests.conftest import Staff
from tests.staff_accounts import PASSWORD, staff_with_password
from tests.staff_console.helpers import ConsoleVisitor


def raw_get(
    client: TestClient, path: str, query: bytes, headers: dict[str, str]
) -> tuple[int, dict[str, str], bytes]:
    """GET `path?query` with the query's bytes exactly as given; return status, headers, body."""
    scope: dict[str, Any] = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": query,
        "headers": [(b"host", b"testserver")]
        + [(name.lower().encode(), value.encode()) for name, value in headers.items()],
        "client": ("testclient", 50000),
        "server": ("testserver", 80),
    }
    answer: dict[str, Any] = {"body": b""}

    async def call() -> None:
        sent = False

        async def receive() -> dict[str, Any]:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": b"", "more_body": False}
            return {"type": "http.disconnect"}

        async def send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                answer["status"] = message["status"]
                answer["headers"] = {k.decode(): v.decode() for k, v in message["headers"]}
            elif message["type"] == "http.response.body":
                answer["body"] += message.get("body", b"")

        await client.app(scope, receive, send)  # type: ignore[arg-type]

    assert client.portal is not None, "the client was entered (its app started)"
    client.portal.call(call)
    return answer["status"], answer["headers"], answer["body"]


def test_a_search_sent_as_raw_utf8_bytes_finds_what_the_escaped_search_finds(
    client: TestClient, staff: Staff
) -> None:
    case = file_case(client, staff.coordinator, text=ARREARS)
    escaped = client.get("/api/v1/cases", params={"q": "拖欠"}, headers=staff.coordinator)

    status, _, body = raw_get(client, "/api/v1/cases", "q=拖欠".encode(), staff.coordinator)

    assert escaped.status_code == 200 and status == 200
    assert case["number"] in body.decode()
    assert [c["number"] for c in escaped.json()["data"]] == [case["number"]]


@pytest.mark.parametrize(("language", "words"), [("zh-CN", "UTF-8"), ("en", "not valid UTF-8")])
def test_a_query_parameter_that_is_not_utf8_is_400_naming_it_in_the_callers_language(
    client: TestClient, staff: Staff, language: str, words: str
) -> None:
    headers = {**staff.coordinator, "Accept-Language": language}

    response = client.get("/api/v1/cases?status=new&q=%ff", headers=headers)

    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "bad_query_encoding"
    assert words in body["detail"] and "'q'" in body["detail"]
    assert "\ufffd" not in response.text


def test_raw_bytes_that_are_not_utf8_are_refused_as_escaped_ones_are(
    client: TestClient, staff: Staff
) -> None:
    status, headers, body = raw_get(client, "/api/v1/cases", b"q=\xff\xfe", staff.coordinator)

    assert status == 400
    assert headers["content-type"].startswith("application/json")
    assert b"bad_query_encoding" in body


def test_a_parameter_name_that_is_not_utf8_is_refused_too(
    client: TestClient, staff: Staff
) -> None:
    response = client.get("/api/v1/cases?%ff%fe=1", headers=staff.coordinator)

    assert response.status_code == 400
    assert response.json()["code"] == "bad_query_encoding"


def test_the_refusal_comes_before_the_token_check_as_for_any_malformed_address(
    client: TestClient,
) -> None:
    response = client.get("/api/v1/cases?q=%ff")

    assert response.status_code == 400


def test_the_console_search_reads_raw_utf8_and_refuses_undecodable_bytes_with_its_page(
    client: TestClient, container: Container, staff: Staff
) -> None:
    case = file_case(client, staff.coordinator, text=ARREARS)
    staff_with_password(container, login="wang")
    visitor = ConsoleVisitor(client)
    visitor.sign_in("wang", PASSWORD)
    cookie = "; ".join(f"{name}={value}" for name, value in client.cookies.items())

    found = raw_get(client, "/console/cases", "q=拖欠".encode(), {"Cookie": cookie})
    refused = visitor.get("/console/cases?q=%ff")

    assert found[0] == 200 and case["number"] in found[2].decode()
    assert refused.status_code == 400
    assert refused.headers["content-type"].startswith("text/html")
    assert "\ufffd" not in refused.text


def test_the_public_records_page_refuses_undecodable_bytes_with_a_page(client: TestClient) -> None:
    response = client.get("/public/records?lang=%ff")

    assert response.status_code == 400
    assert response.headers["content-type"].startswith("text/html")


def test_open311_reads_a_raw_utf8_query_as_utf8(client: TestClient, container: Container) -> None:
    status, _, body = raw_get(
        client, "/open311/v2/services.json", "jurisdiction_id=红桥".encode(), {}
    )

    # the same answer as for the escaped spelling: a jurisdiction it does not serve, named
    escaped = client.get(f"/open311/v2/services.json?jurisdiction_id={quote('红桥')}")
    assert status == escaped.status_code
    assert body.decode() == escaped.text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (b"", b""),
        (b"q=abc&page=2", b"q=abc&page=2"),
        ("q=拖欠".encode(), b"q=%E6%8B%96%E6%AC%A0"),
        (b"q=100%&x=\xff", b"q=100%&x=%FF"),
    ],
)
def test_raw_bytes_are_escaped_and_nothing_else_changes(query: bytes, expected: bytes) -> None:
    assert escape_raw_bytes(query) == expected


@pytest.mark.parametrize(
    ("query", "name"),
    [
        (b"q=%E6%8B%96&page=2", None),
        (b"q=100%&page=2", None),  # a lone % is kept as it is, as Starlette keeps it
        (b"a=1&q=%ff", "q"),
        (b"q+x=%ff", "q x"),
        (b"%ff=1", "\ufffd"),
        (b"q=%E6%8B", "q"),  # a character cut in half
    ],
)
def test_the_first_undecodable_parameter_is_named(query: bytes, name: str | None) -> None:
    assert undecodable_parameter(query) == name
