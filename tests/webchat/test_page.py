"""The page at /chat: one self-contained document with what its script needs."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from bot.webchat.page_script import SCRIPT


def test_the_page_is_served_in_chinese_first(web: TestClient) -> None:
    response = web.get("/chat")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert '<html lang="zh-CN">' in response.text
    assert web.get("/chat/").text == response.text


def test_the_page_references_no_other_site(web: TestClient) -> None:
    html = web.get("/chat").text

    assert re.findall(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}", html, re.IGNORECASE) == []
    assert re.findall(r"\b(?:src|href)\s*=", html) == []  # no scripts, styles or links loaded
    assert html.count("<script>") == 1 and html.count("<style>") == 1


def test_the_policy_allows_only_the_pages_own_script_and_style(web: TestClient) -> None:
    headers = web.get("/chat").headers
    policy = headers["content-security-policy"]

    assert "default-src 'none'" in policy
    assert "connect-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert re.search(r"script-src 'sha256-[A-Za-z0-9+/=]+'", policy)
    assert headers["x-content-type-options"] == "nosniff"


def test_every_element_the_script_looks_up_is_on_the_page(web: TestClient) -> None:
    html = web.get("/chat").text
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    wanted = set(re.findall(r'\$\("([^"]+)"\)', SCRIPT))

    assert wanted - ids == set()
    assert {"log", "text", "send", "file", "share-location", "phone", "lang-switch"} <= wanted


def test_inputs_have_labels_and_the_log_is_announced(web: TestClient) -> None:
    html = web.get("/chat").text

    for field in ("text", "phone"):
        assert f'<label for="{field}"' in html
    assert re.search(r'<label class="attach"[^>]*>.*?<input id="file"', html, re.DOTALL)
    assert 'role="log"' in html and 'aria-live="polite"' in html
    assert 'name="viewport"' in html


def test_the_script_talks_only_to_the_chat_api() -> None:
    paths = set(re.findall(r'call\("(?:GET|POST)", "([^"?]+)', SCRIPT))

    assert 'const API = "/chat/api";' in SCRIPT
    assert paths == {"/messages", "/files", "/updates", "/session"}
    assert "innerHTML" not in SCRIPT  # texts are shown as text, never parsed as markup


def test_the_bare_address_leads_to_the_chat(web: TestClient) -> None:
    response = web.get("/", follow_redirects=False)

    assert (response.status_code, response.headers["location"]) == (307, "/chat")
