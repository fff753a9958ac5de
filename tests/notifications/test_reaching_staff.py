"""Done when: a clerk with only an email address and a unit with only a WeCom robot hear of
a new case, its reminders, the 催办 and the 督办, each once, in office hours."""

from __future__ import annotations

from datetime import timedelta

from backend.db import session_scope
from backend.deadlines.office import in_office_hours
from tests.deadlines.conftest import tianjin
from tests.notifications.conftest import PUBLIC_URL, District

HEADINGS = ("【新案件】", "【提醒】", "【今日到期】", "【催办】", "【督办】")


def _heading(text: str) -> str:
    return next(h for h in HEADINGS if text.startswith(h))


def test_an_email_clerk_and_a_wecom_unit_hear_each_notice_once_in_office_hours(
    district: District,
) -> None:
    d = district
    d.give_email(d.clerk, "li@czj.gov.test")
    d.give_robot("czj", "wecom", "/wecom/czj")
    tests_sent = (len(d.smtp.mails), len(d.robots.requests))
    # Filed on the Wednesday afternoon before the National Day holidays (1 to 7 October).
    d.clock.current = tianjin(2026, 9, 30, 16)
    number = d.file(
        anonymous=False, reporter_name="张三", reporter_phone="13912345678"
    ).case.number
    moments = []
    day = tianjin(2026, 9, 30, 0)
    for _ in range(30):  # a round at night, at opening, at noon and late in the afternoon
        for hour, minute in ((2, 30), (8, 30), (12, 0), (16, 0)):
            d.clock.current = max(d.clock.current, day + timedelta(hours=hour, minutes=minute))
            before = (len(d.smtp.mails), len(d.robots.requests))
            d.tick()
            if (len(d.smtp.mails), len(d.robots.requests)) != before:
                moments.append(d.clock.current)
        day += timedelta(days=1)
    mails = d.smtp.mails[tests_sent[0] :]
    robot_texts = [body["text"]["content"] for _, body in d.robots.requests[tests_sent[1] :]]
    # Each notice once, by email and by the robot alike: the new case; of its sign clock
    # (签收) the due day and the 催办 and 督办 after it; of its resolve clock (办结) the
    # reminders before it is due, the due day, the 催办 and the 督办.
    subjects = [m.subject for m in mails]
    assert len(subjects) == len(set(subjects)) == 9
    headings = [_heading(s) for s in subjects]
    assert sorted(set(headings)) == sorted(HEADINGS)
    assert [_heading(t) for t in robot_texts] == headings
    assert all(m.rcpt == ["li@czj.gov.test"] for m in mails)
    link = f"{PUBLIC_URL}/console/cases/{number}"
    for mail in mails:
        assert number in mail.subject
        assert link in mail.part("plain")
        assert f'href="{link}"' in mail.part("html")
    assert all(number in t and link in t for t in robot_texts)
    # Nothing of the reporter reaches the unit.
    for content in [m.part("plain") + m.part("html") for m in mails] + robot_texts:
        assert "张三" not in content and "13912345678" not in content
    # Only in office hours on working days: nothing on the holidays, nothing at night.
    with session_scope(d.container.engine) as session:
        env = d.container.keeper.env(session)
        assert all(
            in_office_hours(t, policy=env.policy, calendar=env.calendar, zone=env.zone)
            for t in moments
        )
    local = [t.astimezone(env.zone) for t in moments]
    assert not any(t.month == 10 and t.day <= 7 for t in local)
    # The console lists them too: the clerk's inbox, and the coordinator's 督办.
    assert [_heading(i.text) for i in d.inbox(d.clerk)] == headings
    assert [_heading(i.text) for i in d.inbox(d.coordinator)] == ["【督办】", "【督办】"]


def test_the_lead_offices_email_clerk_and_robot_hear_of_a_record_about_another_unit(
    district: District,
) -> None:
    from fastapi.testclient import TestClient

    from backend.api.app import create_app
    from backend.people.service import create_staff
    from tests.records.helpers import RECORD

    d = district
    with session_scope(d.container.engine) as session:
        lead_clerk, _ = create_staff(
            session=session, name="发改委 张", role="clerk", department="fgw", clock=d.clock
        )
        _, czj_token = create_staff(
            session=session, name="财政局 钱", role="clerk", department="czj", clock=d.clock
        )
    d.give_email(lead_clerk, "zhang@fgw.gov.test")
    d.give_robot("fgw", "json", "/json/fgw")
    d.clock.current = tianjin(2026, 11, 27, 10)
    with TestClient(create_app(d.container)) as client:
        filed = client.post(
            "/api/v1/records", json=RECORD, headers={"Authorization": f"Bearer {czj_token}"}
        )
    assert filed.status_code == 201, filed.text
    number = filed.json()["number"]

    d.tick()

    mails = [m for m in d.smtp.to("zhang@fgw.gov.test") if number in m.subject]
    robot = [b for _, b in d.robots.requests if number in str(b)]
    assert len(mails) == 1 and "【失信记录】" in mails[0].subject
    assert len(robot) == 1
    assert [r.state for r in d.rows("email") if number in r.text] == ["sent"]


def test_a_unit_reached_only_by_email_and_a_robot_gets_the_morning_digest_once_by_name(
    district: District,
) -> None:
    from backend.scheduler import jobs

    d = district
    d.give_email(d.clerk, "li@czj.gov.test")  # no bound chat: email, robot and inbox only
    d.give_robot("czj", "json", "/json/czj")
    d.clock.current = tianjin(2026, 11, 26, 10)
    number = d.file().case.number
    d.tick()
    d.clock.current = tianjin(2026, 11, 27, 8, 50)  # Friday, after the digest's time

    jobs.digest_job(d.container)
    jobs.digest_job(d.container)
    d.tick()

    digests = [m for m in d.smtp.to("li@czj.gov.test") if "早安" in m.part("plain")]
    assert len(digests) == 1
    assert number in digests[0].part("plain") and "区财政局" in digests[0].part("plain")
    robot = [b for _, b in d.robots.requests if "早安" in str(b)]
    assert len(robot) == 1
    assert any("早安" in item.text for item in d.inbox(d.clerk))


def test_every_email_carries_its_date_by_the_systems_clock(district: District) -> None:
    from email.utils import parsedate_to_datetime

    d = district
    d.give_email(d.clerk, "li@czj.gov.test")
    d.clock.current = tianjin(2026, 11, 26, 10)
    number = d.file().case.number
    d.tick()

    [mail] = [m for m in d.smtp.to("li@czj.gov.test") if number in m.subject]
    assert parsedate_to_datetime(mail.message["Date"]) == d.clock.current
    assert all(m.message["Date"] for m in d.smtp.mails)  # the address's test message too
