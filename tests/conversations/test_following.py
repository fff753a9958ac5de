""" "Follow this case" gives what it promises: /status NUMBER and /mycases show the case."""

from __future__ import annotations

from backend.bootstrap import Container
from backend.cases.workflow import Action
from backend.conversations.service import ConversationService
from dialogs.model import ChatRef
from tests.api.helpers import ENFORCEMENT
from tests.conversations.case_helpers import ARREARS, CLERK, act, follow, numbers
from tests.conversations.driver import Chat, file_complaint


def test_a_followed_case_answers_status_and_is_listed_in_my_cases(
    service: ConversationService, container: Container
) -> None:
    file_complaint(Chat(service), ARREARS)
    [number] = numbers(container)
    neighbour = Chat(service, chat=ChatRef("web", "neighbour"))
    follow(neighbour, number)
    assert f"/status {number}" in neighbour.text  # the promise
    act(container, number, Action.sign, CLERK)
    neighbour.command("status", number)
    assert f"案件 {number}：已签收" in neighbour.text
    neighbour.command("mycases")
    assert f"{number} · 已签收 · 2026-11-27 · 👀 关注" in neighbour.text
    assert "还没有提交或关注过案件" not in neighbour.text


def test_my_cases_lists_filed_and_followed_cases_newest_first(
    service: ConversationService, container: Container
) -> None:
    file_complaint(Chat(service), ARREARS)
    [followed] = numbers(container)
    neighbour = Chat(service, chat=ChatRef("web", "neighbour"))
    file_complaint(neighbour, ENFORCEMENT)
    _, filed = numbers(container)
    follow(neighbour, followed)
    neighbour.command("mycases")
    lines = neighbour.text.splitlines()
    assert lines[0] == "您提交和关注的案件："
    assert lines[1].startswith(f"{filed} · ") and not lines[1].endswith("关注")
    assert lines[2].startswith(f"{followed} · ") and lines[2].endswith("👀 关注")
