"""The site's icon: browsers ask every site for /favicon.ico; it is served, not a 404."""

from __future__ import annotations

import struct

from fastapi.testclient import TestClient

from backend.bootstrap import Container
from bot.serve import build_web_app


def test_the_favicon_is_a_real_icon_file(client: TestClient) -> None:
    response = client.get("/favicon.ico")

    assert response.status_code == 200
    assert response.headers["content-type"] == "image/vnd.microsoft.icon"
    reserved, kind, count = struct.unpack("<HHH", response.content[:6])
    assert (reserved, kind) == (0, 1) and count >= 1  # an ICO file's header
    assert "max-age" in response.headers["cache-control"]


def test_the_favicon_is_served_next_to_the_web_chat(container: Container) -> None:
    with TestClient(build_web_app(container)) as client:
        assert client.get("/chat").status_code == 200
        response = client.get("/favicon.ico")

    assert response.status_code == 200
    assert response.content.startswith(b"\x00\x00\x01\x00")
