"""The Telegram notifier: Bot API failures become DeliveryFailed; the sender retries once."""

from __future__ import annotations

import pytest

from backend.bootstrap import build
from backend.ports import DeliveryFailed, OutboundMessage
from backend.routing.router import Router
from backend.scheduler.jobs import send_job
from bot.telegram.setup import telegram_channel
from tests.e2e.fake_telegram import FakeTelegram
from tests.e2e.telegram_app import Cluster, staff_member
from tests.e2e.telegram_user import TelegramUser, file_complaint, text_of
from tests.fakes import FakeClock

REPORTER = 9001
# PTB itself reads RetryAfter.retry_after while building the error, which warns of the coming
# change to timedelta; the notifier takes both.
pytestmark = pytest.mark.filterwarnings("ignore:.*retry_after.*:DeprecationWarning")


@pytest.mark.parametrize(
    ("status", "retry_after", "permanent"),
    [(429, 1.0, False), (500, None, False), (403, None, True), (400, None, True)],
    ids=["flood control", "server error", "blocked by the user", "chat not found"],
)
def test_a_failed_send_becomes_delivery_failed(
    cluster: Cluster,
    fake_telegram: FakeTelegram,
    status: int,
    retry_after: float | None,
    permanent: bool,
) -> None:
    process = cluster.start()
    fake_telegram.wait_for_call("getUpdates")  # the bot is up
    fake_telegram.fail_next("sendMessage", status=status, retry_after=1)
    with pytest.raises(DeliveryFailed) as failed:
        process.container.notifier.send(OutboundMessage("telegram", str(REPORTER), "您好"))
    assert (failed.value.retry_after, failed.value.permanent) == (retry_after, permanent)
    assert fake_telegram.sent(REPORTER) == []


def test_a_notification_with_buttons_arrives_with_an_inline_keyboard(
    cluster: Cluster, fake_telegram: FakeTelegram
) -> None:
    process = cluster.start()
    fake_telegram.wait_for_call("getUpdates")
    buttons = ((("签收 HQ-261127-0001", "sign:HQ-261127-0001"),),)
    process.container.notifier.send(OutboundMessage("telegram", "9002", "待签收", buttons))
    [message] = fake_telegram.sent(9002)
    assert message["reply_markup"] == {
        "inline_keyboard": [
            [{"text": "签收 HQ-261127-0001", "callback_data": "sign:HQ-261127-0001"}]
        ]
    }


def test_an_update_refused_with_429_is_sent_again_by_the_sender_and_arrives_once(
    cluster: Cluster, fake_telegram: FakeTelegram, clock: FakeClock
) -> None:
    process = cluster.start()
    container = process.container
    number = file_complaint(TelegramUser(fake_telegram, REPORTER))
    _, clerk = staff_member(container, "clerk", "czj", "财政局 李")
    version = process.api("GET", f"/cases/{number}", clerk).json()["version"]
    signed = process.api(
        "POST", f"/cases/{number}/actions", clerk, json={"action": "sign", "version": version}
    )
    assert signed.status_code == 200, signed.text

    fake_telegram.fail_next("sendMessage", status=429, retry_after=1)
    refused = send_job(container)
    not_yet = send_job(container)
    clock.advance(seconds=2)
    again = send_job(container)
    assert (refused.retried, not_yet.sent, again.sent) == (1, 0, 1)
    told = [m for m in fake_telegram.sent(REPORTER) if "已由区财政局签收" in text_of(m)]
    assert len(told) == 1


def test_the_scheduler_process_sends_with_a_bot_of_its_own(
    cluster: Cluster, fake_telegram: FakeTelegram, clock: FakeClock, router: Router
) -> None:
    container = build(cluster.settings(), clock=clock, router=router)
    channel = telegram_channel(container, None)  # as `intake scheduler` does: no dialogs
    assert channel is not None
    try:
        channel.notifier.send(OutboundMessage("telegram", "9003", "催办：HQ-261127-0001"))
    finally:
        channel.close()
        container.engine.dispose()
    assert [m["text"] for m in fake_telegram.sent(9003)] == ["催办：HQ-261127-0001"]


def test_no_token_means_no_telegram_channel(
    cluster: Cluster, clock: FakeClock, router: Router
) -> None:
    container = build(cluster.settings(telegram_token=None), clock=clock, router=router)
    assert telegram_channel(container, None) is None
    container.engine.dispose()
