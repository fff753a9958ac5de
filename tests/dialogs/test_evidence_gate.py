"""The rule every channel asks before it stores an upload: is a complaint or record open?"""

from __future__ import annotations

import pytest

from dialogs.engine import file_refusal, forget_files
from dialogs.model import ChatRef, DialogState
from dialogs.ports import Limits
from tests.dialogs.driver import COMPLAINT_STEPS, ChatDriver, reach
from tests.dialogs.fakes import FakeServices

LIMITS = Limits()


def refusal_key(state: DialogState | None, **kwargs: object) -> str | None:
    refusal = file_refusal(state, LIMITS, **kwargs)  # type: ignore[arg-type]
    return refusal.key if refusal is not None else None


def test_no_dialog_or_an_idle_one_takes_no_file() -> None:
    driver = ChatDriver(FakeServices())
    assert refusal_key(None) == "input.idle_attachment"
    driver.command("start")
    assert refusal_key(driver.state) == "input.idle_attachment"


@pytest.mark.parametrize("step", COMPLAINT_STEPS)
def test_every_step_of_an_open_complaint_takes_evidence(step: str) -> None:
    driver = ChatDriver(FakeServices())
    reach(driver, step)

    assert refusal_key(driver.state) is None
    assert refusal_key(driver.state, chat_kind="group") == "input.group"


def test_a_clerks_open_record_takes_evidence_and_a_rating_does_not() -> None:
    clerk = ChatDriver(FakeServices(), ChatRef("telegram", "clerk-7"))
    clerk.command("bind", "INVITE42")
    clerk.command("record")
    assert clerk.step == ("record", "person")
    assert refusal_key(clerk.state) is None

    rating = DialogState(flow="rating", step="rate", data={"number": "HQ-261126-0003"})
    assert refusal_key(rating) == "step.no_file"


def test_a_complaint_with_all_its_attachments_takes_no_more_and_the_engine_agrees() -> None:
    driver = ChatDriver(FakeServices())
    reach(driver, "evidence")
    for _ in range(LIMITS.max_attachments):
        driver.photo()

    assert refusal_key(driver.state) == "files.full"
    before = driver.saved()
    driver.photo()
    assert driver.saved() == before


def test_forgetting_removed_files_keeps_the_others_and_the_step() -> None:
    driver = ChatDriver(FakeServices())
    reach(driver, "evidence")
    driver.photo()
    driver.document()
    assert driver.state is not None
    removed, kept = [a["file_id"] for a in driver.state.data["attachments"]]

    forgotten = forget_files(driver.state, {removed})

    assert [a["file_id"] for a in forgotten.data["attachments"]] == [kept]
    assert (forgotten.flow, forgotten.step) == ("complaint", "evidence")
    assert len(driver.state.data["attachments"]) == 2  # the original is left alone
