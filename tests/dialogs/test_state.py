"""The saved state: plain JSON, versioned, never changed in place, and a restart loses nothing."""

from __future__ import annotations

import json

import pytest

from dialogs.engine import advance, new_state
from dialogs.model import STATE_VERSION, ChatRef, DialogState, Inbound, StateVersionError
from tests.dialogs.driver import COMPLAINT_STEPS, ChatDriver, reach
from tests.dialogs.fakes import FakeServices

CHAT = ChatRef("telegram", "42")


@pytest.mark.parametrize(
    ("hint", "language"),
    [("en-GB", "en"), ("en", "en"), ("zh-hans", "zh"), ("ru", "zh"), (None, "zh")],
)
def test_a_new_chat_takes_its_language_from_the_client(hint: str | None, language: str) -> None:
    inbound = Inbound("command", CHAT, "1", command="start", language_hint=hint)
    turn = advance(None, inbound, FakeServices())
    assert turn.state.language == language


@pytest.mark.parametrize("step", COMPLAINT_STEPS)
def test_the_state_at_every_step_round_trips_through_json(step: str) -> None:
    driver = ChatDriver(FakeServices())
    reach(driver, step)
    raw = driver.saved()
    assert DialogState.from_dict(json.loads(json.dumps(raw))).to_dict() == raw
    assert raw["version"] == STATE_VERSION


def test_a_restart_between_every_turn_files_the_same_complaint_as_no_restart() -> None:
    kept, restarted = FakeServices(), FakeServices()
    in_memory = ChatDriver(kept, restart_every_turn=False)
    from_json = ChatDriver(restarted, restart_every_turn=True)
    for driver in (in_memory, from_json):
        reach(driver, "summary")
        driver.tap("✅ 确认提交")
    assert kept.complaints == restarted.complaints


def test_the_engine_never_changes_the_state_it_was_given() -> None:
    services = FakeServices()
    state = new_state("zh", "seed")
    saved = state.to_dict()
    inbound = Inbound("command", CHAT, "1", command="report")
    first = advance(state, inbound, services)
    second = advance(state, inbound, services)
    assert state.to_dict() == saved
    assert first.state.to_dict() == second.state.to_dict()


def test_a_state_from_a_newer_engine_is_refused() -> None:
    with pytest.raises(StateVersionError):
        DialogState.from_dict({"version": STATE_VERSION + 1})


def test_a_state_with_a_flow_no_longer_known_counts_as_idle() -> None:
    state = DialogState.from_dict({"version": 1, "flow": "petition", "step": "reason"})
    turn = advance(state, Inbound("command", CHAT, "1", command="report"), FakeServices())
    assert (turn.state.flow, turn.state.step) == ("complaint", "what")


def test_a_state_with_a_step_no_longer_known_asks_the_first_question() -> None:
    state = DialogState.from_dict({"version": 1, "flow": "complaint", "step": "mood"})
    turn = advance(state, Inbound("command", CHAT, "1", command="help"), FakeServices())
    assert "哪个部门或单位" in turn.replies[-1].text


def test_fresh_states_of_different_chats_give_their_buttons_different_tokens() -> None:
    assert new_state(None, "update-1").token != new_state(None, "update-2").token


def test_a_copy_of_the_state_shares_nothing_that_can_change() -> None:
    state = DialogState(
        flow="complaint",
        data={"attachments": [{"file_id": "f1"}], "span": ("2024-12-01", "2024-12-31")},
        clerk={"staff_id": 7, "departments": ["czj"]},
        pending_ratings=["HQ-241201-0001"],
        history=["describe"],
    )
    copy = state.copy()
    copy.history.append("category")
    copy.data["attachments"][0]["file_id"] = "changed"
    copy.data["attachments"].append({"file_id": "f2"})
    assert copy.clerk is not None
    copy.clerk["departments"].append("zjw")
    copy.pending_ratings.append("HQ-241201-0002")
    assert state.data == {
        "attachments": [{"file_id": "f1"}],
        "span": ("2024-12-01", "2024-12-31"),
    }
    assert state.clerk == {"staff_id": 7, "departments": ["czj"]}
    assert state.pending_ratings == ["HQ-241201-0001"]
    assert state.history == ["describe"]
    assert copy.data["span"] == ("2024-12-01", "2024-12-31")
