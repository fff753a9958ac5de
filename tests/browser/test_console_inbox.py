"""The inbox in the real Chromium: the header counts new notices, a notice opens its case."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from backend.actors import SYSTEM
from backend.bootstrap import Container
from backend.cases.intake import Draft, submit
from backend.db import session_scope
from tests.browser.browser import screenshot
from tests.e2e.telegram_app import AppProcess
from tests.staff_accounts import PASSWORD, staff_with_password

ARREARS = "区里的项目做完了，工程款一直拖欠不付，已经拖了半年"  # routed to czj


def test_a_clerk_reads_a_new_case_notice_in_the_inbox_and_opens_the_case(
    page: Page, live_app: AppProcess, container: Container
) -> None:
    staff_with_password(container, login="li", role="clerk", department="czj", name="财政局 李")
    page.goto(live_app.url + "/console/sign-in")
    page.get_by_label("登录名").fill("li")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("link", name="收件箱", exact=True)).to_be_visible()
    with session_scope(container.engine) as session:
        number = submit(
            session=session, draft=Draft(text=ARREARS), actor=SYSTEM, env=container.case_env
        ).case.number
    page.reload()
    page.get_by_role("link", name="收件箱（1 条未读）").click()
    expect(page.get_by_role("heading", level=1, name="收件箱")).to_be_visible()
    expect(page.get_by_text(f"【新案件】案件 {number}")).to_be_visible()
    screenshot(page, "console-inbox")
    page.get_by_role("button", name=f"查看案件 {number}").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(number)
    expect(page.get_by_role("link", name="收件箱", exact=True)).to_be_visible()
    page.get_by_role("link", name="收件箱", exact=True).click()
    expect(page.locator("[data-read='yes']")).to_have_count(1)
    expect(page.get_by_role("button", name="全部标为已读")).to_be_visible()
