"""Delivery to Telegram: a long text goes out part by part, and what may have arrived is not
sent twice (a status update) or is sent again (a receipt with its PIN), as the README says."""

from __future__ import annotations

import pytest
from sqlmodel import select

from backend.bootstrap import Container
from backend.db import session_scope
from backend.notifications import outbox
from backend.notifications.models import Notification
from backend.scheduler.jobs import send_job
from dialogs.texts import render
from tests.e2e.fake_telegram import FakeTelegram
from tests.e2e.telegram_app import AppProcess, Cluster, staff_member
from tests.e2e.telegram_user import (
    ARREARS,
    TelegramUser,
    complaint_steps,
    file_complaint,
    text_of,
)
from tests.fakes import FakeClock

REPORTER = 9101
# Seconds the bot waits for Telegram's answer in these tests: long enough that an answered call
# is never taken for a lost one on a loaded machine (0.5 s failed a full run, 2026-12-01), short
# enough that a call the fake never answers costs little.
TIMEOUT = 2.0
SIGNED = "已由区财政局签收"
APOLOGY = render("zh", "error.internal")
pytestmark = pytest.mark.filterwarnings("ignore:.*retry_after.*:DeprecationWarning")


def act(process: AppProcess, number: str, headers: dict[str, str], **body: object) -> None:
    """Carry out one action on a case as the given staff member."""
    version = process.api("GET", f"/cases/{number}", headers).json()["version"]
    done = process.api(
        "POST", f"/cases/{number}/actions", headers, json={**body, "version": version}
    )
    assert done.status_code == 200, done.text


def states(container: Container) -> list[tuple[str, str, int]]:
    """Return (kind, state, parts sent) of every notification to a chat, oldest first."""
    with session_scope(container.engine) as session:
        rows = session.exec(select(Notification).order_by(Notification.id)).all()  # type: ignore[arg-type]
        return [(r.kind, r.state, r.parts_sent) for r in rows if r.chat_id]


def texts(fake: FakeTelegram, chat_id: int) -> list[str]:
    """Return the texts the bot sent to a chat, oldest first."""
    return [text_of(message) for message in fake.sent(chat_id)]


def test_a_long_reply_whose_second_part_meets_429_arrives_once_part_by_part(
    cluster: Cluster, fake_telegram: FakeTelegram, clock: FakeClock
) -> None:
    process = cluster.start()
    container = process.container
    number = file_complaint(TelegramUser(fake_telegram, REPORTER))
    _, clerk = staff_member(container, "clerk", "czj", "财政局 李")
    act(process, number, clerk, action="sign")
    assert send_job(container).sent == 1
    reply = "款项已于本月拨付到位" * 600  # 6,000 characters, no line break
    act(process, number, clerk, action="resolve", reply=reply)
    before = len(fake_telegram.sent(REPORTER))

    fake_telegram.fail_next("sendMessage", status=429, retry_after=1, after=1)  # part 2
    refused = send_job(container)
    clock.advance(seconds=2)
    again = send_job(container)

    parts = texts(fake_telegram, REPORTER)[before:]
    assert (refused.retried, again.sent) == (1, 1)
    assert [len(part) for part in parts] == [4096, len(parts[1])]
    assert "".join(parts).endswith(reply) and len(parts[1]) < 4096
    assert states(container)[-1] == ("update", "sent", 2)


def test_a_status_update_that_timed_out_after_delivery_is_not_sent_again(
    cluster: Cluster, fake_telegram: FakeTelegram, clock: FakeClock
) -> None:
    process = cluster.start(telegram_read_timeout_seconds=TIMEOUT)
    container = process.container
    number = file_complaint(TelegramUser(fake_telegram, REPORTER))
    _, clerk = staff_member(container, "clerk", "czj", "财政局 李")
    act(process, number, clerk, action="sign")

    fake_telegram.time_out_after_delivery("sendMessage")
    first = send_job(container)
    clock.advance(hours=2)
    later = send_job(container)

    told = [text for text in texts(fake_telegram, REPORTER) if SIGNED in text]
    assert (first.unconfirmed, first.retried, later.sent) == (1, 0, 0)
    assert len(told) == 1
    assert states(container) == [("update", "unconfirmed", 1)]


