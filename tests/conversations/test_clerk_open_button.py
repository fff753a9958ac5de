"""A reminder's 查看 (Open) button shows a clerk the case of their unit, and no other.

Reviewer, 2026-12-03: tapping 查看 on a reminder about the clerk's own unit's case answered
that the chat had filed no such case and asked for its PIN: the button stood for `/status`,
which knew only the reporter and followers.
"""

from __future__ import annotations

import pytest
from sqlmodel import select

from backend.actors import Actor
from backend.bootstrap import Container
from backend.cases.models import Case
from backend.cases.workflow import Action, Command, transition
from backend.conversations.service import ConversationService
from backend.db import session_scope
from backend.people.models import StaffAccount
from dialogs import texts
from tests.conversations.driver import Chat, bound_clerk, file_complaint
from tests.conversations.test_service import ARREARS, cases


def test_a_clerk_tapping_open_on_a_reminder_sees_the_case_of_their_unit(
    service: ConversationService, container: Container
) -> None:
    file_complaint(Chat(service), ARREARS)  # routed to the finance bureau (czj)
    [case] = cases(container)
    clerk, _ = bound_clerk(service, container)

    clerk.send("button", payload=f"open:{case.number}")

    assert clerk.text.startswith(f"案件 {case.number}：")
    assert "承办单位：区财政局" in clerk.text


@pytest.mark.parametrize("how", ["button", "command"])
def test_a_clerk_of_another_unit_sees_nothing_of_the_case(
    service: ConversationService, container: Container, how: str
) -> None:
    file_complaint(Chat(service), ARREARS)
    [case] = cases(container)
    other, _ = bound_clerk(service, container, unit="sfj", name="司法局 张")

    if how == "button":
        other.send("button", payload=f"open:{case.number}")
    else:
        other.command("status", case.number)

    assert other.text == texts.render("zh", "status.pin_needed", number=case.number)
    assert [c.status for c in cases(container)] == ["routed"]


def test_a_sign_button_of_a_case_already_resolved_says_it_no_longer_waits_not_already_signed(
    service: ConversationService, container: Container
) -> None:
    # Reviewer, 2026-12-03: a stale 签收 button of a closed case answered "已经签收过了".
    file_complaint(Chat(service), ARREARS)
    [case] = cases(container)
    clerk, staff_id = bound_clerk(service, container)
    clerk.send("button", payload=f"sign:{case.number}")
    assert clerk.text.startswith(texts.render("zh", "clerk.signed", number=case.number))
    clerk.send("button", payload=f"sign:{case.number}")
    assert clerk.text.startswith(texts.render("zh", "refused.already_signed"))
    with session_scope(container.engine) as session:
        row = session.exec(select(Case).where(Case.number == case.number)).one()
        staff = session.get(StaffAccount, staff_id)
        assert staff is not None
        actor = Actor.staff(staff)
        transition(
            session=session,
            case=row,
            actor=actor,
            env=container.case_env,
            command=Command(action=Action.resolve, version=row.version, reply="已付款"),
        )

    clerk.send("button", payload=f"sign:{case.number}")

    assert clerk.text.startswith(texts.render("zh", "refused.not_waiting_to_sign"))
