"""A query parameter that is no UTF-8 is refused by name, never read as U+FFFD.

`?q=%ff` searched for U+FFFD as if it had been typed. (Raw bytes above 0x7F never reach the
app: uvicorn's h11 refuses such a request line itself; the rule for them is tested below.)
"""

from __future__ import annotations

import html

import pytest
from fastapi.testclient import TestClient

from backend.bootstrap import Container
from backend.query_strings import undecodable_parameter
from tests.conftest import Staff
from tests.staff_accounts import PASSWORD, staff_with_password
from tests.staff_console.helpers import ConsoleVisitor


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


def test_the_console_refuses_an_undecodable_query_with_its_page(
    client: TestClient, container: Container
) -> None:
    staff_with_password(container, login="wang")
    visitor = ConsoleVisitor(client)
    visitor.sign_in("wang", PASSWORD)

    refused = visitor.get("/console/cases?q=%ff")

    assert refused.status_code == 400
    assert refused.headers["content-type"].startswith("text/html")
    assert "\ufffd" not in refused.text
    assert "地址中的参数 'q' 不是有效的 UTF-8 编码" in html.unescape(refused.text)  # by name


def test_the_public_records_page_refuses_undecodable_bytes_with_a_page(client: TestClient) -> None:
    response = client.get("/public/records?lang=%ff")

    assert response.status_code == 400
    assert response.headers["content-type"].startswith("text/html")


def test_every_api_operation_documents_the_400(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]

    undocumented = [
        f"{method.upper()} {path}"
        for path, operations in paths.items()
        for method, operation in operations.items()
        if path.startswith("/api/") and "400" not in operation["responses"]
    ]

    assert undocumented == []


@pytest.mark.parametrize(
    ("query", "name"),
    [
        (b"", None),
        (b"q=%E6%8B%96&page=2", None),
        (b"q=100%&page=2", None),  # a lone % is kept as it is, as Starlette keeps it
        ("q=拖欠".encode(), None),  # raw UTF-8 (a server that passes it on)
        (b"a=1&q=%ff", "q"),
        (b"q+x=%ff", "q x"),
        (b"%ff=1", "\ufffd"),
        (b"q=%E6%8B", "q"),  # a character cut in half
        (b"q=\xff", "q"),  # raw bytes that are no UTF-8
        (b"%e2%80%aeevil%ff=1", "\ufffdevil\ufffd"),  # a bidi override is not said back
        (b"%41" * 60 + b"=%ff", "A" * 40),  # a long name is cut
    ],
)
def test_the_first_undecodable_parameter_is_named(query: bytes, name: str | None) -> None:
    assert undecodable_parameter(query) == name
