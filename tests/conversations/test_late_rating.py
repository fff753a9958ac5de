"""The rating question (回访) ends with its case; a late rating or comment still reaches it."""

from __future__ import annotations

from sqlmodel import col, select

from backend.bootstrap import Container
from backend.cases.models import Case, CaseEvent
from backend.cases.workflow import Action
from backend.conversations.service import ConversationService
from backend.db import session_scope
from backend.notifications.models import DeliveryState, Notification
from backend.notifications.sender import deliver
from backend.people.models import StaffChat
from backend.people.service import create_staff
from backend.scheduler import jobs
from tests.conversations.case_helpers import (
    ARREARS,
    CLERK,
    COORDINATOR,
    act,
    ask_to_rate,
    numbers,
)
from tests.conversations.driver import Chat, file_complaint
from tests.fakes import FakeClock, RecordingNotifier

HALF_PAID = "钱只付了一半，剩下的一直没给"


def asked_to_rate(
    service: ConversationService, container: Container, clock: FakeClock
) -> tuple[Chat, str]:
    """File a complaint, resolve it, and let the follow-up ask its reporter to rate it."""
    reporter = Chat(service)
    file_complaint(reporter, ARREARS)
    [number] = numbers(container)
    act(container, number, Action.sign, CLERK)
    act(container, number, Action.resolve, CLERK, reply="已付款")
    ask_to_rate(container, clock, reporter)
    return reporter, number


def the_case(container: Container, number: str) -> tuple[Case, list[CaseEvent]]:
    with session_scope(container.engine) as session:
        case = session.exec(select(Case).where(Case.number == number)).one()
        events = session.exec(
            select(CaseEvent).where(CaseEvent.case_id == case.id).order_by(col(CaseEvent.id))
        ).all()
        session.expunge_all()
        return case, list(events)


def close_unrated(container: Container, clock: FakeClock, number: str) -> None:
    clock.advance(days=9)  # more than 5 working days after the follow-up
    jobs.sweep_job(container)
    case, _ = the_case(container, number)
    assert (case.status, case.rating) == ("closed", None)


def test_a_dissatisfied_comment_after_the_case_closed_unrated_reaches_the_case_as_a_note(
    service: ConversationService, container: Container, clock: FakeClock
) -> None:
    reporter, number = asked_to_rate(service, container, clock)
    close_unrated(container, clock, number)
    reporter.tap("🙁 不满意")
    assert "请说说哪里还不满意" in reporter.text and "不能评价" not in reporter.text
    reporter.say(HALF_PAID)
    assert "已作为备注记入该案件" in reporter.text
    case, events = the_case(container, number)
    assert (case.status, case.rating) == ("closed", None)
    late = events[-1]
    assert (late.action, late.reason, late.details) == (
        "late_rating",
        HALF_PAID,
        {"rating": "dissatisfied", "status": "closed"},
    )
    reporter.say(HALF_PAID)  # the question is over: no loop, nothing asked again
    assert "满意吗" not in reporter.text and the_case(container, number)[1][-1].id == late.id


def test_after_a_coordinator_closed_the_case_report_starts_a_complaint(
    service: ConversationService, container: Container, clock: FakeClock
) -> None:
    reporter, number = asked_to_rate(service, container, clock)
    act(container, number, Action.close, COORDINATOR)
    reporter.command("report")
    assert "请先完成" not in reporter.text and "Finish it" not in reporter.text
    assert "之前的评价问题不用再回答了" in reporter.text
    reporter.say("另一个项目的工程款也拖欠不付")
    assert "满意吗" not in reporter.text


def test_a_rating_tapped_after_a_coordinator_reopened_the_case_is_kept_as_a_note(
    service: ConversationService, container: Container, clock: FakeClock
) -> None:
    reporter, number = asked_to_rate(service, container, clock)
    act(container, number, Action.reopen, COORDINATOR, reason="答复不完整")
    reporter.tap("😊 满意")
    case, events = the_case(container, number)
    assert (case.status, case.rating) == ("in_progress", None)
    assert (events[-1].action, events[-1].details) == (
        "late_rating",
        {"rating": "satisfied", "status": "in_progress"},
    )


def test_coordinators_hear_of_a_late_dissatisfied_rating(
    service: ConversationService, container: Container, clock: FakeClock
) -> None:
    with session_scope(container.engine) as session:
        staff, _ = create_staff(
            session=session, name="王", role="coordinator", department="fgw", clock=clock
        )
        bound = clock.now()
        session.add(
            StaffChat(staff_id=staff.id or 0, channel="web", chat_id="boss", bound_at=bound)
        )
    reporter, number = asked_to_rate(service, container, clock)
    close_unrated(container, clock, number)
    reporter.tap("🙁 不满意")
    reporter.say(HALF_PAID)
    with session_scope(container.engine) as session:
        [notice] = session.exec(
            select(Notification).where(Notification.kind == "late_rating")
        ).all()
    assert notice.chat_id == "boss" and number in notice.text and HALF_PAID in notice.text


def test_a_rating_question_whose_case_closed_before_it_went_out_is_withdrawn(
    service: ConversationService, container: Container, clock: FakeClock
) -> None:
    _, number = asked_to_rate(service, container, clock)
    act(container, number, Action.close, COORDINATOR)  # before the sender ran
    notifier = RecordingNotifier()
    report = deliver(engine=container.engine, notifier=notifier, now=clock.now(), office_open=True)
    assert [m.text for m in notifier.sent if "满意吗" in m.text] == []
    assert report.withdrawn >= 1
    with session_scope(container.engine) as session:
        question = session.exec(select(Notification).where(Notification.kind == "follow_up")).one()
    assert question.state == DeliveryState.withdrawn.value
