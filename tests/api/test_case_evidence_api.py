"""Evidence and internal notes through the API, with the visibility rules of the case."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from backend.bootstrap import Container
from tests.api.helpers import file_case
from tests.case_fixtures import HTML, PNG, SVG, add_evidence, updates_for_chat
from tests.case_fixtures import file_case as file_chat_case
from tests.conftest import Staff


def test_a_case_lists_its_attachments(
    client: TestClient, container: Container, staff: Staff
) -> None:
    case = file_case(client, staff.coordinator)
    image = add_evidence(container, case["number"], PNG, "photo.png", "image/png")

    body = client.get(f"/api/v1/cases/{case['number']}", headers=staff.czj_clerk).json()

    assert body["attachments"] == [
        {"id": image, "filename": "photo.png", "content_type": "image/png", "size": len(PNG)}
    ]


def test_an_image_is_returned_inline_with_safe_headers(
    client: TestClient, container: Container, staff: Staff
) -> None:
    case = file_case(client, staff.coordinator)
    image = add_evidence(container, case["number"], PNG, "photo.png", "image/png")

    response = client.get(
        f"/api/v1/cases/{case['number']}/attachments/{image}", headers=staff.czj_clerk
    )

    assert response.status_code == 200 and response.content == PNG
    assert response.headers["content-type"] == "image/png"
    assert response.headers["content-disposition"] == "inline; filename*=UTF-8''photo.png"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["content-security-policy"] == "default-src 'none'; sandbox"


@pytest.mark.parametrize(
    ("data", "name", "declared"),
    [(HTML, "page.html", "text/html"), (SVG, "drawing.svg", "image/svg+xml")],
)
def test_html_and_svg_are_returned_as_downloads(
    client: TestClient,
    container: Container,
    staff: Staff,
    data: bytes,
    name: str,
    declared: str,
) -> None:
    case = file_case(client, staff.coordinator)
    file_id = add_evidence(container, case["number"], data, name, declared)

    response = client.get(
        f"/api/v1/cases/{case['number']}/attachments/{file_id}", headers=staff.coordinator
    )

    assert response.status_code == 200 and response.content == data
    assert response.headers["content-type"] == "application/octet-stream"
    assert response.headers["content-disposition"] == f"attachment; filename*=UTF-8''{name}"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["content-security-policy"] == "default-src 'none'; sandbox"


def test_a_clerk_of_another_unit_gets_404_for_the_attachment(
    client: TestClient, container: Container, staff: Staff
) -> None:
    case = file_case(client, staff.coordinator)  # czj's
    image = add_evidence(container, case["number"], PNG, "photo.png", "image/png")

    response = client.get(
        f"/api/v1/cases/{case['number']}/attachments/{image}", headers=staff.sfj_clerk
    )

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_an_attachment_is_found_only_through_its_own_case(
    client: TestClient, container: Container, staff: Staff
) -> None:
    one = file_case(client, staff.coordinator)
    other = file_case(client, staff.coordinator, text="区里的项目工程款拖欠不付，另一个项目")
    image = add_evidence(container, other["number"], PNG, "photo.png", "image/png")

    for path in (f"{one['number']}/attachments/{image}", f"{one['number']}/attachments/424242"):
        response = client.get(f"/api/v1/cases/{path}", headers=staff.coordinator)
        assert response.status_code == 404


def test_an_attachment_needs_a_token(
    client: TestClient, container: Container, staff: Staff
) -> None:
    case = file_case(client, staff.coordinator)
    image = add_evidence(container, case["number"], PNG, "photo.png", "image/png")

    response = client.get(f"/api/v1/cases/{case['number']}/attachments/{image}")

    assert response.status_code == 401


def test_a_bad_attachment_id_is_a_clear_refusal(client: TestClient, staff: Staff) -> None:
    case = file_case(client, staff.coordinator)

    response = client.get(
        f"/api/v1/cases/{case['number']}/attachments/zero", headers=staff.coordinator
    )

    assert response.status_code == 422


def test_a_note_is_added_to_the_history(client: TestClient, staff: Staff) -> None:
    case = file_case(client, staff.coordinator)

    response = client.post(
        f"/api/v1/cases/{case['number']}/notes",
        json={"text": "已电话联系付款单位"},
        headers=staff.czj_clerk,
    )

    assert response.status_code == 201
    body = response.json()
    note = body["events"][-1]
    assert (note["action"], note["reason"], note["actor"]) == (
        "note",
        "已电话联系付款单位",
        "财政局 李",
    )
    assert body["version"] == case["version"]


def test_a_note_is_never_sent_to_the_reporter(
    client: TestClient, container: Container, staff: Staff
) -> None:
    number = file_chat_case(container, reporter_chat="chat-77")

    response = client.post(
        f"/api/v1/cases/{number}/notes", json={"text": "内部讨论"}, headers=staff.coordinator
    )

    assert response.status_code == 201
    assert updates_for_chat(container, "chat-77") == []


def test_a_clerk_of_another_unit_cannot_write_a_note(client: TestClient, staff: Staff) -> None:
    case = file_case(client, staff.coordinator)

    response = client.post(
        f"/api/v1/cases/{case['number']}/notes", json={"text": "看看"}, headers=staff.sfj_clerk
    )

    assert response.status_code == 404


@pytest.mark.parametrize(
    ("body", "code"),
    [({"text": "   "}, "note_required"), ({}, "bad_request"), ({"text": 5}, "bad_request")],
)
def test_a_note_without_text_is_refused_in_the_callers_language(
    client: TestClient, staff: Staff, body: dict[str, object], code: str
) -> None:
    case = file_case(client, staff.coordinator)

    response = client.post(
        f"/api/v1/cases/{case['number']}/notes",
        json=body,
        headers={**staff.coordinator, "Accept-Language": "zh-CN"},
    )

    assert response.status_code == 422
    assert response.json()["code"] == code
    if code == "note_required":
        assert response.json()["detail"] == "请填写备注内容。"
