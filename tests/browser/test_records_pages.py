"""The public records page (公示) and the console's records screens in the real Chromium."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from playwright.sync_api import Page, expect

from backend.bootstrap import Container
from tests.browser.browser import DESKTOP, PHONE, reading_problems, screenshot
from tests.browser.test_console_case import clerk_of, sign_in
from tests.e2e.telegram_app import AppProcess, staff_member
from tests.records.helpers import RECORD


def record_through_api(app: AppProcess, container: Container, **body: Any) -> dict[str, Any]:
    """File a record as the finance bureau's clerk over the live app's API."""
    _, czj = staff_member(container, "clerk", "czj", "财政局 API")
    filed = app.api("POST", "/records", czj, json={**RECORD, **body})
    assert filed.status_code == 201, filed.text
    created: dict[str, Any] = filed.json()
    return created


def publish(app: AppProcess, container: Container, record: dict[str, Any]) -> None:
    _, fgw = staff_member(container, "clerk", "fgw", "发改委 API")
    done = app.api(
        "POST",
        f"/records/{record['number']}/actions",
        fgw,
        json={"action": "publish", "version": record["version"]},
    )
    assert done.status_code == 200, done.text


def test_the_public_page_lists_a_published_record_in_chinese_and_english_without_script(
    open_page: Callable[..., Page], live_app: AppProcess, container: Container
) -> None:
    record = record_through_api(live_app, container)
    hidden = record_through_api(live_app, container, person_name="未公示")
    publish(live_app, container, record)
    page = open_page(PHONE)
    page.goto(live_app.url + "/public/records")
    card = page.locator("article.record")
    expect(card).to_have_count(1)
    expect(card).to_contain_text("李某 · 科长")
    expect(card).to_contain_text("区财政局")
    expect(card).to_contain_text("津红纪〔2026〕12号")
    expect(page.locator("body")).not_to_contain_text(hidden["person_name"])
    assert page.evaluate("document.scripts.length") == 0
    assert reading_problems(page) == []
    screenshot(page, "public-records")
    page.get_by_role("link", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("Published dishonesty records")
    expect(card).to_contain_text("Disciplinary sanction")
    screenshot(page, "public-records-en")


def test_the_public_page_refuses_an_inline_script_by_its_policy(
    open_page: Callable[..., Page], live_app: AppProcess
) -> None:
    page = open_page(DESKTOP)
    response = page.goto(live_app.url + "/public/records")
    assert response is not None
    assert "script-src 'none'" in response.headers["content-security-policy"]
    expect(page.locator("link[rel=stylesheet]")).to_have_count(1)
    color = page.evaluate(
        "getComputedStyle(document.querySelector('.site-header')).backgroundColor"
    )
    assert color == "rgb(166, 27, 27)"  # the style sheet of its own loaded under the policy


def test_the_lead_office_filters_the_console_list_and_orders_rectification(
    open_page: Callable[..., Page], live_app: AppProcess, container: Container
) -> None:
    record = record_through_api(live_app, container)
    number = record["number"]
    clerk_of(container, "fgw", "wangf")
    page = open_page(DESKTOP)
    sign_in(page, live_app, "wangf", "/console/records")
    expect(page.locator(f'tr[data-record="{number}"]')).to_be_visible()
    page.locator("#filter-state").select_option("published")
    page.get_by_role("button", name="筛选").click()
    expect(page.locator("body")).to_contain_text("没有符合条件的记录")
    page.locator("#filter-state").select_option("rectifying")
    page.locator("#filter-state").select_option("")
    page.locator("#filter-department").select_option("czj")
    page.get_by_role("button", name="筛选").click()
    expect(page.locator(f'tr[data-record="{number}"]')).to_be_visible()
    assert reading_problems(page) == []
    screenshot(page, "console-records")

    page.get_by_role("link", name=number).click()
    expect(page.locator("h1")).to_have_text(f"失信记录 {number}")
    form = page.locator('form[data-action="order_rectification"]')
    form.get_by_label("期限（工作日，不填按默认）").fill("5")
    assert reading_problems(page) == []
    form.get_by_role("button", name="责令书面说明并限期整改").click()
    expect(page.get_by_role("status")).to_have_text("已办理：责令书面说明并限期整改")
    expect(page.locator('[data-clock="rectify"]')).to_contain_text("区财政局")
    screenshot(page, "console-record")

    unit = open_page(DESKTOP)
    clerk_of(container, "czj", "li")
    sign_in(unit, live_app, "li", f"/console/records/{number}")
    expect(unit.locator('form[data-action="submit_rectification"]')).to_be_visible()
    expect(unit.locator('form[data-action="order_rectification"]')).to_have_count(0)


def test_a_clerk_files_a_record_in_the_console_and_the_next_form_starts_empty(
    open_page: Callable[..., Page], live_app: AppProcess, container: Container
) -> None:
    clerk_of(container, "czj", "li")
    page = open_page(DESKTOP)
    sign_in(page, live_app, "li", "/console/records")
    page.get_by_role("link", name="登记失信记录").click()
    expect(page.locator("h1")).to_have_text("登记失信记录")
    expect(page.get_by_label("失信人员所在单位")).to_have_value("czj")  # the own unit
    page.get_by_label("失信人员姓名").fill("王某")
    page.get_by_label("职务").fill("科员")
    page.get_by_label("认定类型").select_option("penalty")
    page.get_by_label("认定机关").fill("区市场监管局")
    page.get_by_label("文书编号").fill("津红市监罚〔2026〕7号")
    page.get_by_label("信息产生日期").fill("2026-11-25")
    page.get_by_label("严重程度").select_option("general")
    page.get_by_label("失信情况摘要").fill("承诺的审批时限多次超期")
    assert reading_problems(page) == []
    screenshot(page, "console-record-new")

    page.get_by_role("button", name="登记", exact=True).click()

    expect(page.get_by_role("status")).to_have_text("已登记并报送牵头单位。")
    expect(page.locator("h1")).to_contain_text("失信记录 HQ-")
    expect(page.locator("body")).to_contain_text("承诺的审批时限多次超期")
    page.goto(live_app.url + "/console/records/new")
    expect(page.get_by_label("失信人员姓名")).to_have_value("")  # what was filed is not kept
