"""`/email` through the real bot: kept on the chat's reporter rows, shown, removed by a button."""

from __future__ import annotations

from sqlmodel import select

from backend.bootstrap import Container
from backend.db import session_scope
from backend.people.models import Reporter
from tests.e2e.fake_telegram import FakeTelegram
from tests.e2e.telegram_app import Cluster
from tests.e2e.telegram_user import TelegramUser, file_complaint, text_of

REPORTER = 5201
# A deployment that sends email; nothing listens on port 9, and no scheduler runs here.
SMTP = {"smtp_host": "127.0.0.1", "smtp_port": 9, "smtp_from": "intake@hongqiao.test"}


def _emails(container: Container) -> list[str | None]:
    with session_scope(container.engine) as session:
        rows = session.exec(select(Reporter).where(Reporter.chat_id == str(REPORTER)))
        return [row.email for row in rows]


def test_email_through_the_bot_is_kept_shown_refused_and_removed(
    cluster: Cluster, fake_telegram: FakeTelegram
) -> None:
    container = cluster.start(smtp_security="none", **SMTP).container
    user = TelegramUser(fake_telegram, REPORTER)
    file_complaint(user)
    user.say("/email zhao@mail", expect="这不是有效的电子邮箱地址")
    user.say("/email zhao@mail.test", expect="确认邮件")
    assert _emails(container) == ["zhao@mail.test"]
    user.say("/email", expect="zhao@mail.test")
    user.tap("✖ 删除此邮箱", expect="已删除")
    assert _emails(container) == [None]
    user.say("/help", expect="/email 邮箱地址")


def test_without_an_smtp_server_the_bot_says_email_is_not_sent_and_help_leaves_it_out(
    cluster: Cluster, fake_telegram: FakeTelegram
) -> None:
    container = cluster.start().container
    user = TelegramUser(fake_telegram, REPORTER)
    user.say("/email zhao@mail.test", expect="本服务目前不发送电子邮件")
    assert _emails(container) == []
    shown = user.say("/help", expect="/status")
    assert "/email" not in text_of(shown)
