"""Open311 as a channel: named in the statistics, gated like the API, keys from the CLI."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime

import httpx
from fastapi.testclient import TestClient

from backend.api.admission import is_gated
from backend.bootstrap import Container
from backend.db import session_scope
from backend.errors import ValidationFailed
from backend.open311.keys import client_of, create_key, hash_key
from backend.settings import Settings
from backend.stats.service import breakdown_label
from backend.taxonomy.models import Taxonomy
from tests.api.test_admission import _one_at_a_time, _while_held
from tests.cli.test_cli import intake
from tests.fakes import FakeClock
from tests.open311.helpers import BASE, errors_of, post, request_form


def test_the_open311_channel_has_a_name_in_both_languages(taxonomy: Taxonomy) -> None:
    def name(language: str) -> Callable[[str | None], str]:
        return breakdown_label(by="channel", taxonomy=taxonomy, language=language)

    assert (name("zh")("open311"), name("en")("open311")) == (
        "Open311（其他系统）",
        "Open311 (other systems)",
    )


def test_every_open311_address_waits_for_a_turn_like_the_api() -> None:
    assert is_gated(f"{BASE}/requests.json")
    assert is_gated(f"{BASE}/services.xml")
    assert is_gated(f"{BASE}/discovery.json")


def test_a_refused_open311_request_gets_503_as_the_error_list_in_its_format(
    container: Container,
) -> None:
    app = _one_at_a_time(container)
    as_xml = httpx.Request("GET", f"http://intake{BASE}/services.xml")
    as_json = httpx.Request(
        "GET", f"http://intake{BASE}/services.json", headers={"Accept-Language": "en"}
    )

    refused_xml, refused_json, _, _ = asyncio.run(_while_held(app, as_xml, as_json))

    assert (refused_xml.status_code, refused_json.status_code) == (503, 503)
    assert refused_xml.headers["retry-after"] == "1"
    assert errors_of(refused_xml, "xml") == [
        {"code": 503, "description": "系统繁忙，请稍后重试。"}
    ]
    assert errors_of(refused_json, "json") == [
        {"code": 503, "description": "The service is busy; please try again in a moment."}
    ]


def test_a_coordinator_creates_lists_and_revokes_keys_from_the_command_line(
    settings: Settings, client: TestClient
) -> None:
    created = intake(settings, "open311", "keys", "create", "mobile-app")
    key = created.stdout.strip().splitlines()[-1]
    filed = post(client, "json", request_form(key))
    listed = intake(settings, "open311", "keys", "list")
    revoked = intake(settings, "open311", "keys", "revoke", "mobile-app")
    again = intake(settings, "open311", "keys", "create", "mobile-app")
    unknown = intake(settings, "open311", "keys", "revoke", "nobody")

    assert created.returncode == 0, created.stderr
    assert key.startswith("o311_")
    assert filed.status_code == 200, filed.text
    assert listed.stdout.startswith("mobile-app\tactive\tcreated ")
    assert key not in listed.stdout
    assert revoked.returncode == 0 and "revoked" in revoked.stdout
    assert post(client, "json", request_form(key)).status_code == 403
    assert again.returncode == 1
    assert again.stderr.strip() == "intake: The application mobile-app already has a key."
    assert unknown.returncode == 1 and "nobody" in unknown.stderr


def test_a_keys_use_is_noted_at_most_hourly_and_only_its_hash_is_stored(
    container: Container, clock: FakeClock
) -> None:
    with session_scope(container.engine) as session:
        row, key = create_key(session=session, name="portal", now=clock.now())
        assert key not in row.key_hash and row.key_hash == hash_key(key)
    first = clock.now()

    def use() -> datetime | None:
        with session_scope(container.engine) as session:
            client = client_of(session=session, key=key, now=clock.now())
            assert client is not None
            return client.last_used_at

    assert use() == first
    clock.advance(minutes=59)
    assert use() == first
    clock.advance(minutes=1)
    assert use() == clock.now()


def test_an_application_named_by_invisible_marks_only_gets_no_key(
    container: Container, clock: FakeClock
) -> None:
    with session_scope(container.engine) as session:
        try:
            create_key(session=session, name="\u200b\u202e", now=clock.now())
        except ValidationFailed as refused:
            assert refused.code == "open311_key_name"
        else:
            raise AssertionError("a key was issued to an invisible name")
