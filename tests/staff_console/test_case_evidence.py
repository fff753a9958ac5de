"""Evidence on the case page: images inline, everything else downloaded, never rendered."""

from __future__ import annotations

import httpx
import pytest
from fastapi.testclient import TestClient

from backend.bootstrap import Container
from tests.case_fixtures import ARREARS, HTML, PNG, SVG, add_evidence, file_case
from tests.staff_console.case_visits import clerk, coordinator, page_path, signed_in


def assert_never_rendered(headers: httpx.Headers) -> None:
    assert headers.get_list("x-content-type-options") == ["nosniff"]
    assert headers.get_list("content-security-policy") == ["default-src 'none'; sandbox"]


def test_an_image_is_shown_inline_on_the_page_and_served_as_itself(
    client: TestClient, container: Container
) -> None:
    number = file_case(container, ARREARS)
    image = add_evidence(container, number, PNG, "现场照片.png", "image/png")
    visitor = signed_in(client, clerk(container))

    page = visitor.get(page_path(number)).text
    response = visitor.get(f"{page_path(number)}/attachments/{image}")

    assert f'<img class="evidence__image" src="{page_path(number)}/attachments/{image}"' in page
    assert response.status_code == 200 and response.content == PNG
    assert response.headers["content-type"] == "image/png"
    assert response.headers["content-disposition"] == (
        "inline; filename*=UTF-8''%E7%8E%B0%E5%9C%BA%E7%85%A7%E7%89%87.png"
    )
    assert_never_rendered(response.headers)


@pytest.mark.parametrize(
    ("data", "name", "declared"),
    [
        (HTML, "evil.html", "text/html"),
        (SVG, "evil.svg", "image/svg+xml"),
        (HTML, "looks-like.png", "image/png; charset=x"),  # its type is a png's, kept clean
        (b"%PDF-1.4", "合同.pdf", "application/pdf"),
    ],
)
def test_every_other_file_is_a_download_that_runs_nothing(
    client: TestClient, container: Container, data: bytes, name: str, declared: str
) -> None:
    number = file_case(container, ARREARS)
    file_id = add_evidence(container, number, data, name, declared)
    visitor = signed_in(client, coordinator(container))

    page = visitor.get(page_path(number)).text
    response = visitor.get(f"{page_path(number)}/attachments/{file_id}")

    assert response.status_code == 200 and response.content == data
    assert_never_rendered(response.headers)
    if declared.startswith("image/png"):
        assert response.headers["content-type"] == "image/png"
        return
    assert response.headers["content-type"] == "application/octet-stream"
    assert response.headers["content-disposition"].startswith("attachment; filename*=UTF-8''")
    assert f'src="{page_path(number)}/attachments/{file_id}"' not in page  # no <img> for it


def test_a_clerk_of_another_unit_gets_the_404_page_for_the_evidence(
    client: TestClient, container: Container
) -> None:
    number = file_case(container, ARREARS)
    image = add_evidence(container, number, PNG, "photo.png", "image/png")
    visitor = signed_in(client, clerk(container, "sfj", "zhao"))

    response = visitor.get(f"{page_path(number)}/attachments/{image}")

    assert response.status_code == 404
    assert response.content != PNG and "页面不存在" in response.text


def test_an_attachment_of_another_case_is_not_found_through_this_one(
    client: TestClient, container: Container
) -> None:
    one = file_case(container, ARREARS)
    other = file_case(container, ARREARS + "，另一件")
    image = add_evidence(container, other, PNG, "photo.png", "image/png")
    visitor = signed_in(client, coordinator(container))

    assert visitor.get(f"{page_path(one)}/attachments/{image}").status_code == 404
    assert visitor.get(f"{page_path(one)}/attachments/999999").status_code == 404
    malformed = visitor.get(f"{page_path(one)}/attachments/abc")
    assert malformed.status_code == 400 and "请求内容有误。" in malformed.text
