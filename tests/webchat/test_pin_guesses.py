"""Lookups by PIN from web chats: every chat opened at one client address shares its limit."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from backend.cases import pins
from dialogs import texts
from tests.webchat.helpers import ARREARS, WebChat, file_complaint

NOT_FOUND = texts.render("zh", "status.not_found")
ATTEMPTS = 3  # the address's allowance in these tests (fifty a day in production)


def at(app: FastAPI, address: str) -> TestClient:
    """Return a client whose requests come from this address (as uvicorn reports it)."""
    return TestClient(app, client=(address, 50000))


def ask(client: TestClient, number: str, pin: str) -> str:
    """Open a new web chat and ask for a case's status by number and PIN."""
    chat = WebChat(client)
    chat.start()
    chat.command("status", number, pin)
    return chat.text


def test_new_web_chats_from_one_address_share_its_allowance_of_wrong_pins(
    web_app: FastAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pins, "ADDRESS_ATTEMPTS", ATTEMPTS)
    with at(web_app, "203.0.113.5") as guesser, at(web_app, "198.51.100.7") as owner:
        reporter = WebChat(owner)
        reporter.start()
        number, pin = file_complaint(reporter, ARREARS)
        assert pin is not None
        wrong = [ask(guesser, number, f"{(int(pin) + 1 + i) % 1_000_000:06d}") for i in range(3)]
        refused = ask(guesser, number, pin)  # a fourth chat, the right PIN: not weighed
        elsewhere = ask(owner, number, pin)
    assert wrong == [NOT_FOUND] * 3 and refused == NOT_FOUND
    assert f"案件 {number}" in elsewhere


def test_the_address_counted_is_the_client_address_uvicorn_reports(
    web_app: FastAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str | None] = []
    original = pins.case_by_pin

    def spy(**kwargs: object) -> pins.PinCheck:
        seen.append(kwargs.get("origin"))  # type: ignore[arg-type]
        return original(**kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("backend.conversations.dialog_services.case_by_pin", spy)
    with at(web_app, "2001:db8::7") as client:
        ask(client, "HQ-261127-9999", "123456")
    assert seen == ["2001:db8::7"]
