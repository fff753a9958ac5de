"""A reply or a reason with no words (only emoji, digits, punctuation) is refused.

A reviewer resolved a case with the reply "😀" (and "。"), and returned one with the reason
"\ufffe\uffff": each was taken, and the reporter got the emoji as the office's answer. A
complaint's text already needs words (`text_no_words`); a case's reply and every reason an
action takes now do too (`reply_no_words`, `reason_no_words`), in the one service behind the
API and the console.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.helpers import act, file_case
from tests.conftest import Staff

WORDLESS = ["😀", "。", "\ufffe\uffff", "12345", "？！…", "👍 1"]


def code_of(response) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    return response.status_code, response.json()["code"]


@pytest.mark.parametrize("wordless", WORDLESS)
def test_a_reply_without_words_is_refused_and_the_case_stays_open(
    client: TestClient, staff: Staff, wordless: str
) -> None:
    case = file_case(client, staff.coordinator)
    signed = act(client, staff.czj_clerk, case, "sign").json()

    refused = act(client, staff.czj_clerk, signed, "resolve", reply=wordless)

    assert code_of(refused) == (422, "reply_no_words")
    again = client.get(f"/api/v1/cases/{case['number']}", headers=staff.coordinator).json()
    assert (again["status"], again["version"]) == ("signed", signed["version"])


@pytest.mark.parametrize("wordless", WORDLESS)
def test_a_reason_without_words_is_refused_for_every_action_that_takes_one(
    client: TestClient, staff: Staff, wordless: str
) -> None:
    case = file_case(client, staff.coordinator)
    signed = act(client, staff.czj_clerk, case, "sign").json()

    returned = act(client, staff.czj_clerk, signed, "return", reason=wordless)
    supervised = act(client, staff.coordinator, signed, "supervise", reason=wordless)
    paused = act(client, staff.czj_clerk, signed, "pause", reason=wordless)

    for refused in (returned, supervised, paused):
        assert code_of(refused) == (422, "reason_no_words")
    again = client.get(f"/api/v1/cases/{case['number']}", headers=staff.coordinator).json()
    assert (again["status"], again["version"]) == ("signed", signed["version"])


def test_the_refusal_says_what_to_write_in_the_callers_language(
    client: TestClient, staff: Staff
) -> None:
    case = file_case(client, staff.coordinator)
    signed = act(client, staff.czj_clerk, case, "sign").json()
    english = {**staff.czj_clerk, "Accept-Language": "en"}
    chinese = {**staff.czj_clerk, "Accept-Language": "zh"}

    said_en = act(client, english, signed, "resolve", reply="😀").json()["detail"]
    said_zh = act(client, chinese, signed, "resolve", reply="😀").json()["detail"]

    assert "needs words" in said_en and "答复里要有文字" in said_zh


def test_a_short_reply_in_words_with_emoji_and_digits_is_taken(
    client: TestClient, staff: Staff
) -> None:
    case = file_case(client, staff.coordinator)
    signed = act(client, staff.czj_clerk, case, "sign").json()

    resolved = act(client, staff.czj_clerk, signed, "resolve", reply="已付清 3 笔 👍")

    assert resolved.status_code == 200 and resolved.json()["status"] == "resolved"
