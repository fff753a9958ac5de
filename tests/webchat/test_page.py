"""The page at /chat: a template, its script and style served as files under a strict policy."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient


def assets_of(html: str) -> list[str]:
    return re.findall(r'\b(?:src|href)="([^"]+)"', html)


def script_of(web: TestClient) -> str:
    (script,) = [a for a in assets_of(web.get("/chat").text) if ".js" in a]
    return web.get(script).text


def test_the_page_is_served_in_chinese_first(web: TestClient) -> None:
    response = web.get("/chat")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert '<html lang="zh-CN">' in response.text
    assert web.get("/chat/").text == response.text


def test_the_page_loads_only_its_own_script_and_style(web: TestClient) -> None:
    html = web.get("/chat").text

    assert re.findall(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}", html, re.IGNORECASE) == []
    assert [re.sub(r"\?v=[0-9a-f]{8}$", "", a) for a in assets_of(html)] == [
        "/chat/static/chat.css",
        "/chat/static/chat.js",
    ]
    assert "<style" not in html and re.findall(r"<script>", html) == []
    assert re.findall(r"\s(?:style|on[a-z]+)\s*=", html) == []


def test_the_script_and_style_are_served_as_files_that_are_never_sniffed(
    web: TestClient,
) -> None:
    for asset, kind in zip(
        assets_of(web.get("/chat").text), ("text/css", "javascript"), strict=True
    ):
        response = web.get(asset)
        assert response.status_code == 200
        assert kind in response.headers["content-type"]
        assert response.headers["x-content-type-options"] == "nosniff"
    assert web.get("/chat/static/nothing.js").status_code == 404


def test_the_policy_allows_only_this_sites_own_script_and_style(web: TestClient) -> None:
    headers = web.get("/chat").headers
    policy = headers["content-security-policy"]

    assert "default-src 'none'" in policy
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "connect-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy and "sha256-" not in policy
    assert headers["x-content-type-options"] == "nosniff"


def test_every_element_the_script_looks_up_is_on_the_page(web: TestClient) -> None:
    html = web.get("/chat").text
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    wanted = set(re.findall(r'\$\("([^"]+)"\)', script_of(web)))

    assert wanted - ids == set()
    assert {"log", "text", "send", "file", "share-location", "phone", "lang-switch"} <= wanted


def test_inputs_have_labels_and_the_log_is_announced(web: TestClient) -> None:
    html = web.get("/chat").text

    for field in ("text", "phone"):
        assert f'<label for="{field}"' in html
    assert re.search(r'<label class="attach"[^>]*>.*?<input id="file"', html, re.DOTALL)
    assert 'role="log"' in html and 'aria-live="polite"' in html
    assert 'name="viewport"' in html


def test_the_script_talks_only_to_the_chat_api(web: TestClient) -> None:
    script = script_of(web)
    paths = set(re.findall(r'call\("(?:GET|POST)", "([^"?]+)', script))

    assert 'const API = "/chat/api";' in script
    assert paths == {"/messages", "/files", "/updates", "/session"}
    assert "innerHTML" not in script  # texts are shown as text, never parsed as markup


def test_the_bare_address_leads_to_the_chat(web: TestClient) -> None:
    response = web.get("/", follow_redirects=False)

    assert (response.status_code, response.headers["location"]) == (307, "/chat")


@pytest.mark.parametrize(
    ("address", "status", "location"),
    [
        ("/chat?from=%D6%D0%CE%C4", 200, None),  # 中文 in GBK, as a portal's link may send it
        ("/chat/?from=%ff", 200, None),
        ("/?from=%D6%D0", 307, "/chat"),
        ("/console?from=%D6%D0", 308, "/console/"),
        ("/public/?from=%D6%D0", 308, "/public/records"),
        ("/favicon.ico?v=%ff", 200, None),
    ],
)
def test_a_page_that_reads_no_parameter_opens_whatever_its_link_carries(
    web: TestClient, address: str, status: int, location: str | None
) -> None:
    # A query parameter that is no UTF-8 is refused only where a route reads the query
    # (backend.api.deps.refuse_undecodable_query): these pages read none, so they open.
    response = web.get(address, follow_redirects=False)
    assert response.status_code == status
    assert response.headers.get("location") == location
