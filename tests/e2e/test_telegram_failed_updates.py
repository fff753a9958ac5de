"""An update whose handler fails: 200 to the webhook, logged, counted, and the user told."""

from __future__ import annotations

import logging
import re

import httpx
import pytest

from tests.e2e.fake_telegram import FakeTelegram
from tests.e2e.telegram_app import AppProcess, Cluster
from tests.e2e.telegram_user import TelegramUser

COUNTER = re.compile(r"^intake_updates_failed_total (\S+)$", re.M)


def failed_updates(process: AppProcess) -> float:
    """Return intake_updates_failed_total from the process's /metrics."""
    with httpx.Client(base_url=process.url, trust_env=False) as client:
        page = client.get("/metrics")
    assert page.status_code == 200, page.text
    found = COUNTER.search(page.text)
    assert found is not None, "the counter is on /metrics"
    return float(found.group(1))


@pytest.mark.parametrize(
    ("language_code", "apology"),
    [("zh-hans", "抱歉，系统暂时出了点问题"), ("en-GB", "Sorry, something went wrong")],
)
def test_a_failing_handler_is_answered_200_logged_counted_and_apologised_for_in_the_users_language(
    cluster: Cluster,
    fake_telegram: FakeTelegram,
    caplog: pytest.LogCaptureFixture,
    language_code: str,
    apology: str,
) -> None:
    process = cluster.start(webhook=True)
    fake_telegram.set_webhook_targets([process.webhook_url])
    user = TelegramUser(fake_telegram, 6101, language_code=language_code)
    before = failed_updates(process)
    fake_telegram.fail_next("sendMessage", status=400)  # the handler's reply raises BadRequest

    with caplog.at_level(logging.ERROR, logger="bot.telegram.handlers"):
        user.say("/start", expect=apology)

    assert failed_updates(process) == before + 1
    assert {d.status for d in fake_telegram.deliveries} == {200}  # no loop of re-deliveries
    assert f"telegram update {user.last_update_id} failed" in caplog.text
