"""The same action with the same words, just taken by the same person, is not taken again.

Back and send again after 督办 sent the unit a second identical order (backend.cases.repeats).
"""

from __future__ import annotations

from fastapi.testclient import TestClient

from backend.cases.repeats import REPEAT_WINDOW
from tests.api.helpers import act, file_case
from tests.conftest import Staff
from tests.fakes import FakeClock


def test_a_supervision_repeated_at_once_is_refused_as_already_sent_and_taken_later(
    client: TestClient, staff: Staff, clock: FakeClock
) -> None:
    case = act(client, staff.czj_clerk, file_case(client, staff.coordinator), "sign").json()
    zh = {**staff.coordinator, "Accept-Language": "zh"}

    first = act(client, zh, case, "supervise", reason="请三日内答复投诉人").json()
    again = act(client, zh, first, "supervise", reason="请三日内答复投诉人")
    clock.advance(seconds=REPEAT_WINDOW.total_seconds() + 1)
    later = act(client, zh, first, "supervise", reason="请三日内答复投诉人")

    assert (again.status_code, again.json()["code"]) == (409, "already_sent")
    assert "您刚才已经提交过" in again.json()["detail"]
    assert later.status_code == 200


def test_other_words_or_another_person_are_a_new_action(client: TestClient, staff: Staff) -> None:
    case = act(client, staff.czj_clerk, file_case(client, staff.coordinator), "sign").json()

    first = act(client, staff.coordinator, case, "supervise", reason="请三日内答复投诉人").json()
    other = act(client, staff.coordinator, first, "supervise", reason="请今天答复投诉人")

    assert other.status_code == 200


def test_an_entry_between_does_not_make_the_same_order_new(
    client: TestClient, staff: Staff
) -> None:
    # Verifier, 2026-12-03: 督办, a note, Back twice (the order typed back in), send: taken again.
    case = act(client, staff.czj_clerk, file_case(client, staff.coordinator), "sign").json()
    first = act(client, staff.coordinator, case, "supervise", reason="请三日内答复投诉人").json()
    noted = client.post(
        f"/api/v1/cases/{case['number']}/notes",
        json={"text": "已电话催办"},
        headers=staff.coordinator,
    )

    again = act(client, staff.coordinator, first, "supervise", reason="请三日内答复投诉人")

    assert noted.status_code in (200, 201)
    assert (again.status_code, again.json()["code"]) == (409, "already_sent")


def test_other_days_or_a_request_after_a_decision_are_new_whatever_the_words(
    client: TestClient, staff: Staff
) -> None:
    case = act(client, staff.czj_clerk, file_case(client, staff.coordinator), "sign").json()
    first = act(client, staff.coordinator, case, "supervise", reason="请尽快答复", days=3).json()
    shorter = act(client, staff.coordinator, first, "supervise", reason="请尽快答复", days=1)
    asked = act(
        client, staff.czj_clerk, shorter.json(), "request_extension", days=3, reason="需要调取档案"
    ).json()
    denied = act(client, staff.coordinator, asked, "deny_extension", reason="时限内可办结").json()
    again = act(
        client, staff.czj_clerk, denied, "request_extension", days=2, reason="需要调取档案"
    )
    paused = act(
        client, staff.czj_clerk, again.json(), "pause", reason="等待投诉人补充材料"
    ).json()
    resumed = act(client, staff.czj_clerk, paused, "resume").json()
    repaused = act(client, staff.czj_clerk, resumed, "pause", reason="等待投诉人补充材料")

    assert [r.status_code for r in (shorter, again, repaused)] == [200, 200, 200]
