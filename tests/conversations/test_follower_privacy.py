"""Following a case shows its progress, never what was written to its reporter."""

from __future__ import annotations

from sqlmodel import select

from backend.actors import Actor
from backend.bootstrap import Container
from backend.cases.workflow import Action
from backend.conversations.service import ConversationService
from backend.db import session_scope
from backend.notifications.models import Notification
from backend.people.models import Role
from backend.scheduler import jobs
from dialogs import texts
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
from tests.fakes import FakeClock


def test_a_follower_hears_the_state_but_never_the_reply_written_to_the_reporter(
    service: ConversationService, container: Container
) -> None:
    file_complaint(Chat(service), ARREARS)
    [number] = numbers(container)
    follow(Chat(service, chat=ChatRef("web", "stranger")), number)
    act(container, number, Action.sign, CLERK)
    act(container, number, Action.resolve, CLERK, reply=f"已付款，请{SECRET}到财政局领取")
    assert told(container, "stranger") == [
        f"您关注的案件 {number} 已由承办单位签收，正在办理。",
        f"您关注的案件 {number} 已办结。答复已发送给投诉人。",
    ]
    assert SECRET in told(container, "c1")[-1]  # the reporter still gets the reply


def test_no_text_written_for_the_reporter_reaches_a_follower_or_a_merged_repeats_reporter(
    service: ConversationService, container: Container, clock: FakeClock
) -> None:
    file_complaint(Chat(service), ARREARS)
    file_complaint(Chat(service, chat=ChatRef("web", "repeater")), ARREARS + "，同一个项目")
    first, repeat = numbers(container)
    follow(Chat(service, chat=ChatRef("web", "follower")), first)
    follow(Chat(service, chat=ChatRef("web", "repeat-follower")), repeat)
    merge(container, repeat, first, reason=f"同一工程，{SECRET}")
    # Every action that carries free text, on the case the watchers watch.
    act(container, first, Action.sign, CLERK)
    act(container, first, Action.request_extension, CLERK, days=3, reason=f"延期 {SECRET}")
    act(container, first, Action.approve_extension, COORDINATOR)
    act(container, first, Action.pause, CLERK, reason=f"等待 {SECRET} 补充材料")
    act(container, first, Action.resume, CLERK)
    act(container, first, Action.request_extension, CLERK, days=2, reason=f"再延 {SECRET}")
    act(container, first, Action.deny_extension, COORDINATOR, reason=f"不准 {SECRET}")
    act(container, first, Action.set_rectification, COORDINATOR, days=5)
    act(container, first, Action.start, CLERK)
    act(container, first, Action.resolve, CLERK, reply=f"已付款 {SECRET}")
    act(container, first, Action.reopen, COORDINATOR, reason=f"重办 {SECRET}")
    act(container, first, Action.resolve, CLERK, reply=f"再次答复 {SECRET}")
    clock.advance(days=3)  # the follow-up (回访) asks the reporter to rate, with the reply
    jobs.sweep_job(container)
    act(container, first, Action.close, COORDINATOR)
    for watcher in ("follower", "repeater", "repeat-follower"):
        assert [t for t in told(container, watcher) if SECRET in t] == [], watcher
    assert told(container, "follower") == [
        f"您关注的案件 {first} 已由承办单位签收，正在办理。",
        f"您关注的案件 {first} 已办结。答复已发送给投诉人。",
        f"您关注的案件 {first} 已重新办理。",
        f"您关注的案件 {first} 已办结。答复已发送给投诉人。",
    ]
    assert told(container, "repeater")[0].startswith(f"您的投诉 {repeat} 与案件 {first}")
    assert told(container, "repeater")[1:] == told(container, "follower")
    # The repeat's follower moves along with it: told where it went, then how that case goes.
    assert told(container, "repeat-follower")[0] == (
        f"您关注的案件 {repeat} 与案件 {first} 反映的是同一件事，已合并办理；"
        f"后续进展会通过案件 {first} 告诉您。"
    )
    assert told(container, "repeat-follower")[1:] == told(container, "follower")
    repeat_follower = Chat(service, chat=ChatRef("web", "repeat-follower"))
    repeat_follower.command("status", repeat)
    assert "已归档" in repeat_follower.text and f"/status {first}" in repeat_follower.text
    assert SECRET not in repeat_follower.text
    reporter = told(container, "c1")
    assert sum(SECRET in t for t in reporter) == 3  # the extension's reason, both replies
    assert "满意" in reporter[-1]  # the rating question went to the reporter alone


