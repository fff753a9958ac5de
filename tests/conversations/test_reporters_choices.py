"""What the citizen chose in the chat stands: the router's guess never replaces it."""

from __future__ import annotations

from sqlmodel import col, select

from backend.bootstrap import Container
from backend.cases.models import Case, CaseEvent
from backend.conversations.service import ConversationService
from backend.db import session_scope
from tests.api.helpers import ARREARS, PARKING_XYZ
from tests.conversations.driver import Chat


def filed(container: Container) -> tuple[Case, CaseEvent]:
    with session_scope(container.engine) as session:
        case = session.exec(select(Case)).one()
        placed = session.exec(
            select(CaseEvent).where(CaseEvent.case_id == case.id).order_by(col(CaseEvent.id))
        ).all()[1]
        session.expunge_all()
        return case, placed


def finish(chat: Chat) -> None:
    """Answer the remaining questions the quickest way and confirm."""
    chat.tap("今天")
    chat.tap("跳过")
    chat.tap("🕶 匿名")
    assert "未选择" in chat.text or "不确定" in chat.text  # the summary says what was chosen
    chat.tap("✅ 确认提交")


def test_none_of_these_files_the_case_in_triage_without_a_category(
    service: ConversationService, container: Container
) -> None:
    chat = Chat(service)
    chat.command("report")
    chat.say(ARREARS)  # the router is sure: 拖欠账款, owned by the finance bureau
    chat.tap("不对，换一个")
    chat.tap("以上都不是")
    finish(chat)
    case, placed = filed(container)
    assert (case.status, case.category_id, case.department_code) == ("triage", None, "fgw")
    assert (placed.action, placed.reason) == (
        "triage",
        "the reporter chose none of the proposed categories",
    )


def test_not_sure_of_the_street_is_not_replaced_by_the_street_the_text_names(
    service: ConversationService, container: Container
) -> None:
    chat = Chat(service)
    chat.command("report")
    chat.say(PARKING_XYZ)  # names 西于庄街道, which the dialog fills in
    chat.tap("✅ 对")
    chat.tap("今天")
    chat.tap("跳过")
    chat.tap("🕶 匿名")
    chat.tap("改地点")
    chat.tap("不确定")
    assert "地点：未确定" in chat.text
    chat.tap("✅ 确认提交")
    case, placed = filed(container)
    assert (case.status, case.street_code, case.street_needed) == ("triage", None, True)
    assert (placed.action, placed.reason) == ("triage", "street needed")
