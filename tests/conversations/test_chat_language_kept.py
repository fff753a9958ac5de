"""The language a chat speaks is the language its notices are written in.

Reviewer, 2026-12-03: a clerk who bound a chat speaking English got every reminder in Chinese
(the binding always kept "zh"), and `/lang en` afterwards changed nothing of it; a reporter who
switched language after filing heard of the case in the first one.
"""

from __future__ import annotations

from sqlmodel import select

from backend.bootstrap import Container
from backend.conversations.service import ConversationService
from backend.db import session_scope
from backend.people.models import Reporter, StaffChat
from dialogs.model import ChatRef
from tests.conversations.driver import Chat, file_complaint
from tests.conversations.test_service import ARREARS, bind_code_for_a_czj_clerk


def staff_chat_language(container: Container, chat: ChatRef) -> str:
    with session_scope(container.engine) as session:
        row = session.exec(
            select(StaffChat).where(
                StaffChat.channel == chat.channel, StaffChat.chat_id == chat.chat_id
            )
        ).one()
        return row.language


def reporter_languages(container: Container, chat: ChatRef) -> list[str]:
    with session_scope(container.engine) as session:
        rows = session.exec(
            select(Reporter).where(
                Reporter.channel == chat.channel, Reporter.chat_id == chat.chat_id
            )
        ).all()
        return [row.language for row in rows]


def test_a_chat_bound_while_speaking_english_gets_its_notices_in_english(
    service: ConversationService, container: Container
) -> None:
    clerk = Chat(service, chat=ChatRef("console", "clerk"))
    clerk.command("lang", "en")
    clerk.command("bind", bind_code_for_a_czj_clerk(container))

    assert clerk.text.startswith("Linked")
    assert staff_chat_language(container, clerk.chat) == "en"


def test_switching_a_bound_chats_language_switches_its_notices(
    service: ConversationService, container: Container
) -> None:
    clerk = Chat(service, chat=ChatRef("console", "clerk"))
    clerk.command("bind", bind_code_for_a_czj_clerk(container))
    assert staff_chat_language(container, clerk.chat) == "zh"

    clerk.command("lang", "en")
    assert staff_chat_language(container, clerk.chat) == "en"
    clerk.command("lang", "zh")
    assert staff_chat_language(container, clerk.chat) == "zh"


def test_a_reporter_switching_language_after_filing_hears_of_the_case_in_the_new_one(
    service: ConversationService, container: Container
) -> None:
    reporter = Chat(service)
    file_complaint(reporter, ARREARS)
    assert reporter_languages(container, reporter.chat) == ["zh"]

    reporter.command("lang", "en")

    assert reporter_languages(container, reporter.chat) == ["en"]
