"""Drive the console over HTTP as a browser would: forms with their CSRF token, cookies kept."""

from __future__ import annotations

import re

import httpx
from fastapi.testclient import TestClient

_TOKEN = re.compile(r'name="csrf_token" value="([0-9a-f]+)"')


def csrf_of(html: str) -> str:
    """Return the CSRF token of the first form on a page."""
    found = _TOKEN.search(html)
    assert found is not None, "the page has no form with a CSRF token"
    return found.group(1)


class ConsoleVisitor:
    """One browser: its cookies, and the CSRF token of the last page it was shown."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.token = ""

    def get(self, path: str) -> httpx.Response:
        response = self.client.get(path)
        if 'name="csrf_token"' in response.text:
            self.token = csrf_of(response.text)
        return response

    def post(self, path: str, data: dict[str, str], *, token: str | None = None) -> httpx.Response:
        form = {"csrf_token": self.token if token is None else token, **data}
        response = self.client.post(path, data=form, follow_redirects=False)
        if 'name="csrf_token"' in response.text:
            self.token = csrf_of(response.text)
        return response

    def sign_in(self, login: str, password: str) -> httpx.Response:
        self.get("/console/sign-in")
        return self.post("/console/sign-in", {"login": login, "password": password})

    def sign_out(self) -> httpx.Response:
        self.get("/console/")
        return self.post("/console/sign-out", {})

    def lands_on_home(self) -> bool:
        response = self.client.get("/console/", follow_redirects=False)
        return response.status_code == 200

    def cookie(self, name: str) -> str | None:
        return self.client.cookies.get(name)
