"""Deactivating a staff account cuts off its bound chats at once."""

from __future__ import annotations

from sqlmodel import select

from backend.bootstrap import Container
from backend.cases.models import Case
from backend.conversations.service import ConversationService
from backend.db import session_scope
from backend.people.deactivation import deactivate_staff
from backend.people.invites import issue_invite
from backend.people.models import StaffAccount, StaffChat
from dialogs.model import ChatRef
from dialogs.texts import render
from tests.conversations.driver import Chat, bound_clerk, file_complaint

ARREARS = "区里的项目做完了，工程款一直拖欠不付，已经拖了半年"


def deactivate(container: Container, staff_id: int) -> None:
    with session_scope(container.engine) as session:
        deactivate_staff(session=session, staff_id=staff_id, clock=container.clock)


def statuses(container: Container) -> list[str]:
    with session_scope(container.engine) as session:
        return list(session.exec(select(Case.status)).all())


def test_a_deactivated_clerks_chat_no_longer_answers_queue_with_cases(
    service: ConversationService, container: Container
) -> None:
    file_complaint(Chat(service), ARREARS)
    clerk, staff_id = bound_clerk(service, container)
    clerk.command("queue")
    with session_scope(container.engine) as session:
        number = session.exec(select(Case.number)).one()
    assert number in clerk.text and "工程款" in clerk.text
    deactivate(container, staff_id)
    clerk.command("queue")
    assert clerk.text == render("zh", "clerk.unbound")
    clerk.command("queue")
    assert clerk.text == render("zh", "clerk.not_bound")
    assert number not in clerk.text and "工程款" not in clerk.text


def test_every_clerk_path_of_a_deactivated_chat_is_refused(
    service: ConversationService, container: Container
) -> None:
    file_complaint(Chat(service), ARREARS)
    with session_scope(container.engine) as session:
        number = session.exec(select(Case.number)).one()
    clerk, staff_id = bound_clerk(service, container)
    deactivate(container, staff_id)
    clerk.send("button", payload=f"sign:{number}")  # a reminder's button, tapped afterwards
    assert clerk.text == render("zh", "clerk.unbound")
    clerk.command("sign", number)
    assert clerk.text == render("zh", "clerk.not_bound")
    clerk.command("record")
    assert clerk.text == render("zh", "clerk.not_bound")
    for command in ("start", "help"):
        clerk.command(command)
        assert "/queue" not in clerk.text and "待签收" not in clerk.text
    assert statuses(container) == ["routed"]


def test_a_record_being_filed_when_the_account_is_deactivated_is_not_filed(
    service: ConversationService, container: Container
) -> None:
    clerk, staff_id = bound_clerk(service, container)
    clerk.command("record")
    clerk.say("王某")
    clerk.tap("跳过")  # no post given
    clerk.tap("本单位：区财政局")
    clerk.tap("纪律处分")
    clerk.say("区纪委监委")  # the deciding authority
    clerk.tap("一般")
    deactivate(container, staff_id)
    clerk.say("红纪发〔2026〕12号")
    assert clerk.text == render("zh", "clerk.unbound")
    clerk.say("昨天")
    assert statuses(container) == []


def test_an_account_deactivated_without_the_service_is_cut_off_too(
    service: ConversationService, container: Container
) -> None:
    clerk, staff_id = bound_clerk(service, container)
    with session_scope(container.engine) as session:  # e.g. by hand in the database
        account = session.get(StaffAccount, staff_id)
        assert account is not None
        account.active = False
        session.add(account)
    clerk.command("queue")
    assert clerk.text == render("zh", "clerk.unbound")


def test_deactivating_unbinds_the_chats_and_uses_up_open_codes(
    service: ConversationService, container: Container
) -> None:
    _, staff_id = bound_clerk(service, container)
    with session_scope(container.engine) as session:
        account = session.get(StaffAccount, staff_id)
        assert account is not None
        spare = issue_invite(session=session, staff=account, clock=container.clock)
    deactivate(container, staff_id)
    with session_scope(container.engine) as session:
        assert session.exec(select(StaffChat)).all() == []
    other = Chat(service, chat=ChatRef("web", "another"))
    other.command("bind", spare)
    assert other.text == render("zh", "clerk.bind_failed")
