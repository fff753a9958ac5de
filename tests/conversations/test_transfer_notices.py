"""Nobody is told twice of the same thing: a hand-off that ends where it started is no news."""

from __future__ import annotations

from backend.actors import Actor
from backend.bootstrap import Container
from backend.cases.workflow import Action
from backend.conversations.service import ConversationService
from backend.people.models import Role
from dialogs.model import ChatRef
from tests.conversations.case_helpers import (
    ARREARS,
    CLERK,
    COORDINATOR,
    act,
    ask_to_rate,
    follow,
    numbers,
    told,
)
from tests.conversations.driver import Chat, file_complaint
from tests.fakes import FakeClock

SFJ_CLERK = Actor("staff", id=None, name="赵", role=Role.clerk, department="sfj")


def filed_and_followed(service: ConversationService, container: Container) -> str:
    file_complaint(Chat(service), ARREARS)  # routed to czj
    [number] = numbers(container)
    follow(Chat(service, chat=ChatRef("web", "follower")), number)
    return number


def test_a_case_sent_back_to_the_unit_that_returned_it_is_no_transfer(
    service: ConversationService, container: Container
) -> None:
    number = filed_and_followed(service, container)
    act(container, number, Action.return_, CLERK, reason="不是我们的")
    act(container, number, Action.reassign, COORDINATOR, department="czj", reason="就是你们的")
    assert told(container, "c1") == [] and told(container, "follower") == []


def test_a_case_passed_on_and_sent_back_there_after_a_return_is_told_once(
    service: ConversationService, container: Container
) -> None:
    number = filed_and_followed(service, container)
    act(container, number, Action.reassign, COORDINATOR, department="sfj")
    act(container, number, Action.return_, SFJ_CLERK, reason="不是我们的")
    act(container, number, Action.reassign, COORDINATOR, department="sfj", reason="就是你们的")
    assert told(container, "c1") == [f"您的投诉 {number} 已转交区司法局办理。"]
    assert told(container, "follower") == [f"您关注的案件 {number} 已转交其他单位办理。"]


def test_signing_again_after_a_round_trip_to_triage_is_no_news(
    service: ConversationService, container: Container
) -> None:
    number = filed_and_followed(service, container)
    act(container, number, Action.sign, CLERK)
    act(container, number, Action.return_, CLERK, reason="需要协调员确认")
    act(container, number, Action.reassign, COORDINATOR, department="czj")
    act(container, number, Action.sign, CLERK)
    assert told(container, "c1") == [f"您的投诉 {number} 已由区财政局签收，正在办理。"]
    assert len(told(container, "follower")) == 1


def test_a_placement_after_a_rejection_is_news_even_to_the_same_unit(
    service: ConversationService, container: Container
) -> None:
    number = filed_and_followed(service, container)
    act(container, number, Action.reject, COORDINATOR, reason="材料不全")
    act(container, number, Action.reopen, COORDINATOR, reason="已补充材料")
    act(container, number, Action.reassign, COORDINATOR, department="czj")
    assert told(container, "c1") == [
        f"您的投诉 {number} 不予受理。理由：材料不全",
        f"您的投诉 {number} 已转交区财政局办理。",
    ]


def test_the_reporter_who_rated_dissatisfied_is_not_told_again_that_it_reopens(
    service: ConversationService, container: Container, clock: FakeClock
) -> None:
    number = filed_and_followed(service, container)
    reporter = Chat(service)
    act(container, number, Action.sign, CLERK)
    act(container, number, Action.resolve, CLERK, reply="已付款")
    with_rating = told(container, "c1")
    ask_to_rate(container, clock, reporter)
    reporter.tap("🙁 不满意")
    reporter.say("钱只付了一半")
    assert "案件将重新办理" in reporter.text  # the dialog says it
    assert [t for t in told(container, "c1")[len(with_rating) :] if "重新办理" in t] == []
    assert told(container, "follower")[-1] == f"您关注的案件 {number} 已重新办理。"
