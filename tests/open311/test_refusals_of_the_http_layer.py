"""Refusals of the HTTP layer (a method, a body too large, JSON) come as the error list."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from backend.bootstrap import Container
from backend.cases.models import Case
from backend.db import session_scope
from tests.open311.helpers import BASE, EN, ZH, errors_of, new_key, request_form


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_method_an_address_does_not_take_is_405_as_the_error_list_with_allow(
    client: TestClient, fmt: str
) -> None:
    response = client.request("DELETE", f"{BASE}/requests.{fmt}", headers=EN)

    assert response.status_code == 405
    assert "POST" in response.headers["allow"]
    [error] = errors_of(response, fmt)
    assert error["code"] == 405
    assert "DELETE" in str(error["description"])


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_body_past_the_limit_is_413_as_the_error_list_in_the_callers_language(
    client: TestClient, container: Container, fmt: str
) -> None:
    form = request_form(new_key(container), description="拖欠" * 600_000)
    response = client.post(f"{BASE}/requests.{fmt}", data=form, headers=ZH)

    assert response.status_code == 413
    [error] = errors_of(response, fmt)
    assert error["code"] == 413
    assert "太大" in str(error["description"]) or "超过" in str(error["description"])
    with session_scope(container.engine) as session:
        assert session.exec(select(Case)).all() == []


def test_a_json_body_is_refused_as_a_form_would_be_expected_not_as_a_missing_key(
    client: TestClient, container: Container
) -> None:
    body = request_form(new_key(container))
    response = client.post(f"{BASE}/requests.json", json=body, headers=EN)

    assert response.status_code == 400
    [error] = errors_of(response, "json")
    assert "form-encoded" in str(error["description"])
    with session_scope(container.engine) as session:
        assert session.exec(select(Case)).all() == []


@pytest.mark.parametrize(
    ("fmt", "headers", "words"), [("json", EN, "UTF-8"), ("xml", ZH, "UTF-8")]
)
def test_a_description_that_is_not_utf8_is_refused_as_the_error_list_and_files_nothing(
    client: TestClient, container: Container, fmt: str, headers: dict[str, str], words: str
) -> None:
    form = request_form(new_key(container), description="PLACEHOLDER")
    body = urlencode(form).replace("PLACEHOLDER", "%E5%B7%A5%FF%FE%E7%A8%8B%C3").encode()
    content_type = {"Content-Type": "application/x-www-form-urlencoded"}
    response = client.post(
        f"{BASE}/requests.{fmt}", content=body, headers={**headers, **content_type}
    )

    assert response.status_code == 400
    [error] = errors_of(response, fmt)
    assert error["code"] == 400
    assert words in str(error["description"]) and "description" in str(error["description"])
    if headers is ZH:
        assert "编码" in str(error["description"])
    with session_scope(container.engine) as session:
        assert session.exec(select(Case)).all() == []


def test_a_raw_utf8_description_is_still_filed(client: TestClient, container: Container) -> None:
    form = request_form(new_key(container), description="区里的项目做完了，工程款一直拖欠不付")
    response = client.post(f"{BASE}/requests.json", data=form, headers=EN)

    assert response.status_code == 200
    with session_scope(container.engine) as session:
        [case] = session.exec(select(Case)).all()
    assert case.text == "区里的项目做完了，工程款一直拖欠不付"


GETS = [
    "discovery.{fmt}",
    "services.{fmt}",
    "services/arrears.{fmt}",
    "requests.{fmt}",
    "requests/HQ-1.{fmt}",
    "no-such-thing.{fmt}",
]


@pytest.mark.parametrize("path", GETS)
@pytest.mark.parametrize(
    ("fmt", "headers", "words"), [("json", EN, "not valid UTF-8"), ("xml", ZH, "不是有效的 UTF-8")]
)
def test_a_query_that_is_not_utf8_is_400_as_the_error_list_naming_the_parameter(
    client: TestClient, path: str, fmt: str, headers: dict[str, str], words: str
) -> None:
    response = client.get(f"{BASE}/{path.format(fmt=fmt)}?jurisdiction_id=%ff", headers=headers)

    assert response.status_code == 400
    [error] = errors_of(response, fmt)
    assert error["code"] == 400
    assert words in str(error["description"])
    assert "jurisdiction_id" in str(error["description"])


def _cases(container: Container) -> int:
    with session_scope(container.engine) as session:
        return len(session.exec(select(Case)).all())


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/xml", "application/octet-stream"]
)
def test_a_body_in_another_format_is_refused_as_not_a_form_not_as_a_missing_key(
    client: TestClient, container: Container, content_type: str
) -> None:
    # Reviewer, 2026-12-01: text/plain got 403 "api_key missing" while the key was in it.
    body = urlencode(request_form(new_key(container))).encode()
    response = client.post(
        f"{BASE}/requests.json", content=body, headers={**EN, "Content-Type": content_type}
    )

    assert response.status_code == 400
    [error] = errors_of(response, "json")
    assert "form-encoded" in str(error["description"])
    assert _cases(container) == 0


def test_a_repeated_field_is_refused_naming_it_never_the_last_one_taken(
    client: TestClient, container: Container
) -> None:
    # Reviewer, 2026-12-01: service_code=arrears&service_code=housing filed a housing case.
    form = urlencode(request_form(new_key(container))) + "&service_code=housing"
    response = client.post(
        f"{BASE}/requests.json",
        content=form.encode(),
        headers={**ZH, "Content-Type": "application/x-www-form-urlencoded"},
    )

    assert response.status_code == 400
    [error] = errors_of(response, "json")
    assert "service_code" in str(error["description"])
    assert _cases(container) == 0


def test_an_uploaded_file_is_refused_with_the_way_to_give_media(
    client: TestClient, container: Container
) -> None:
    # Reviewer, 2026-12-01: a multipart file part was dropped without a word.
    response = client.post(
        f"{BASE}/requests.json",
        data=request_form(new_key(container)),
        files={"media": ("photo.jpg", b"\xff\xd8\xff\xe0jpeg", "image/jpeg")},
        headers=EN,
    )

    assert response.status_code == 400
    [error] = errors_of(response, "json")
    assert "media_url" in str(error["description"])
    assert _cases(container) == 0


def test_a_form_in_multipart_without_files_is_still_filed(
    client: TestClient, container: Container
) -> None:
    fields = {key: (None, value) for key, value in request_form(new_key(container)).items()}
    response = client.post(f"{BASE}/requests.json", files=fields, headers=EN)

    assert response.status_code == 200, response.text
    assert _cases(container) == 1
