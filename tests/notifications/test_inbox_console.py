"""The console's inbox and channel pages, over HTTP as a browser uses them."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlmodel import select

from backend.actors import SYSTEM, Actor
from backend.bootstrap import Container
from backend.cases.intake import Draft, submit
from backend.cases.queries import get_case
from backend.cases.workflow import Action, Command, transition
from backend.db import session_scope
from backend.notifications.channels import record_outcome
from backend.notifications.models import ContactChannel
from backend.notifications.setup import add_robot, set_staff_email
from backend.people.models import StaffAccount
from tests.notifications.conftest import ARREARS
from tests.staff_accounts import PASSWORD, staff_with_password
from tests.staff_console.helpers import ConsoleVisitor


def _file(container: Container) -> str:
    with session_scope(container.engine) as session:
        receipt = submit(
            session=session, draft=Draft(text=ARREARS), actor=SYSTEM, env=container.case_env
        )
        return receipt.case.number


def test_a_clerk_sees_new_notices_counted_in_the_header_and_opens_the_case(
    container: Container, client: TestClient
) -> None:
    clerk = staff_with_password(container, login="li", role="clerk", department="czj")
    visitor = ConsoleVisitor(client)
    visitor.sign_in("li", PASSWORD)
    assert 'data-inbox-unread="0"' in visitor.get("/console/").text
    number = _file(container)  # routed to czj: the new-case notice
    home = visitor.get("/console/").text
    assert 'data-inbox-unread="1"' in home and "收件箱（1 条未读）" in home
    page = visitor.get("/console/inbox").text
    assert f"【新案件】案件 {number}" in page and 'data-read="no"' in page
    item = page.split('data-inbox-item="', 1)[1].split('"', 1)[0]
    opened = visitor.post(f"/console/inbox/{item}/open", {})
    assert (opened.status_code, opened.headers["location"]) == (303, f"/console/cases/{number}")
    assert 'data-inbox-unread="0"' in visitor.get("/console/").text
    assert 'data-read="yes"' in visitor.get("/console/inbox").text
    assert clerk.id is not None


def test_a_notice_of_a_case_since_sent_elsewhere_says_so_instead_of_a_404(
    container: Container, client: TestClient
) -> None:
    staff_with_password(container, login="li", role="clerk", department="czj")
    boss = staff_with_password(container, login="wang", role="coordinator", department="fgw")
    visitor = ConsoleVisitor(client)
    visitor.sign_in("li", PASSWORD)
    number = _file(container)  # routed to czj: the new-case notice
    with session_scope(container.engine) as session:
        actor = Actor.staff(boss)
        case = get_case(session=session, number=number, actor=actor)
        command = Command(action=Action.reassign, version=case.version, department="sfj")
        transition(
            session=session, case=case, command=command, actor=actor, env=container.case_env
        )
    page = visitor.get("/console/inbox").text
    item = page.split('data-inbox-item="', 1)[1].split('"', 1)[0]

    opened = visitor.post(f"/console/inbox/{item}/open", {})

    assert (opened.status_code, opened.headers["location"]) == (303, "/console/inbox")
    shown = visitor.get("/console/inbox").text
    assert f"案件 {number} 已不在您可以办理的案件中" in shown and 'data-read="yes"' in shown


def test_mark_all_read_and_another_ones_notice_is_not_found(
    container: Container, client: TestClient
) -> None:
    staff_with_password(container, login="li", role="clerk", department="czj")
    _file(container)
    _file(container)
    visitor = ConsoleVisitor(client)
    visitor.sign_in("li", PASSWORD)
    page = visitor.get("/console/inbox").text
    assert page.count('data-read="no"') == 2
    visitor.post("/console/inbox/read-all", {})
    assert visitor.get("/console/inbox").text.count('data-read="no"') == 0
    staff_with_password(container, login="zhao", role="clerk", department="sfj", name="赵")
    other = ConsoleVisitor(client)
    other.sign_in("zhao", PASSWORD)
    item = page.split('data-inbox-item="', 1)[1].split('"', 1)[0]
    assert other.get("/console/inbox").text.count("data-inbox-item") == 0
    assert other.post(f"/console/inbox/{item}/read", {}).status_code == 404


def test_the_link_of_a_test_message_verifies_the_address_once(
    container: Container, client: TestClient
) -> None:
    clerk = staff_with_password(container, login="li", role="clerk", department="czj")
    with session_scope(container.engine) as session:
        account = session.get(StaffAccount, clerk.id)
        assert account is not None
        _, token = set_staff_email(
            session=session, staff=account, address="li@czj.gov.test", now=container.clock.now()
        )
    first = client.get(f"/console/channels/verify/{token}")
    assert first.status_code == 200 and "li@czj.gov.test" in first.text
    again = client.get(f"/console/channels/verify/{token}")
    assert again.status_code == 404 and "该确认链接无效或已使用" in again.text
    for cut in (token[:5], token + "x" * 300):  # a link a mail program cut or ran on
        page = client.get(f"/console/channels/verify/{cut}")
        assert page.status_code == 404 and "该确认链接无效或已使用" in page.text
    with session_scope(container.engine) as session:
        (channel,) = session.exec(select(ContactChannel)).all()
        assert channel.state == "active"


def test_coordinators_add_robots_with_clear_refusals_and_see_failing_ones_on_the_dashboard(
    container: Container, client: TestClient
) -> None:
    staff_with_password(container, login="wang")
    visitor = ConsoleVisitor(client)
    visitor.sign_in("wang", PASSWORD)
    visitor.get("/console/admin/channels")
    refused = visitor.post(
        "/console/admin/channels/robots",
        {"unit": "czj", "kind": "wecom", "url": "ftp://example.test/hook"},
    )
    assert refused.status_code == 303
    page = visitor.get("/console/admin/channels").text
    assert "机器人地址须以 https:// 或 http:// 开头" in page
    with session_scope(container.engine) as session:
        robot = add_robot(
            session=session,
            department="czj",
            kind="wecom",
            url="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k",
            secret=None,
            now=container.clock.now(),
        )
        robot.state = "active"
        session.add(robot)
    assert robot.id is not None
    for _ in range(container.settings.channel_failing_after):
        record_outcome(
            container.engine,
            robot.id,
            now=container.clock.now(),
            error="HTTP 502",
            failing_after=5,
        )
    dashboard = visitor.get("/console/dashboard").text
    assert "data-failing-channels" in dashboard and "HTTP 502" in dashboard
    assert 'data-state="failing"' in visitor.get("/console/admin/channels").text


def test_a_clerk_may_not_open_the_channels_page(container: Container, client: TestClient) -> None:
    staff_with_password(container, login="li", role="clerk", department="czj")
    visitor = ConsoleVisitor(client)
    visitor.sign_in("li", PASSWORD)
    assert visitor.get("/console/admin/channels").status_code == 404  # as every admin page
    assert "data-failing-channels" not in visitor.get("/console/dashboard").text


def test_ids_past_any_stored_id_are_refused_on_the_page_not_answered_500(
    container: Container, client: TestClient
) -> None:
    staff_with_password(container, login="wang", role="coordinator", department="fgw")
    visitor = ConsoleVisitor(client)
    visitor.sign_in("wang", PASSWORD)
    visitor.get("/console/admin/channels")
    huge = str(2**40)  # PostgreSQL's ids are INTEGER: a query with this one fails there
    for path, form in (
        (f"/console/admin/channels/{huge}/test", {}),
        (f"/console/admin/channels/{huge}/remove", {}),
        ("/console/admin/channels/email", {"staff_id": huge, "address": "a@czj.gov.test"}),
        (f"/console/inbox/{huge}/read", {}),
        (f"/console/inbox/{huge}/open", {}),
    ):
        answer = visitor.post(path, form)
        assert answer.status_code in (303, 400, 404), (path, answer.status_code)


def test_an_address_for_an_account_that_does_not_exist_names_the_account_not_a_channel(
    container: Container, client: TestClient
) -> None:
    staff_with_password(container, login="wang", role="coordinator", department="fgw")
    visitor = ConsoleVisitor(client)
    visitor.sign_in("wang", PASSWORD)
    visitor.get("/console/admin/channels")

    visitor.post("/console/admin/channels/email", {"staff_id": "999", "address": "a@b.test"})

    page = visitor.get("/console/admin/channels").text
    assert "没有该账号，或账号已停用：#999" in page and "没有该渠道" not in page
