"""What a clerk's chat shows never names another unit's case."""

from __future__ import annotations

from backend.actors import SYSTEM
from backend.bootstrap import Container
from backend.cases.intake import Draft, submit
from backend.conversations.service import ConversationService
from backend.db import session_scope
from tests.conversations.driver import bound_clerk

ENFORCEMENT = "执法队没收了我的三轮车，没有任何手续，也没出示执法证"  # owned by sfj


def file(container: Container, text: str) -> str:
    with session_scope(container.engine) as session:
        receipt = submit(
            session=session, draft=Draft(text=text), actor=SYSTEM, env=container.case_env
        )
        assert receipt.case.status == "routed"
        return receipt.case.number


def test_the_queue_excerpt_hides_another_units_case_number_quoted_in_a_complaint(
    service: ConversationService, container: Container
) -> None:
    elsewhere = file(container, ENFORCEMENT)
    own = file(container, f"工程款拖欠半年不付，{elsewhere}也是这家单位")
    clerk, _ = bound_clerk(service, container)
    clerk.command("queue")
    assert own in clerk.text and "［另一案件］也是这家单位" in clerk.text
    assert elsewhere not in clerk.text


def test_a_long_complaint_in_the_queue_is_shortened_with_a_mark(
    service: ConversationService, container: Container
) -> None:
    text = "工程款拖欠半年不付，" * 10  # 100 characters
    file(container, text)
    clerk, _ = bound_clerk(service, container)
    clerk.command("queue")
    assert text[:59] + "…" in clerk.text and text[:61] not in clerk.text
