"""An SMTP server away: retried with back-off, then the address is marked failing; robots go on."""

from __future__ import annotations

from backend.db import session_scope
from backend.notifications.channels import failing_channels
from backend.notifications.email import Letter, compose, smtp_send
from backend.settings import load_settings
from tests.notifications.conftest import District
from tests.notifications.servers import SmtpServer


def test_an_address_that_keeps_failing_is_marked_and_the_robot_is_not_delayed(
    district: District,
) -> None:
    d = district
    d.give_email(d.clerk, "li@czj.gov.test")
    d.give_robot("czj", "wecom", "/wecom/czj")
    d.smtp.stop()
    d.file()
    d.tick()
    assert [b["text"]["content"][:5] for b in d.robots.bodies("/wecom/czj")][1:] == ["【新案件】"]
    (row,) = d.rows("email")
    assert row.state == "pending" and (row.last_error or "").startswith("email: ")
    for seconds in (30, 60):  # the back-off; the third failure in a row marks it failing
        d.clock.advance(seconds=seconds)
        d.tick()
    (row,) = d.rows("email")
    assert row.state == "failed"
    with session_scope(d.container.engine) as session:
        assert [(c.kind, c.staff_id) for c in failing_channels(session)] == [("email", d.clerk.id)]
    d.clock.advance(hours=1)
    d.file()
    d.tick()
    assert len(d.rows("email")) == 1  # a failing address gets no new notices
    assert len(d.robots.bodies("/wecom/czj")) == 3
    assert len(d.inbox(d.clerk)) == 2  # the inbox lists both


def test_the_smtp_login_is_used() -> None:
    server = SmtpServer(login=("intake", "right password"))
    server.start()
    try:
        settings = load_settings(
            smtp_host="127.0.0.1",
            smtp_port=server.port,
            smtp_security="none",
            smtp_from="intake@hongqiao.test",
            smtp_user="intake",
            smtp_password="right password",
        )
        letter = Letter(to="li@czj.gov.test", subject="测试", text="正文", link="https://x.test/")
        smtp_send(settings, compose(letter, sender="intake@hongqiao.test"))
        assert server.logins == ["intake"]
        (mail,) = server.mails
        assert mail.subject == "测试" and "https://x.test/" in mail.part("plain")
    finally:
        server.stop()
