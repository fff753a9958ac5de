"""Log lines: JSON with the request's context, and never a PIN, token, password or contact."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from backend.bootstrap import Container
from backend.observability.context import request_context
from backend.observability.logs import configure_logging, make_handler, uvicorn_options
from backend.settings import Settings, load_settings
from tests.api.helpers import ARREARS
from tests.conftest import Staff
from tests.staff_accounts import PASSWORD, staff_with_password
from tests.staff_console.helpers import ConsoleVisitor

PHONE = "138 0013 8000"
NAME = "张三丰"


class Captured:
    """What the root logger wrote through the production handler, line by line."""

    def __init__(self, stream: io.StringIO) -> None:
        self.stream = stream

    @property
    def text(self) -> str:
        return self.stream.getvalue()

    def lines(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.text.splitlines()]

    def with_message(self, part: str) -> dict[str, Any]:
        [line] = [line for line in self.lines() if part in line["message"]]
        return line


@pytest.fixture
def captured(settings: Settings) -> Iterator[Captured]:
    """Every line logged during the test, through the JSON handler `intake run` uses."""
    stream = io.StringIO()
    handler = make_handler(settings.model_copy(update={"log_format": "json"}), stream)
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    yield Captured(stream)
    root.removeHandler(handler)
    root.setLevel(level)


def test_a_named_complaint_is_logged_with_its_number_actor_and_request_id_and_no_contact(
    client: TestClient, staff: Staff, captured: Captured
) -> None:
    answer = client.post(
        "/api/v1/cases",
        json={"text": ARREARS, "reporter": {"name": NAME, "phone": PHONE}},
        headers={**staff.coordinator, "X-Request-ID": "intake-1"},
    )
    assert answer.status_code == 201, answer.text
    number = answer.json()["number"]

    line = captured.with_message("received")

    assert line["request_id"] == "intake-1"
    assert line["case"] == number
    assert line["actor"].startswith("staff#") and line["actor"].endswith(" coordinator")
    assert (line["level"], line["logger"], line["channel"]) == (
        "INFO",
        "backend.cases.intake",
        "api",
    )
    assert line["time"].startswith("2") and "T" in line["time"]
    token = staff.coordinator["Authorization"].removeprefix("Bearer ")
    for secret in (NAME, PHONE, PHONE.replace(" ", ""), token, "协调员"):
        assert secret not in captured.text


def test_an_anonymous_complaints_pin_is_not_logged(
    client: TestClient, staff: Staff, captured: Captured
) -> None:
    answer = client.post("/api/v1/cases", json={"text": ARREARS}, headers=staff.coordinator)
    pin = answer.json()["pin"]

    assert captured.with_message("received")["case"] == answer.json()["number"]
    assert pin not in captured.text


def test_a_sign_in_with_a_password_logs_the_account_not_the_password(
    client: TestClient, container: Container, captured: Captured
) -> None:
    account = staff_with_password(container, login="wang")
    visitor = ConsoleVisitor(client)

    visitor.sign_in("wang", PASSWORD)
    visitor.sign_in("wang", "wrong horse battery")

    signed_in = captured.with_message("signed in")
    assert signed_in["message"] == f"sign-in: staff #{account.id} signed in"
    assert "request_id" in signed_in
    assert PASSWORD not in captured.text
    assert "wrong horse battery" not in captured.text


def test_secrets_in_a_message_its_fields_and_its_traceback_are_redacted(
    captured: Captured,
) -> None:
    log = logging.getLogger("tests.observability")
    log.warning(
        "retrying with Authorization: Bearer abc.DEF-123 and pin=654321, call %s",
        "+86 13800138000",
        extra={"password": "hunter2", "phone": "13800138000", "note": "mail a@b.cn"},
    )
    try:
        raise ValueError("INSERT ... ('张三', '022-2345 6789')")
    except ValueError:
        log.exception("insert failed")

    first, second = captured.lines()
    assert first["message"] == (
        "retrying with Authorization: Bearer [redacted] and pin=[redacted], call [redacted]"
    )
    assert (first["password"], first["phone"], first["note"]) == (
        "[redacted]",
        "[redacted]",
        "mail [redacted]",
    )
    assert "022-2345" not in second["exc_info"] and "ValueError" in second["exc_info"]
    for secret in ("abc.DEF", "654321", "13800138000", "hunter2", "a@b.cn"):
        assert secret not in captured.text


def test_uvicorns_access_line_is_json_with_its_parts_and_the_request_context(
    captured: Captured, monkeypatch: pytest.MonkeyPatch
) -> None:
    access = logging.getLogger("uvicorn.access")
    # As `intake run` leaves it (configure_logging), whatever a uvicorn started earlier in
    # this test process set (access_log=False turns propagation off).
    for name in ("uvicorn", "uvicorn.access"):  # the parent too: its handler would stop it
        monkeypatch.setattr(logging.getLogger(name), "propagate", True)
        monkeypatch.setattr(logging.getLogger(name), "handlers", [])
    access.setLevel(logging.INFO)  # setLevel also clears the loggers' cached decisions
    with request_context("req-42") as context:
        context.route, context.duration_ms = "/console/password/{token}", 3.5
        access.info(
            '%s - "%s %s HTTP/%s" %d',
            "127.0.0.1:5000",
            "GET",
            "/console/password/0123456789abcdef?pin=123456",
            "1.1",
            200,
        )

    [line] = captured.lines()
    assert line["logger"] == "uvicorn.access"
    assert (line["method"], line["status"], line["client"]) == ("GET", 200, "127.0.0.1:5000")
    assert line["path"] == "/console/password/[redacted]?pin=[redacted]"
    assert (line["request_id"], line["route"], line["duration_ms"]) == (
        "req-42",
        "/console/password/{token}",
        3.5,
    )
    assert "0123456789abcdef" not in captured.text and "123456" not in captured.text


def test_logs_are_json_outside_development_unless_set_otherwise() -> None:
    assert load_settings(env="development").json_logs is False
    assert load_settings(env="test").json_logs is True
    assert load_settings(env="development", log_format="json").json_logs is True
    assert load_settings(env="test", log_format="text").json_logs is False


def test_intake_run_sends_uvicorns_lines_through_the_same_handler(settings: Settings) -> None:
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    stream = io.StringIO()
    try:
        configure_logging(settings.model_copy(update={"log_format": "json"}), stream)
        logging.getLogger("uvicorn.error").info("Uvicorn running on http://127.0.0.1:8000")
        logging.getLogger("httpx").info("HTTP Request: POST https://api.telegram.org/bot1:x")
    finally:
        root.handlers[:], root.level = saved

    [line] = [json.loads(text) for text in stream.getvalue().splitlines()]
    assert (line["logger"], line["level"]) == ("uvicorn.error", "INFO")
    assert uvicorn_options(settings)["log_config"] is None  # uvicorn adds no handler of its own


def test_text_lines_for_a_developer_carry_the_request_id(settings: Settings) -> None:
    stream = io.StringIO()
    handler = make_handler(settings.model_copy(update={"log_format": "text"}), stream)
    record = logging.makeLogRecord({"name": "x", "levelname": "INFO", "msg": "hello pin=1234"})
    with request_context("req-7"):
        handler.handle(record)

    assert stream.getvalue().rstrip().endswith("hello pin=[redacted] [request_id=req-7]")


@pytest.mark.parametrize(
    "written",
    [
        "电话13712345678请回电",
        "邮箱li@example.cn",
        "身份证12010619900101123X",
        "座机022-2345 6789",
    ],
)
def test_contacts_written_right_after_chinese_words_are_redacted(written: str) -> None:
    from backend.observability.redaction import scrub

    scrubbed = scrub(written)

    assert not any(ch.isdigit() for ch in scrubbed), scrubbed
    assert "@" not in scrubbed


def test_a_database_error_never_carries_the_statements_values() -> None:
    from sqlalchemy import text

    from backend.db import make_engine

    engine = make_engine("sqlite://")
    with pytest.raises(Exception) as raised, engine.begin() as connection:
        connection.execute(text("SELECT * FROM nowhere WHERE phone = :p"), {"p": "13812345678"})

    assert "13812345678" not in str(raised.value)


@pytest.mark.parametrize(
    "path",
    [
        "/open311/v2/requests.json?service_code=arrears&first_name=%E5%BC%A0%E4%B8%89&last_name=Li",
        "/open311/v2/requests.json?first_name=张三&last_name=李四&description=拖欠货款半年",
        "/open311/v2/requests.xml?account_id=u-778&device_id=abc-123&lat=39.1",
    ],
)
def test_an_open311_query_string_keeps_the_reporters_name_and_account_out_of_the_log(
    path: str,
) -> None:
    from backend.observability.redaction import scrub

    scrubbed = scrub(f'"POST {path} HTTP/1.1" 201')

    for kept_out in ("%E5%BC%A0", "张三", "李四", "=Li", "拖欠货款", "u-778", "abc-123"):
        assert kept_out not in scrubbed, scrubbed
    assert "/open311/v2/requests" in scrubbed


@pytest.mark.parametrize(
    ("line", "kept_out"),
    [
        ('"GET /console/cases?q=zhang%40example.org HTTP/1.1" 200', ("zhang", "example.org")),
        ('"GET /console/cases?q=%2B8613812345678 HTTP/1.1" 200', ("13812345678",)),
        ('"GET /console/cases?page=2&q=138%201234%205678 HTTP/1.1" 200', ("1234%20", "5678")),
        ('"GET /api/v1/cases?q=%E7%94%B5%E8%AF%9D13812345678 HTTP/1.1" 200', ("13812345678",)),
        ('"GET /console/rate/Zm9vYmFyYmF6cXV4MTIzNDU2 HTTP/1.1" 200', ("Zm9vYmFy",)),
        ('"POST /public/email/Zm9vYmFyYmF6cXV4MTIzNDU2 HTTP/1.1" 303', ("Zm9vYmFy",)),
        ('"GET /console/channels/verify/Zm9vYmFyYmF6cXV4 HTTP/1.1" 200', ("Zm9vYmFy",)),
    ],
)
def test_an_access_line_keeps_encoded_contacts_and_link_tokens_out_of_the_log(
    line: str, kept_out: tuple[str, ...]
) -> None:
    # An operator's review, 2026-12-02: a search typed in the console reached the access log
    # percent-encoded, and the one-time links' tokens in clear.
    from backend.observability.redaction import scrub

    scrubbed = scrub(line)

    for secret in kept_out:
        assert secret not in scrubbed, scrubbed
    assert "HTTP/1.1" in scrubbed


def test_a_harmless_encoded_search_stays_readable_in_the_log() -> None:
    from backend.observability.redaction import scrub

    line = '"GET /console/cases?q=%E5%B7%A5%E7%A8%8B%E6%AC%BE&page=2 HTTP/1.1" 200'
    assert scrub(line) == line
