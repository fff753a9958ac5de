"""Text the database cannot store is refused at the step it was typed at, in every dialog."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlmodel import select

from backend.bootstrap import Container
from backend.cases.models import Case
from backend.conversations.models import Conversation
from backend.conversations.service import ConversationService
from backend.db import session_scope
from dialogs.model import ChatRef, FileRef
from tests.conversations.driver import Chat
from tests.conversations.test_service import ARREARS, bind_code_for_a_czj_clerk

UNSTORABLE = "无法保存的字符"
CLERK = ChatRef("console", "clerk")


def saved_step(container: Container, chat: ChatRef) -> tuple[object, object, object]:
    """Return the flow, step and answers the chat's saved dialog holds."""
    with session_scope(container.engine) as session:
        row = session.exec(
            select(Conversation).where(
                Conversation.channel == chat.channel, Conversation.chat_id == chat.chat_id
            )
        ).one()
        assert row.state is not None
        return row.state["flow"], row.state["step"], row.state["data"]


def record_at_the_person(clerk: Chat) -> None:
    clerk.command("record")


def record_at_the_authority(clerk: Chat) -> None:
    clerk.command("record")
    clerk.say("王某")
    clerk.tap("跳过")  # no post given
    clerk.tap("本单位：区财政局")
    clerk.tap("纪律处分")


def record_at_the_document_number(clerk: Chat) -> None:
    record_at_the_authority(clerk)
    clerk.say("区纪委监委")  # the deciding authority
    clerk.tap("一般")


def record_at_the_summary(clerk: Chat) -> None:
    record_at_the_document_number(clerk)
    clerk.say("红纪发〔2026〕12号")
    clerk.tap("昨天")


@pytest.mark.parametrize(
    "reach",
    [
        record_at_the_person,
        record_at_the_authority,
        record_at_the_document_number,
        record_at_the_summary,
    ],
    ids=["person", "authority", "document number", "summary"],
)
@pytest.mark.parametrize("bad", ["\u0000", "\ud800"], ids=["NUL", "lone surrogate"])
def test_a_clerks_record_refuses_unstorable_text_at_each_typed_step(
    service: ConversationService,
    container: Container,
    reach: Callable[[Chat], None],
    bad: str,
) -> None:
    clerk = Chat(service, chat=CLERK)
    clerk.command("bind", bind_code_for_a_czj_clerk(container))
    reach(clerk)
    before = saved_step(container, CLERK)

    clerk.say(f"违规承诺{bad}招商优惠政策且未兑现")

    assert UNSTORABLE in clerk.text
    assert saved_step(container, CLERK) == before


def test_a_file_name_that_cannot_be_stored_is_refused_with_its_message(
    service: ConversationService, container: Container
) -> None:
    chat = Chat(service)
    chat.command("report")
    chat.say(ARREARS)
    chat.tap("✅ 对")
    chat.tap("今天")
    before = saved_step(container, chat.chat)

    chat.send("document", file=FileRef("f1", "document", 10, "application/pdf", "a\u0000.pdf"))

    assert UNSTORABLE in chat.text
    assert saved_step(container, chat.chat) == before


def test_nothing_refused_reaches_a_case(
    service: ConversationService, container: Container
) -> None:
    chat = Chat(service)
    chat.command("report")
    chat.say(ARREARS + "\u0000")
    chat.say(ARREARS)
    chat.tap("✅ 对")
    chat.tap("今天")
    chat.tap("跳过")
    chat.tap("🕶 匿名")
    chat.tap("✅ 确认提交")
    with session_scope(container.engine) as session:
        [case] = session.exec(select(Case)).all()
    assert case.text == ARREARS
