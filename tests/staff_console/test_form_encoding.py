"""A console form field that is no UTF-8 is refused by name, never saved as U+FFFD.

A reviewer posted `person_name=%ED%A0%80%FF` (a lone surrogate's bytes) to the record form:
Starlette read it as "����", the record was filed with that name (a name that is published)
and the page said "已登记". The query string already had this rule (`bad_query_encoding`,
backend.query_strings); a form body now has it too, after its CSRF token is checked.
"""

from __future__ import annotations

from urllib.parse import urlencode

import httpx
import pytest
from fastapi.testclient import TestClient

from backend.bootstrap import Container
from tests.conftest import Staff
from tests.staff_console.case_visits import clerk, signed_in
from tests.staff_console.helpers import ConsoleVisitor
from tests.staff_console.test_record_new import FORM, NEW, key_of, records

UNDECODABLE = b"person_name=%ED%A0%80%FF"  # the UTF-8 of a lone surrogate, then a stray byte


def post_raw(
    visitor: ConsoleVisitor, path: str, fields: dict[str, str], raw: bytes, **headers: str
) -> httpx.Response:
    """Post a form whose fields are encoded as given, then the raw `name=value` bytes."""
    body = urlencode({"csrf_token": visitor.token, **fields}).encode() + b"&" + raw
    return visitor.client.post(
        path,
        content=body,
        headers={"content-type": "application/x-www-form-urlencoded", **headers},
        follow_redirects=False,
    )


def record_form(visitor: ConsoleVisitor) -> dict[str, str]:
    fields = {**FORM, "key": key_of(visitor.get(NEW).text)}
    del fields["person_name"]
    return fields


@pytest.mark.parametrize(
    ("language", "words"),
    [("zh", "不是有效 UTF-8 的文字"), ("en", "is not valid UTF-8")],
)
def test_a_record_whose_name_is_not_utf8_is_refused_naming_the_field_and_is_not_filed(
    client: TestClient, container: Container, staff: Staff, language: str, words: str
) -> None:
    li = signed_in(client, clerk(container, "czj", "li"))
    if language == "en":
        li.get(NEW)
        li.post("/console/language", {"language": "en", "next": NEW})

    answer = post_raw(li, NEW, record_form(li), UNDECODABLE)

    assert answer.status_code == 400
    assert answer.headers["content-type"].startswith("text/html")
    assert words in answer.text and "person_name" in answer.text
    assert "person_name" in answer.text
    assert records(client, staff) == []


def test_the_same_form_in_utf8_files_the_record(
    client: TestClient, container: Container, staff: Staff
) -> None:
    li = signed_in(client, clerk(container, "czj", "li"))
    name = urlencode({"person_name": "李某"}).encode()

    answer = post_raw(li, NEW, record_form(li), name)

    assert answer.status_code == 303
    assert [record["person_name"] for record in records(client, staff)] == ["李某"]


def test_a_forged_form_is_refused_as_forged_whatever_its_bytes(
    client: TestClient, container: Container, staff: Staff
) -> None:
    li = signed_in(client, clerk(container, "czj", "li"))
    fields = record_form(li)
    li.token = "0" * 32

    answer = post_raw(li, NEW, fields, UNDECODABLE)

    assert answer.status_code == 403
    assert records(client, staff) == []
