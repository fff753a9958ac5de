"""A clerk's chat takes a bind code as it is read out, and a cancelled dialog says how to start
that dialog again (reviewer, 2026-12-03: "ABCD EFGH" was refused, and a cancelled /record
pointed to /report)."""

from __future__ import annotations

import pytest

from backend.bootstrap import Container
from backend.conversations.service import ConversationService
from dialogs.model import ChatRef
from dialogs.texts import render
from tests.conversations.driver import Chat, bound_clerk
from tests.conversations.test_service import bind_code_for_a_czj_clerk


@pytest.mark.parametrize("spoken", ["{a} {b}", "{a}  {b}", "{a} - {b}", "{a}{b}"])
def test_a_bind_code_typed_in_two_parts_binds_the_chat(
    service: ConversationService, container: Container, spoken: str
) -> None:
    a, b = bind_code_for_a_czj_clerk(container).split("-")
    clerk = Chat(service, chat=ChatRef("console", "clerk"))

    clerk.say("/bind " + spoken.format(a=a.lower(), b=b))

    assert clerk.text.startswith("绑定成功")


def test_a_cancelled_record_says_to_send_record_to_start_again(
    service: ConversationService, container: Container
) -> None:
    clerk, _ = bound_clerk(service, container)
    clerk.command("record")
    clerk.say("王某")

    clerk.command("cancel")

    assert clerk.text == render("zh", "cancel.done", command="record")
    assert "/report" not in clerk.text


def test_a_cancelled_complaint_still_says_to_send_report(service: ConversationService) -> None:
    chat = Chat(service, language_hint="en")
    chat.command("report")

    chat.command("cancel")

    assert chat.text == "Cancelled; nothing was filed. Send /report to start again."
