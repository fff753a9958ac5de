"""A session that ends while a form is being typed loses nothing: back to the page, text kept.

Reviewer, 2026-12-01: a clerk typed a reply, the session ended (idle limit), and the submit
went to the sign-in page, then to the home page, the reply gone. Now the sign-in leads back
to the page the form was on (its Referer), and the console's script keeps what was typed in
a form marked `data-draft` for this tab (sessionStorage) until the page shows the case moved
on (its version changed: the action was done, or someone else acted).
"""

from __future__ import annotations

from playwright.sync_api import Page, expect

from backend.bootstrap import Container
from backend.cases.workflow import Action
from backend.people.models import StaffAccount
from tests.browser.test_console_case import clerk_of, sign_in
from tests.case_fixtures import ARREARS, act, file_case
from tests.e2e.telegram_app import AppProcess
from tests.fakes import FakeClock
from tests.staff_accounts import PASSWORD

REPLY = "经核实，相关款项已于本周支付完毕，请查收。"


def signed_case_page(
    page: Page, live_app: AppProcess, container: Container
) -> tuple[StaffAccount, str]:
    """Open, as the clerk li signed in, a case li's unit signed for; return li and its path."""
    li = clerk_of(container)
    number = file_case(container, ARREARS)
    act(container, number, li, Action.sign)
    path = f"/console/cases/{number}"
    sign_in(page, live_app, "li", path)
    return li, path


def test_a_reply_typed_when_the_session_ended_is_there_again_after_signing_in(
    page: Page, live_app: AppProcess, container: Container
) -> None:
    path = signed_case_page(page, live_app, container)[1]
    page.locator("#field-resolve-reply").fill(REPLY)
    clock = container.clock
    assert isinstance(clock, FakeClock)
    clock.advance(minutes=31)  # past the idle limit (30 minutes)

    page.locator('[data-action="resolve"]').click()

    expect(page.get_by_role("heading", level=1, name="登录")).to_be_visible()
    page.get_by_label("登录名").fill("li")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page).to_have_url(live_app.url + path)
    expect(page.locator("#field-resolve-reply")).to_have_value(REPLY)
    expect(page.locator("#action-resolve [data-draft-note]")).to_be_visible()

    page.locator('[data-action="resolve"]').click()  # done now: the draft is dropped
    expect(page.get_by_role("status")).to_have_text("已办结，答复将发送给投诉人。")
    page.goto(live_app.url + path)
    expect(page.locator("#field-resolve-reply")).to_have_count(0)


def test_a_draft_is_dropped_once_someone_else_moved_the_case_on(
    page: Page, live_app: AppProcess, container: Container
) -> None:
    li, path = signed_case_page(page, live_app, container)
    page.locator("#field-pause-reason").fill("等待投诉人补充材料")
    act(container, path.rsplit("/", 1)[1], li, Action.start)  # a colleague, meanwhile

    page.goto(live_app.url + path)

    expect(page.locator("#field-pause-reason")).to_have_value("")
