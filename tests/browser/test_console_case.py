"""The case page in the real Chromium: a case from triage to resolved, evidence, hostile text."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Dialog, Page, expect

from backend.bootstrap import Container
from backend.cases.workflow import Action
from backend.notifications.sender import deliver
from backend.people.models import StaffAccount
from bot.webchat.notifier import WebNotifier
from tests.browser.browser import DESKTOP, PHONE, WAIT_MS, reading_problems, screenshot
from tests.case_fixtures import (
    ARREARS,
    HOSTILE,
    HTML,
    PNG,
    SVG,
    UNCLEAR,
    act,
    add_evidence,
    file_case,
)
from tests.e2e.telegram_app import AppProcess
from tests.staff_accounts import PASSWORD, staff_with_password

RESOLVE_TEMPLATE = (
    "您好，关于您反映的拖欠企业账款问题，经我单位核实协调，相关款项已于近日支付完毕。"
)


def sign_in(page: Page, app: AppProcess, login: str, path: str) -> None:
    """Open a console page signed out, sign in on the way, and land on it."""
    page.goto(app.url + path)
    page.get_by_label("登录名").fill(login)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page).to_have_url(app.url + path)


def no_dialogs(page: Page) -> list[str]:
    """Record every dialog (alert, confirm) the page opens: a script that ran."""
    opened: list[str] = []

    def dismiss(dialog: Dialog) -> None:
        opened.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    return opened


def clerk_of(container: Container, unit: str = "czj", login: str = "li") -> StaffAccount:
    return staff_with_password(
        container, login=login, role="clerk", department=unit, name=f"联络员 {login}"
    )


def web_chat_id(page: Page) -> str:
    """Return the chat id of the web chat open in the page (from its kept token)."""
    chat_id: str = page.evaluate(
        """async () => {
          const saved = JSON.parse(localStorage.getItem("intake.webchat"));
          const answer = await fetch("/chat/api/session",
            { headers: { Authorization: "Bearer " + saved.token } });
          return (await answer.json()).chat_id;
        }"""
    )
    return chat_id


def test_a_triage_case_is_placed_signed_resolved_from_a_template_and_the_reporter_hears(
    open_page: Callable[..., Page], live_app: AppProcess, container: Container
) -> None:
    reporter = open_page(DESKTOP)
    reporter.goto(live_app.url + "/chat")
    expect(reporter.locator(".msg.bot").first).to_contain_text("红桥区")
    number = file_case(container, UNCLEAR, reporter_chat=web_chat_id(reporter))
    staff_with_password(container, login="wang")
    clerk_of(container)
    path = f"/console/cases/{number}"

    boss = open_page(DESKTOP)
    sign_in(boss, live_app, "wang", path)
    expect(boss.locator(".badge")).to_have_text("待分派")
    boss.locator("#field-reassign-department").select_option("czj")
    boss.locator("#field-reassign-category").select_option("arrears")
    screenshot(boss, "console-case-triage")
    boss.locator('[data-action="reassign"]').click()
    expect(boss.get_by_role("status")).to_have_text("已派单。")
    expect(boss.locator(".badge")).to_have_text("已派单")

    clerk = open_page(DESKTOP)
    sign_in(clerk, live_app, "li", path)
    clerk.locator('[data-action="sign"]').click()
    expect(clerk.get_by_role("status")).to_have_text("已签收。")
    clerk.locator('[data-reply-template="arrears_paid"]').click()
    reply = clerk.locator("#field-resolve-reply")
    expect(reply).to_have_value(
        RESOLVE_TEMPLATE + "如仍有未结清款项，请联系我单位说明具体金额和合同编号。"
    )
    expect(clerk).to_have_url(live_app.url + path + "?done=sign")  # filled in place
    reply.fill(reply.input_value() + "\n经办人：李")
    assert reading_problems(clerk) == []
    screenshot(clerk, "console-case-resolve")
    clerk.locator('[data-action="resolve"]').click()
    expect(clerk.get_by_role("status")).to_have_text("已办结，答复将发送给投诉人。")
    expect(clerk.locator(".badge")).to_have_text("已办结")

    notifier = WebNotifier(container.engine, container.clock)
    deliver(
        engine=container.engine, notifier=notifier, now=container.clock.now(), office_open=True
    )
    reporter.reload()
    expect(reporter.locator(".msg.bot").last).to_contain_text(RESOLVE_TEMPLATE[:20])
    screenshot(reporter, "webchat-case-resolved")


def test_a_reply_template_fills_the_reply_without_javascript(
    open_page: Callable[..., Page], live_app: AppProcess, container: Container
) -> None:
    li = clerk_of(container)
    number = file_case(container, ARREARS)
    act(container, number, li, Action.sign)
    page = open_page(DESKTOP, javascript=False)
    sign_in(page, live_app, "li", f"/console/cases/{number}")

    page.locator('[data-reply-template="arrears_paid"]').click()

    expect(page.locator("#field-resolve-reply")).to_have_value(
        RESOLVE_TEMPLATE + "如仍有未结清款项，请联系我单位说明具体金额和合同编号。"
    )


def test_a_clerk_opening_another_units_case_by_its_address_gets_404(
    page: Page, live_app: AppProcess, container: Container
) -> None:
    number = file_case(container, ARREARS)  # czj's
    image = add_evidence(container, number, PNG, "photo.png", "image/png")
    clerk_of(container, "sfj", "zhao")
    sign_in(page, live_app, "zhao", "/console/")

    response = page.goto(live_app.url + f"/console/cases/{number}")

    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("页面不存在")
    expect(page.get_by_text(ARREARS)).to_have_count(0)
    evidence = page.goto(live_app.url + f"/console/cases/{number}/attachments/{image}")
    assert evidence is not None and evidence.status == 404
    screenshot(page, "console-case-404")


def test_evidence_images_show_and_hostile_files_are_downloaded_never_rendered(
    page: Page, live_app: AppProcess, container: Container
) -> None:
    number = file_case(container, ARREARS)
    add_evidence(container, number, PNG, "photo.png", "image/png")
    add_evidence(container, number, HTML, "evil.html", "text/html")
    add_evidence(container, number, SVG, "evil.svg", "image/svg+xml")
    dialogs = no_dialogs(page)
    staff_with_password(container, login="wang")
    sign_in(page, live_app, "wang", f"/console/cases/{number}")

    image = page.locator("img.evidence__image")
    expect(image).to_have_count(1)
    expect(image).to_be_visible()
    # Visible comes before loaded: wait for the picture itself, then read its size.
    page.wait_for_function(
        "() => document.querySelector('img.evidence__image').complete", timeout=WAIT_MS
    )
    assert page.evaluate("() => document.querySelector('img.evidence__image').naturalWidth") == 1
    for name in ("evil.html", "evil.svg"):
        with page.expect_download() as download:
            page.get_by_role("link", name=name).click()
        assert download.value.suggested_filename == name
    screenshot(page, "console-case-evidence")
    assert dialogs == []
    expect(page).to_have_url(live_app.url + f"/console/cases/{number}")


def test_hostile_complaint_text_appears_literally_and_runs_nothing(
    page: Page, live_app: AppProcess, container: Container
) -> None:
    number = file_case(container, HOSTILE)
    dialogs = no_dialogs(page)
    staff_with_password(container, login="wang")
    sign_in(page, live_app, "wang", f"/console/cases/{number}")

    shown = page.locator("[data-case-text]")

    assert shown.text_content() == HOSTILE
    assert shown.evaluate("(node) => node.children.length") == 0  # no element was made
    assert shown.evaluate("(node) => getComputedStyle(node).whiteSpace") == "pre-wrap"
    assert dialogs == []
    screenshot(page, "console-case-hostile")


def test_a_stale_action_shows_what_changed_and_can_be_retried(
    page: Page, live_app: AppProcess, container: Container
) -> None:
    li = clerk_of(container)
    number = file_case(container, ARREARS)
    act(container, number, li, Action.sign)
    sign_in(page, live_app, "li", f"/console/cases/{number}")
    page.locator("#field-pause-reason").fill("等待投诉人补充材料")
    act(container, number, clerk_of(container, login="zhou"), Action.start)  # a colleague

    page.locator('[data-action="pause"]').click()

    expect(page.get_by_role("heading", name="案件已被他人修改")).to_be_visible()
    expect(page.locator('[data-stale] [data-event="start"]')).to_have_count(1)
    expect(page.locator("#field-pause-reason")).to_have_value("等待投诉人补充材料")
    screenshot(page, "console-case-stale")
    page.locator('[data-action="pause"]').click()
    expect(page.get_by_role("status")).to_have_text("已暂停计时。")


def test_the_case_page_is_usable_at_a_phones_width(
    phone_page: Page, live_app: AppProcess, container: Container
) -> None:
    li = clerk_of(container)
    number = file_case(container, HOSTILE + "x" * 200, latitude=39.1652, longitude=117.1588)
    add_evidence(container, number, PNG, "一张很长很长很长很长的现场照片文件名称.png", "image/png")
    act(container, number, li, Action.sign)
    sign_in(phone_page, live_app, "li", f"/console/cases/{number}")

    overflow = phone_page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )

    assert overflow <= 0
    assert phone_page.viewport_size == PHONE
    assert reading_problems(phone_page) == []
    button = phone_page.locator('[data-action="resolve"]')
    button.scroll_into_view_if_needed()
    expect(button).to_be_visible()
    assert button.bounding_box()["width"] > 300  # type: ignore[index]
    expect(phone_page.locator("[data-sketch]")).to_be_visible()
    screenshot(phone_page, "console-case")
