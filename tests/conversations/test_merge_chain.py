"""Merge chains: A into B, then B into C; whoever followed or reported A or B watches C."""

from __future__ import annotations

import pytest
from sqlmodel import select

from backend.bootstrap import Container
from backend.cases.queries import get_case
from backend.cases.workflow import Action
from backend.conversations.service import ConversationService
from backend.db import session_scope
from backend.deadlines.models import ClockState, Deadline
from backend.errors import InvalidTransition, ValidationFailed
from dialogs.model import ChatRef
from tests.conversations.case_helpers import (
    ARREARS,
    CLERK,
    COORDINATOR,
    SECRET,
    act,
    follow,
    merge,
    numbers,
    told,
)
from tests.conversations.driver import Chat, file_complaint


def three_reports(service: ConversationService, container: Container) -> tuple[str, str, str]:
    """File the same matter from chats a, b and c; return the numbers A, B, C."""
    for chat in ("a", "b", "c"):
        file_complaint(Chat(service, chat=ChatRef("web", chat)), f"{ARREARS}（{chat}）")
    first, second, third = numbers(container)
    return first, second, third


def test_the_first_reporter_of_a_merge_chain_hears_how_the_last_case_goes(
    service: ConversationService, container: Container
) -> None:
    a, b, c = three_reports(service, container)
    merge(container, a, b, reason="同一工程")
    merge(container, b, c, reason="同一工程")
    act(container, c, Action.sign, CLERK)
    act(container, c, Action.resolve, CLERK, reply=f"已付款 {SECRET}")
    assert told(container, "a")[-2:] == [
        f"您关注的案件 {c} 已由承办单位签收，正在办理。",
        f"您关注的案件 {c} 已办结。答复已发送给投诉人。",
    ]
    assert told(container, "a")[-3] == (
        f"您关注的案件 {b} 与案件 {c} 反映的是同一件事，已合并办理；"
        f"后续进展会通过案件 {c} 告诉您。"
    )
    assert told(container, "b")[-2:] == told(container, "a")[-2:]
    assert SECRET in told(container, "c")[-1]
    assert [t for chat in ("a", "b") for t in told(container, chat) if SECRET in t] == []


def test_status_of_a_case_in_a_chain_points_to_where_it_is_handled_now(
    service: ConversationService, container: Container
) -> None:
    a, b, c = three_reports(service, container)
    merge(container, a, b, reason="同一工程")
    merge(container, b, c, reason="同一工程")
    act(container, c, Action.sign, CLERK)
    reporter_of_a = Chat(service, chat=ChatRef("web", "a"))
    for number in (a, b):
        reporter_of_a.command("status", number)
        assert "已归档" in reporter_of_a.text and f"/status {c}" in reporter_of_a.text
    reporter_of_a.command("status", c)
    assert f"案件 {c}：已签收" in reporter_of_a.text  # its progress, as a watcher


def test_followers_of_a_repeat_move_along_the_chain(
    service: ConversationService, container: Container
) -> None:
    a, b, c = three_reports(service, container)
    follow(Chat(service, chat=ChatRef("web", "follows-a")), a)
    merge(container, a, b, reason="同一工程")
    merge(container, b, c, reason="同一工程")
    act(container, c, Action.sign, CLERK)
    assert told(container, "follows-a")[-1] == f"您关注的案件 {c} 已由承办单位签收，正在办理。"
    follower = Chat(service, chat=ChatRef("web", "follows-a"))
    follower.command("status", c)
    assert "没有找到" not in follower.text and SECRET not in follower.text


def test_a_case_merged_meanwhile_is_followed_where_it_is_handled(
    service: ConversationService, container: Container
) -> None:
    a, b, _ = three_reports(service, container)
    neighbour = Chat(service, chat=ChatRef("web", "neighbour"))
    neighbour.command("report")
    neighbour.say(f"{ARREARS}（邻居）")
    neighbour.tap("✅ 对")
    merge(container, a, b, reason="同一工程")  # while the offer of A is on the screen
    neighbour.tap(f"👀 关注 {a}")
    assert "有进展时会通知您" in neighbour.text
    act(container, b, Action.sign, CLERK)
    assert told(container, "neighbour") == [f"您关注的案件 {b} 已由承办单位签收，正在办理。"]


@pytest.mark.parametrize("state", ["resolved", "closed", "rejected"])
def test_nothing_is_merged_into_a_case_that_is_not_open(
    service: ConversationService, container: Container, state: str
) -> None:
    a, b, _ = three_reports(service, container)
    if state == "rejected":
        act(container, b, Action.reject, COORDINATOR, reason="不属于受理范围")
    else:
        act(container, b, Action.sign, CLERK)
        act(container, b, Action.resolve, CLERK, reply="已付款")
        if state == "closed":
            act(container, b, Action.close, COORDINATOR)
    with pytest.raises(ValidationFailed) as refused:
        merge(container, a, b, reason="同一工程")
    assert (refused.value.code, refused.value.field) == ("merge_target_not_open", "into")


def test_a_merged_repeat_is_not_reopened_and_its_clocks_stop(
    service: ConversationService, container: Container
) -> None:
    a, b, _ = three_reports(service, container)
    merge(container, a, b, reason="同一工程")
    with session_scope(container.engine) as session:
        repeat = get_case(session=session, number=a, actor=COORDINATOR)
        clocks = session.exec(select(Deadline).where(Deadline.case_id == repeat.id)).all()
        assert {d.state for d in clocks} == {ClockState.cancelled.value}
    with pytest.raises(ValidationFailed, match="merge_target_merged"):
        merge(container, b, a, reason="反过来")  # no loop: a merged case is no target
    with pytest.raises(InvalidTransition, match="merged"):
        act(container, a, Action.reopen, COORDINATOR, reason="重新看看")
