"""An over-long field in the real Chromium: a paste past the limit (maxlength taken away, as
a browser that ignores it would) shows the form again with the text kept and the limit named."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page, expect

from backend.bootstrap import Container
from tests.browser.browser import DESKTOP
from tests.browser.test_console_case import sign_in
from tests.case_fixtures import ARREARS, file_case
from tests.e2e.telegram_app import AppProcess
from tests.staff_accounts import staff_with_password


def test_a_note_past_its_limit_comes_back_in_its_form_with_the_limit_named(
    open_page: Callable[..., Page], live_app: AppProcess, container: Container
) -> None:
    staff_with_password(container, login="wang")
    number = file_case(container, ARREARS)
    page = open_page(DESKTOP)
    sign_in(page, live_app, "wang", f"/console/cases/{number}")
    note = page.get_by_label("内部备注")
    note.evaluate("element => element.removeAttribute('maxlength')")
    typed = "已电话联系企业负责人，" * 182 + "完"  # 2003 characters, the limit is 2000

    note.fill(typed)
    page.get_by_role("button", name="添加备注").click()

    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("“内部备注”最多 2000 个字，您填写了 2003 个字")
    note = page.get_by_label("内部备注")
    expect(note).to_have_value(typed)
    expect(note).to_have_attribute("aria-invalid", "true")
    expect(page).to_have_url(live_app.url + f"/console/cases/{number}/notes")
