"""A reporter who gave an email address hears by email, and rates by a signed link."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from fastapi.testclient import TestClient

from backend.actors import Actor
from backend.api.app import create_app
from backend.cases.queries import get_case
from backend.cases.workflow import Action, Command, transition
from backend.db import session_scope
from backend.notifications.rating_links import rating_link
from tests.deadlines.conftest import tianjin
from tests.notifications.conftest import PUBLIC_URL, District
from tests.staff_console.helpers import ConsoleVisitor

REPORTER = "zhang@mail.test"


def _act(d: District, number: str, action: Action, **command: object) -> None:
    actor = Actor.staff(d.clerk)
    with session_scope(d.container.engine) as session:
        case = get_case(session=session, number=number, actor=actor)
        transition(
            session=session,
            case=case,
            actor=actor,
            env=d.container.case_env,
            command=Command(action=action, version=case.version, **command),  # type: ignore[arg-type]
        )


def _resolved(d: District) -> str:
    number = d.file(channel="open311", reporter_email=REPORTER, anonymous=False).case.number
    d.confirm_reporter_email(REPORTER)  # its owner opened the link sent to it
    _act(d, number, Action.sign)
    _act(d, number, Action.resolve, reply="工程款已全部支付")
    d.tick()
    return number


def test_the_reporter_hears_by_email_and_rates_by_the_signed_link(district: District) -> None:
    d = district
    number = _resolved(d)
    mails = d.smtp.to(REPORTER)[1:]  # after the confirmation message
    assert [m.subject for m in mails] == [
        f"您的投诉 {number} 已由区财政局签收，正在办理。",
        f"您的投诉 {number} 已办结。答复：工程款已全部支付",
    ]
    assert all("/console/cases/" not in m.part("plain") for m in mails)  # no staff link
    d.clock.current = tianjin(2026, 11, 30, 9)  # the working day after: 回访
    d.tick()
    asked = d.smtp.to(REPORTER)[-1]
    assert "请打开下面的链接评价办理结果" in asked.part("plain")
    link = re.findall(rf"{PUBLIC_URL}(/console/rate/\S+)", asked.part("plain"))[0]
    assert f'href="{PUBLIC_URL}{link}"' in asked.part("html")
    with TestClient(create_app(d.container)) as client:
        visitor = ConsoleVisitor(client)
        page = visitor.get(link)
        assert page.status_code == 200 and "工程款已全部支付" in page.text
        # A reporter's page (reviewer, 2026-12-02: it said "staff only" and led to the sign-in).
        assert "工作人员专用" not in page.text and 'href="/console/"' not in page.text
        assert "<title>评价办理结果 · 政务诚信投诉举报</title>" in page.text
        done = visitor.post(link, {"rating": "satisfied", "comment": "谢谢"})
        assert done.status_code == 200 and "感谢您对投诉" in done.text
        again = visitor.get(link)
        assert "已不再等待评价" in again.text
    with session_scope(d.container.engine) as session:
        case = get_case(session=session, number=number, actor=Actor.staff(d.coordinator))
        assert (case.status, case.rating, case.rating_comment) == ("closed", "satisfied", "谢谢")


def test_an_altered_or_expired_rating_link_is_refused(district: District) -> None:
    d = district
    number = _resolved(d)
    with session_scope(d.container.engine) as session:
        case = get_case(session=session, number=number, actor=Actor.staff(d.coordinator))
        case_id, reporter_id = case.id, case.reporter_id
    assert case_id is not None and reporter_id is not None
    secret = d.container.secret_key.get_secret_value()
    now = int(d.clock.now().timestamp())
    good = rating_link(secret, case_id, reporter_id, now + 3600)
    expired = rating_link(secret, case_id, reporter_id, now - 1)
    forged = rating_link("another-secret-entirely-0123456789", case_id, reporter_id, now + 3600)
    altered = good.replace(f"{case_id}.", f"{case_id + 1}.", 1)
    with TestClient(create_app(d.container)) as client:
        assert client.get(f"/console/rate/{good}").status_code == 200
        # A link cut short (a mail program wrapping it) or run on says so too, never "bad request".
        unicode = (f"{good.rsplit('.', 1)[0]}.签名", f"¹{good}", f"{good}²")  # not ASCII
        odd = ("not-a-token", good[:5], good + "x" * 300, *unicode)
        for token in (expired, forged, altered, *odd):
            page = client.get(f"/console/rate/{token}")
            assert page.status_code == 404 and "该评价链接无效或已过期" in page.text
        visitor = ConsoleVisitor(client)
        visitor.get(f"/console/rate/{good}")
        bad = visitor.post(f"/console/rate/{good}", {"rating": "excellent"})
        assert bad.status_code == 422


def test_an_address_the_server_refuses_is_not_tried_again(district: District) -> None:
    d = district
    d.smtp.refuse(REPORTER)
    d.file(channel="open311", reporter_email=REPORTER, anonymous=False)
    d.tick()
    d.tick()
    [row] = d.rows("email")  # its confirmation message: never confirmed, nothing else written
    assert row.kind == "email_confirm"
    assert row.state == "failed" and "550" in (row.last_error or "") and row.attempts == 1


def test_an_update_to_a_confirmed_address_the_server_refuses_is_not_tried_again(
    district: District,
) -> None:
    d = district
    number = d.file(channel="open311", reporter_email=REPORTER, anonymous=False).case.number
    d.confirm_reporter_email(REPORTER)
    d.smtp.refuse(REPORTER)
    _act(d, number, Action.sign)
    d.tick()
    d.tick()
    [row] = [r for r in d.rows("email") if r.case_id is not None]
    assert row.state == "failed" and "550" in (row.last_error or "") and row.attempts == 1


def _link(d: District, number: str) -> str:
    with session_scope(d.container.engine) as session:
        case = get_case(session=session, number=number, actor=Actor.staff(d.coordinator))
        case_id, reporter_id = case.id, case.reporter_id
    assert case_id is not None and reporter_id is not None
    secret = d.container.secret_key.get_secret_value()
    return "/console/rate/" + rating_link(
        secret, case_id, reporter_id, int(d.clock.now().timestamp()) + 3600
    )


@contextmanager
def _rating_page(d: District) -> Iterator[tuple[str, str, ConsoleVisitor]]:
    """Resolve a case and open its rating link; yield the number, the link and the visitor."""
    number = _resolved(d)
    link = _link(d, number)
    with TestClient(create_app(d.container)) as client:
        visitor = ConsoleVisitor(client)
        visitor.get(link)
        yield number, link, visitor


def _stored_rating(d: District, number: str) -> tuple[str, str | None, str | None]:
    with session_scope(d.container.engine) as session:
        case = get_case(session=session, number=number, actor=Actor.staff(d.coordinator))
        return case.status, case.rating, case.rating_comment


def test_a_bad_rating_form_is_answered_on_the_form_with_what_to_change_and_keeps_the_comment(
    district: District,
) -> None:
    d = district
    with _rating_page(d) as (number, link, visitor):
        no_choice = visitor.post(link, {"rating": "", "comment": "还没到账"})
        unknown = visitor.post(link, {"rating": "excellent", "comment": "还没到账"})
        nul = visitor.post(link, {"rating": "satisfied", "comment": "谢谢\x00"})
        long = visitor.post(link, {"rating": "satisfied", "comment": "很" * 2001})

    for page in (no_choice, unknown):
        assert page.status_code == 422
        assert "请选择评价" in page.text and "还没到账</textarea>" in page.text
    assert nul.status_code == 422 and "无法保存的字符" in nul.text
    assert long.status_code == 422 and "最多 2000 个字，您填写了 2001 个字" in long.text
    assert _stored_rating(d, number) == ("resolved", None, None)  # nothing taken


def test_a_comment_of_2000_characters_with_line_breaks_is_taken_as_the_browser_counted_it(
    district: District,
) -> None:
    # A browser's maxlength counts a line break once; the form sends it as CR LF.
    d = district
    typed = "\n".join(["工程款" * 10] * 64 + ["已" * 15])  # 1,920 + 15 + 64 breaks: 1,999

    with _rating_page(d) as (number, link, visitor):
        done = visitor.post(link, {"rating": "satisfied", "comment": typed.replace("\n", "\r\n")})

    assert done.status_code == 200, done.text
    assert _stored_rating(d, number) == ("closed", "satisfied", typed)


def test_a_bad_rating_for_a_case_that_no_longer_waits_says_it_no_longer_waits(
    district: District,
) -> None:
    d = district
    with _rating_page(d) as (number, link, visitor):
        assert visitor.post(link, {"rating": "satisfied"}).status_code == 200
        again = visitor.post(link, {"rating": "excellent", "comment": "x" * 2001})

    assert again.status_code == 409 and "已不再等待评价" in again.text
    assert "<form" not in again.text.split("<main", 1)[-1]
