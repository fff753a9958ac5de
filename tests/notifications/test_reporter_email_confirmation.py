"""A reporter's email address gets updates only once its owner confirmed it by the link sent.

An address typed into a chat or given by an Open311 request used to get the case's updates at
once, the complaint's words among them, whoever's it was.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlmodel import Session, select

from backend.actors import SYSTEM, Actor
from backend.api.app import create_app
from backend.bootstrap import Container
from backend.cases.intake import Draft, submit
from backend.cases.queries import get_case
from backend.cases.workflow import Action, Command, transition
from backend.conversations.dialog_email import EmailDialogServices
from backend.db import session_scope
from backend.notifications import email_confirmation
from backend.notifications.email_confirmation import SUBJECT, awaiting, confirmation_token
from backend.notifications.models import Notification
from backend.people.models import Reporter
from dialogs.model import ChatRef
from tests.notifications.conftest import ARREARS, District

REPORTER = "zhang@mail.test"
SIGNED = "已由区财政局签收"


def _sign(d: District, number: str) -> None:
    actor = Actor.staff(d.clerk)
    with session_scope(d.container.engine) as session:
        case = get_case(session=session, number=number, actor=actor)
        command = Command(action=Action.sign, version=case.version)
        transition(
            session=session, case=case, actor=actor, env=d.container.case_env, command=command
        )


def _filed_by_open311(d: District, address: str = REPORTER) -> str:
    return d.file(channel="open311", reporter_email=address, anonymous=False).case.number


def test_an_open311_address_is_sent_a_confirmation_link_and_no_update_before_it_is_confirmed(
    district: District,
) -> None:
    d = district
    number = _filed_by_open311(d)
    link = d.confirmation_link(REPORTER)
    _sign(d, number)
    d.tick()

    mails = d.smtp.to(REPORTER)
    assert [m.subject for m in mails] == [SUBJECT]  # the update was not sent there
    assert "请确认您的电子邮箱" in mails[0].part("plain") and "Confirm" in mails[0].part("plain")
    assert f'href="https://intake.hongqiao.test{link}"' in mails[0].part("html")
    assert "工程款" not in mails[0].part("plain")  # nothing of the complaint before confirming


def test_the_link_shows_the_address_and_only_its_button_confirms_it_then_updates_come(
    district: District,
) -> None:
    d = district
    number = _filed_by_open311(d)
    link = d.confirmation_link(REPORTER)

    with TestClient(create_app(d.container)) as client:
        shown = client.get(link)
        shown_again = client.get(link + "?lang=en")
        assert _confirmed(d.container) == [None]  # opening the link (a mail scanner) is not it
        pressed = client.post(link)
        after = client.get(link)
    _sign(d, number)
    d.tick()

    assert (
        shown.status_code == 200 and REPORTER in shown.text and '<form method="post"' in shown.text
    )
    assert "Confirm your email address" in shown_again.text
    assert pressed.status_code == 200 and "已确认" in pressed.text
    assert after.status_code == 200 and "<form" not in after.text
    assert _confirmed(d.container) != [None]
    assert [m.subject for m in d.smtp.to(REPORTER)][1:] == [
        f"您的投诉 {number} {SIGNED}，正在办理。"
    ]


def test_an_altered_expired_or_outdated_link_is_refused_with_a_page_and_confirms_nothing(
    district: District,
) -> None:
    d = district
    _filed_by_open311(d)
    _filed_by_open311(d, "li@mail.test")  # the next reporter: a row with an address
    link = d.confirmation_link(REPORTER)
    reporter_id, expires, signature = link.rsplit("/", 1)[1].split(".")
    other = f"{int(reporter_id) + 1}.{expires}.{signature}"
    cut = f"{reporter_id}.{expires}.{signature[:-2]}"
    base = link.rsplit("/", 1)[0]

    with TestClient(create_app(d.container)) as client:
        refused = [client.post(f"{base}/{token}") for token in (other, cut, "x", "1.2.签名")]
        d.clock.current = d.clock.now() + timedelta(days=8)
        expired = client.post(link)

    for page in [*refused, expired]:
        assert page.status_code == 404 and "该确认链接无效或已过期" in page.text
    assert _confirmed(d.container) == [None]


def test_a_chat_address_waits_for_its_owner_and_the_same_address_again_stays_confirmed(
    district: District,
) -> None:
    d = district
    chat = ChatRef("telegram", "5001")
    with session_scope(d.container.engine) as session:
        services = _services(session, d.container)
        services.set_reporter_email(chat, REPORTER, "zh")
        assert services.email_confirmed(chat) is False
    d.confirm_reporter_email(REPORTER)
    with session_scope(d.container.engine) as session:
        services = _services(session, d.container)
        assert services.email_confirmed(chat) is True
        services.set_reporter_email(chat, REPORTER, "zh")  # sent again: nothing to confirm
        assert services.email_confirmed(chat) is True
        services.set_reporter_email(chat, "li@mail.test", "zh")  # a new address waits again
        assert services.email_confirmed(chat) is False
    d.tick()
    assert len(d.smtp.to(REPORTER)) == 1 and len(d.smtp.to("li@mail.test")) == 1


def test_the_old_addresss_link_stops_working_once_the_chat_changed_its_address(
    district: District,
) -> None:
    d = district
    chat = ChatRef("web", "visitor-1")
    with session_scope(d.container.engine) as session:
        _services(session, d.container).set_reporter_email(chat, REPORTER, "zh")
    old = d.confirmation_link(REPORTER)
    with session_scope(d.container.engine) as session:
        _services(session, d.container).set_reporter_email(chat, "li@mail.test", "zh")

    with TestClient(create_app(d.container)) as client:
        assert client.post(old).status_code == 404


def _give(d: District, chat: ChatRef, address: str | None) -> str:
    d.clock.current = d.clock.now() + timedelta(seconds=1)  # each its own moment
    with session_scope(d.container.engine) as session:
        return _services(session, d.container).set_reporter_email(chat, address, "zh")


def test_no_more_than_three_confirmation_messages_a_day_reach_one_mailbox_whoever_asks(
    district: District,
) -> None:
    d = district
    asked = [_give(d, ChatRef("web", f"visitor-{n}"), f"Victim+{n}@mail.test") for n in range(6)]
    for _ in range(3):  # Open311 requests: each its own reporter
        d.file(channel="open311", reporter_email="victim@mail.test", anonymous=False)
    d.tick()

    assert asked == ["sent"] * 3 + ["limited"] * 3
    sent = [m for n in range(6) for m in d.smtp.to(f"Victim+{n}@mail.test")]
    assert len(sent) == 3 and d.smtp.to("victim@mail.test") == []
    d.clock.current = d.clock.now() + timedelta(days=1, seconds=1)  # a day later: again
    assert _give(d, ChatRef("web", "visitor-9"), "victim@mail.test") == "sent"


def test_no_more_than_five_confirmation_messages_a_day_from_one_chat(district: District) -> None:
    d = district
    chat = ChatRef("telegram", "5002")

    asked = [_give(d, chat, f"person{n}@mail.test") for n in range(7)]

    assert asked == ["sent"] * 5 + ["limited"] * 2


def test_each_message_goes_to_the_address_it_was_written_for_or_not_at_all(
    district: District,
) -> None:
    d = district
    chat = ChatRef("telegram", "5003")
    _give(d, chat, "alice@mail.test")
    _give(d, chat, "bob@mail.test")  # alice's message, not yet sent, is withdrawn
    d.tick()
    _give(d, chat, "alice@mail.test")
    d.tick()

    assert len(d.smtp.to("bob@mail.test")) == 1
    assert len(d.smtp.to("alice@mail.test")) == 1  # the second one, to alice
    assert _give(d, chat, "carol@mail.test") == "sent"
    _give(d, chat, None)
    d.tick()
    assert d.smtp.to("carol@mail.test") == []  # removed before it went out: not sent


def test_an_update_written_for_the_old_address_never_reaches_the_new_one(
    district: District,
) -> None:
    d = district
    chat = ChatRef("telegram", "5004")
    number = d.file(
        channel="telegram", chat_id="5004", anonymous=False, reporter_phone="13800000000"
    ).case.number
    _give(d, chat, "alice@mail.test")
    d.confirm_reporter_email("alice@mail.test")
    _sign(d, number)  # an update for alice, still waiting to be sent
    _give(d, chat, "bob@mail.test")
    with session_scope(d.container.engine) as session:  # bob's own link, before a send
        [reporter] = session.exec(select(Reporter).where(Reporter.chat_id == "5004")).all()
        secret = d.container.secret_key.get_secret_value()
        token = confirmation_token(secret, reporter, now=d.clock.now())
    with TestClient(create_app(d.container)) as client:
        assert client.post(f"/public/email/{token}").status_code == 200
    d.tick()

    assert [m.subject for m in d.smtp.to("bob@mail.test")] == [SUBJECT]
    assert [m.subject for m in d.smtp.to("alice@mail.test")] == [SUBJECT]


def test_a_confirmation_for_an_address_changed_meanwhile_confirms_nothing(
    district: District, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Between reading the reporter and confirming, the chat changes its address (on
    # PostgreSQL another transaction may commit that there, and its UPDATE then applies to the
    # changed row when its condition still holds): the statement must name the address.
    d = district
    chat = ChatRef("web", "visitor-race")
    _give(d, chat, REPORTER)
    token = d.confirmation_link(REPORTER).rsplit("/", 1)[1]
    secret = d.container.secret_key.get_secret_value()

    def read_then_changed(*args: Any, session: Session, **kwargs: Any) -> Reporter:
        found = awaiting(*args, session=session, **kwargs)
        # The row as it stands now, behind the session's back (the read above is stale).
        session.connection().execute(
            text("UPDATE reporters SET email = 'li@mail.test' WHERE chat_id = 'visitor-race'")
        )
        return found

    monkeypatch.setattr(email_confirmation, "awaiting", read_then_changed)
    with session_scope(d.container.engine) as session:
        email_confirmation.confirm(secret, token, session=session, now=d.clock.now())

    with session_scope(d.container.engine) as session:
        rows = session.exec(select(Reporter).where(Reporter.chat_id == "visitor-race")).all()
        assert [(r.email, r.email_confirmed_at) for r in rows] == [("li@mail.test", None)]


def test_a_link_of_any_length_or_shape_gets_the_page_not_a_validation_error(
    client: TestClient,
) -> None:
    for token in ("x" * 60_000, "1.2", "1.2.3.4"):
        page = client.get(f"/public/email/{token}")
        assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
        assert "x" * 300 not in page.text


def test_the_confirmation_page_is_never_kept_in_a_cache(district: District) -> None:
    d = district
    _filed_by_open311(d)
    link = d.confirmation_link(REPORTER)
    with TestClient(create_app(d.container)) as client:
        assert client.get(link).headers["cache-control"] == "no-store"
        assert client.get("/public/records").headers["cache-control"] != "no-store"


def _services(session: Session, container: Container) -> EmailDialogServices:
    """The `/email` part of the dialogs' services, over the caller's session."""
    services = EmailDialogServices()
    services.session, services.container = session, container
    return services


def _confirmed(container: Container) -> list[object]:
    with session_scope(container.engine) as session:
        return [
            r.email_confirmed_at
            for r in session.exec(select(Reporter).where(Reporter.email == REPORTER))
        ]


def test_without_an_smtp_server_an_open311_address_is_kept_and_no_confirmation_is_queued(
    container: Container,
) -> None:
    # A deployment that sends no email (INTAKE_SMTP_HOST unset, as `make run` starts): a
    # confirmation could never arrive, so none is written, and the chats say email is off.
    assert not container.settings.sends_email
    with session_scope(container.engine) as session:
        draft = Draft(text=ARREARS, channel="open311", reporter_email=REPORTER, anonymous=False)
        submit(session=session, draft=draft, actor=SYSTEM, env=container.case_env)
    with session_scope(container.engine) as session:
        kinds = session.exec(select(Notification.kind)).all()
        assert email_confirmation.KIND not in kinds
        assert not _services(session, container).sends_email()
    assert _confirmed(container) == [None]  # kept, never used unconfirmed