def test_a_receipt_that_timed_out_after_delivery_is_sent_again(
    cluster: Cluster, fake_telegram: FakeTelegram
) -> None:
    cluster.start(telegram_read_timeout_seconds=TIMEOUT)
    user = TelegramUser(fake_telegram, REPORTER)
    *steps, confirm = complaint_steps(ARREARS)
    for step in steps:
        step(user)

    fake_telegram.time_out_after_delivery("sendMessage")
    first = confirm(user)
    second = user.expect("已受理")

    assert text_of(first) == text_of(second) and "提取码" in text_of(first)
    assert APOLOGY not in texts(fake_telegram, REPORTER)


def test_a_question_that_timed_out_after_delivery_is_neither_sent_again_nor_apologised_for(
    cluster: Cluster, fake_telegram: FakeTelegram
) -> None:
    cluster.start(telegram_read_timeout_seconds=TIMEOUT)
    user = TelegramUser(fake_telegram, REPORTER)
    fake_telegram.time_out_after_delivery("sendMessage")
    user.say("/report", expect="请描述发生了什么")
    user.say("/help", expect="/status")  # the bot answered what came next, and only that
    user.expect("请描述发生了什么")  # /help in a dialog asks its question again, after the help

    sent = texts(fake_telegram, REPORTER)
    # Read once the turn's last reply is in: read as soon as the help arrived, the question
    # after it was there or not, by a race of this test (CI, 2026-12-01).
    assert len(sent) == 3 and "请描述发生了什么" in sent[0] and "/status" in sent[1]
    assert "请描述发生了什么" in sent[2] and APOLOGY not in sent


def test_a_rating_question_that_timed_out_after_delivery_is_asked_again(
    cluster: Cluster, fake_telegram: FakeTelegram, clock: FakeClock
) -> None:
    process = cluster.start(telegram_read_timeout_seconds=TIMEOUT)
    container = process.container
    chat = outbox.Recipient("reporter", None, "telegram", str(REPORTER), "zh")
    with session_scope(container.engine) as session:
        outbox.write(
            session=session,
            key="rating:1:0",
            kind="follow_up",
            recipients=[chat],
            render=lambda _language: "请评价案件 HQ-261127-0001 的办理结果：",
            now=clock.now(),
            office_hours_only=False,
        )

    fake_telegram.time_out_after_delivery("sendMessage")
    first = send_job(container)
    clock.advance(minutes=1)
    second = send_job(container)

    asked = [text for text in texts(fake_telegram, REPORTER) if "请评价" in text]
    assert (first.retried, second.sent) == (1, 1)
    assert len(asked) == 2  # seen twice rather than never: its buttons are its only answer


def test_a_tap_is_answered_without_waiting_for_telegram_to_confirm_its_spinner(
    cluster: Cluster, fake_telegram: FakeTelegram
) -> None:
    # The spinner's answerCallbackQuery goes out beside the turn, not before it: a citizen on
    # a slow link does not wait a round trip more for the next question (and a lost answer
    # to that call, for its read timeout).
    cluster.start(telegram_read_timeout_seconds=5.0)
    user = TelegramUser(fake_telegram, REPORTER)
    user.say("/report", expect="请描述发生了什么")
    user.say(ARREARS, expect="对吗")
    fake_telegram.time_out_after_delivery("answerCallbackQuery")

    user.tap("✅ 对", expect=("事情是哪天发生的", "和您反映的很像"))

    fake_telegram.wait_for_call("answerCallbackQuery")
    assert fake_telegram.held("answerCallbackQuery") == 1  # Telegram has still not answered