def test_a_follower_of_a_rejected_case_is_not_told_the_reason(
    service: ConversationService, container: Container
) -> None:
    file_complaint(Chat(service), ARREARS)
    [number] = numbers(container)
    stranger = Chat(service, chat=ChatRef("web", "stranger"))
    follow(stranger, number)
    act(container, number, Action.reassign, COORDINATOR, department="sfj", reason=SECRET)
    sfj_clerk = Actor("staff", None, "赵", Role.clerk, "sfj")
    act(container, number, Action.return_, sfj_clerk, reason=SECRET)
    act(container, number, Action.reject, COORDINATOR, reason=f"不属于受理范围 {SECRET}")
    assert told(container, "stranger") == [
        f"您关注的案件 {number} 已转交其他单位办理。",
        f"您关注的案件 {number} 不予受理。",
    ]
    stranger.command("status", number)
    assert "不予受理" in stranger.text and SECRET not in stranger.text
    reporter = Chat(service)
    reporter.command("status", number)
    assert SECRET in reporter.text  # the reporter sees the reason


def test_a_follower_asking_status_sees_progress_but_not_the_reply(
    service: ConversationService, container: Container
) -> None:
    file_complaint(Chat(service), ARREARS)
    [number] = numbers(container)
    stranger = Chat(service, chat=ChatRef("web", "stranger"))
    follow(stranger, number)
    act(container, number, Action.sign, CLERK)
    act(container, number, Action.resolve, CLERK, reply=f"已付款 {SECRET}")
    stranger.command("status", number)
    assert f"案件 {number}：已办结" in stranger.text and "区财政局" in stranger.text
    assert SECRET not in stranger.text and "答复" not in stranger.text
    reporter = Chat(service)
    reporter.command("status", number)
    assert f"答复：已付款 {SECRET}" in reporter.text
    nobody = Chat(service, chat=ChatRef("web", "nobody"))
    nobody.command("status", number)
    assert nobody.text == texts.render("zh", "status.pin_needed", number=number)


def test_a_merged_repeats_reporter_sees_where_it_went_and_its_progress_without_the_reply(
    service: ConversationService, container: Container
) -> None:
    file_complaint(Chat(service), ARREARS)
    repeater = Chat(service, chat=ChatRef("web", "repeater"))
    file_complaint(repeater, ARREARS + "，同一个项目")
    first, repeat = numbers(container)
    merge(container, repeat, first, reason="同一工程")
    act(container, first, Action.sign, CLERK)
    act(container, first, Action.resolve, CLERK, reply=f"已付款 {SECRET}")
    repeater.command("status", repeat)
    assert f"案件 {repeat}：已归档" in repeater.text and f"/status {first}" in repeater.text
    repeater.command("status", first)
    assert f"案件 {first}：已办结" in repeater.text and SECRET not in repeater.text


def test_the_follow_up_rating_question_goes_to_the_reporter_alone(
    service: ConversationService, container: Container, clock: FakeClock
) -> None:
    file_complaint(Chat(service), ARREARS)
    [number] = numbers(container)
    follow(Chat(service, chat=ChatRef("web", "stranger")), number)
    act(container, number, Action.sign, CLERK)
    act(container, number, Action.resolve, CLERK, reply=f"已付款 {SECRET}")
    clock.advance(days=3, hours=1)
    jobs.sweep_job(container)
    with session_scope(container.engine) as session:
        rows = session.exec(select(Notification).where(Notification.kind == "follow_up")).all()
        asked = sorted({row.chat_id or "" for row in rows})
    assert asked == ["c1"]
    assert told(container, "stranger")[-1].endswith("答复已发送给投诉人。")
