"""The web chat in the real Chromium: its script and style load under the policy and it talks."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, Route, expect

from dialogs import texts
from tests.browser.browser import DESKTOP, PHONE, reading_problems, screenshot
from tests.e2e.telegram_app import AppProcess


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_message_goes_out_and_the_answer_comes_back(
    open_page: Callable[..., Page], live_app: AppProcess, viewport: dict[str, int]
) -> None:
    page = open_page(viewport)
    page.goto(live_app.url + "/chat")
    bot = page.locator(".msg.bot")
    expect(bot.first).to_contain_text("红桥区")  # the greeting: the script ran
    greeted = bot.count()

    page.get_by_label("输入消息").fill("/help")
    page.get_by_role("button", name="发送", exact=True).click()

    expect(page.locator(".msg.me").last).to_contain_text("/help")
    expect(bot).to_have_count(greeted + 1)
    expect(bot.last).to_contain_text("/report")
    header = page.evaluate("() => getComputedStyle(document.querySelector('header')).display")
    assert header == "flex"  # the style file applied
    assert reading_problems(page) == []
    screenshot(page, "webchat")


@pytest.mark.parametrize(
    ("locale", "greeting"), [("en-US", "Hongqiao"), ("fr-FR", "红桥区"), ("zh-TW", "红桥区")]
)
def test_a_first_visit_speaks_the_browsers_language_when_it_is_english(
    open_page: Callable[..., Page], live_app: AppProcess, locale: str, greeting: str
) -> None:
    # Reviewer, 2026-12-01: an English browser was greeted in Chinese (the script always
    # opened the session in Chinese). Chinese stays first for any other language.
    page = open_page(DESKTOP, locale=locale)
    page.goto(live_app.url + "/chat")
    expect(page.locator(".msg.bot").first).to_contain_text(greeting)


def test_an_empty_file_is_not_shown_as_sent_and_the_notice_says_what_to_do(
    page: Page, live_app: AppProcess
) -> None:
    # Reviewer, 2026-12-01: a 0-byte file left "📎 zero.bin" in the log as if sent, and the
    # refusal "文件是空的。" said nothing of what to do.
    page.goto(live_app.url + "/chat")
    expect(page.locator(".msg.bot").first).to_contain_text("红桥区")

    page.locator("#file").set_input_files(
        files=[{"name": "zero.bin", "mimeType": "application/octet-stream", "buffer": b""}]
    )

    expect(page.locator("#notice")).to_have_text(
        "文件是空的（0 字节），没有发送：请选择另一个文件。"
    )
    expect(page.locator(".msg.me")).to_have_count(0)


def _fake_dialog(page: Page, replies: list[dict[str, object]]) -> None:
    """Answer the page's API calls with these replies (the layout is what is tested)."""

    def answer(route: Route) -> None:
        path = route.request.url.split("/chat/api", 1)[1]
        if path.startswith("/session") and route.request.method == "POST":
            body: dict[str, object] = {"token": "t", "replies": replies, "language": "zh"}
        elif path.startswith("/session"):
            body = {"language": "zh"}
        elif path.startswith("/updates"):
            body = {"messages": [], "last_id": 0}
        else:
            body = {"replies": [], "language": "zh"}
        route.fulfill(status=200, content_type="application/json", body=json.dumps(body))

    page.route("**/chat/api/**", answer)


RECEIPT = texts.render("zh", "complaint.filed_anonymous", number="HQ-261130-0004", pin="042917")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_last_message_stays_above_the_phone_bar(
    open_page: Callable[..., Page], live_app: AppProcess, viewport: dict[str, int]
) -> None:
    page = open_page(viewport)
    earlier = [{"text": f"第 {n} 条消息\n" + "内容" * 40, "buttons": []} for n in range(12)]
    asking = {
        "text": "请留下电话号码",
        "buttons": [],
        "request": {"kind": "contact", "label": "电话"},
    }
    _fake_dialog(page, [*earlier, asking])
    page.goto(live_app.url + "/chat")

    expect(page.locator("#phone-form")).to_be_visible()
    last = page.locator(".msg").last
    expect(last).to_contain_text("请留下电话号码")
    footer_top = page.locator("footer").bounding_box()
    message = last.bounding_box()
    assert footer_top is not None and message is not None
    assert message["y"] + message["height"] <= footer_top["y"] + 0.5
    assert message["y"] >= 0  # on screen, not scrolled away above
    screenshot(page, "webchat-phone-bar")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_case_number_stays_on_one_line_and_the_pin_stands_apart(
    open_page: Callable[..., Page], live_app: AppProcess, viewport: dict[str, int]
) -> None:
    page = open_page(viewport)
    _fake_dialog(page, [{"text": RECEIPT, "buttons": []}])
    page.goto(live_app.url + "/chat")

    numbers = page.locator(".msg .case-number")
    expect(numbers).to_have_count(2)
    expect(numbers.first).to_have_text("HQ-261130-0004")
    for index in range(2):
        number = numbers.nth(index)
        assert number.evaluate("(el) => getComputedStyle(el).whiteSpace") == "nowrap"
        lines = number.evaluate("(el) => el.getClientRects().length")
        assert lines == 1  # one box: the number is not broken over two lines
    pin = page.locator(".msg .secret")
    expect(pin).to_have_text("🔑 提取码：042917")
    assert pin.evaluate("(el) => getComputedStyle(el).display") == "block"
    expect(page.locator(".msg").last).to_contain_text("只显示这一次")
    screenshot(page, "webchat-receipt")


def _in_sight(page: Page, selector: str) -> bool:
    """Return whether the element is drawn inside the window and above the footer's top."""
    box, footer = page.locator(selector).bounding_box(), page.locator("#composer").bounding_box()
    assert box is not None and footer is not None
    return bool(box["y"] >= 0 and box["y"] + box["height"] <= footer["y"] + 0.5)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_refused_upload_is_answered_in_sight_and_stays_in_the_log(
    open_page: Callable[..., Page], live_app: AppProcess, viewport: dict[str, int]
) -> None:
    # Reviewer, 2026-12-02: a refusal was drawn under the input bar, and the "📎 file" bubble
    # stayed in the log as if sent (after a reload nothing said it was refused).
    page = open_page(viewport)
    page.goto(live_app.url + "/chat")
    expect(page.locator(".msg.bot").first).to_contain_text("红桥区")
    for _ in range(6):  # a long log first: the end of it is what the reader sees
        page.get_by_label("输入消息").fill("/help")
        page.get_by_role("button", name="发送", exact=True).click()
    expect(page.locator(".msg.bot")).to_have_count(7)

    page.locator("#file").set_input_files(
        files=[
            {"name": "scene.jpg", "mimeType": "image/jpeg", "buffer": b"\xff\xd8\xff" + b"x" * 64}
        ]
    )

    refusal = page.locator(".msg.bot").last
    expect(refusal).to_contain_text("/report")  # no complaint open: where to start
    assert _in_sight(page, ".msg.bot >> nth=-1")
    page.reload()
    expect(page.locator(".msg").last).to_contain_text("/report")
    screenshot(page, f"webchat-refused-upload-{viewport['width']}")


def test_a_message_takes_one_tap_and_a_second_lands_nowhere(
    page: Page, live_app: AppProcess
) -> None:
    # Reviewer, 2026-12-02: a double tap on 确认提交 sent 取消 as well (the list had scrolled).
    page.goto(live_app.url + "/chat")
    menu = page.locator(".msg.bot").first
    expect(menu).to_contain_text("红桥区")
    first = menu.locator("button").first
    first.click()

    expect(page.locator(".msg.me")).to_have_count(1)
    assert all(b.is_disabled() for b in menu.locator("button").all())
    expect(page.locator(".msg.me")).to_have_count(1)


@pytest.mark.parametrize("chosen", [3, 6])
def test_several_photos_chosen_at_once_are_each_attached_up_to_the_limit(
    page: Page, live_app: AppProcess, chosen: int
) -> None:
    # A citizen picks three photos of the scene in one go (the phone's gallery lets them):
    # the input takes several files, and each is sent and counted as if chosen one by one.
    page.goto(live_app.url + "/chat")
    expect(page.locator(".msg.bot").first).to_contain_text("红桥区")
    page.get_by_label("输入消息").fill("/report")
    page.get_by_role("button", name="发送", exact=True).click()
    expect(page.locator(".msg.bot")).to_have_count(2)

    page.locator("#file").set_input_files(
        files=[
            {
                "name": f"scene{n}.jpg",
                "mimeType": "image/jpeg",
                "buffer": b"\xff\xd8\xff" + bytes([n]) * 64,
            }
            for n in range(chosen)
        ]
    )

    for n in range(chosen):
        expect(page.locator(".msg.me", has_text=f"scene{n}.jpg")).to_have_count(1)
    for count in range(1, min(chosen, 5) + 1):
        expect(page.locator(".msg.bot", has_text=f"已收到附件（{count}/5）")).to_have_count(1)
    # Past five, the one too many is refused in words, whichever of them came last.
    expect(page.locator(".msg", has_text="不能再添加")).to_have_count(max(0, chosen - 5))


def _focused(page: Page) -> str:
    """Describe where the focus is: 'newest' (a button of the newest message), or an id."""
    return str(
        page.evaluate(
            """() => {
              const active = document.activeElement;
              const newest = document.querySelector('#log').lastElementChild;
              if (active && newest && newest.contains(active)) return 'newest';
              return active ? (active.id || active.tagName) : 'none';
            }"""
        )
    )


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_choice_taken_by_keyboard_leaves_the_focus_on_the_next_question(
    open_page: Callable[..., Page], live_app: AppProcess, viewport: dict[str, int]
) -> None:
    # Reviewer, 2026-12-02: after every choice the focus fell to <body> (the tapped buttons
    # are disabled), throwing a keyboard or screen-reader user back to the top of the page.
    page = open_page(viewport)
    page.goto(live_app.url + "/chat")
    bot = page.locator(".msg.bot")
    expect(bot.first).to_contain_text("红桥区")
    first = bot.first.locator("button").first
    first.focus()

    page.keyboard.press("Enter")

    expect(bot).to_have_count(2)
    expect(bot.last.locator("button").first).to_be_focused()
    assert _focused(page) == "newest"
    page.keyboard.press("Enter")  # and on, by keyboard alone
    expect(bot).to_have_count(3)
    assert _focused(page) in ("newest", "text")


def test_typing_keeps_the_focus_in_the_text_box(page: Page, live_app: AppProcess) -> None:
    page.goto(live_app.url + "/chat")
    expect(page.locator(".msg.bot").first).to_contain_text("红桥区")
    page.get_by_label("输入消息").fill("/help")
    page.get_by_label("输入消息").press("Enter")
    expect(page.locator(".msg.bot")).to_have_count(2)
    expect(page.get_by_label("输入消息")).to_be_focused()


def test_a_message_answered_by_a_tap_stays_spent_after_a_reload(
    page: Page, live_app: AppProcess
) -> None:
    # Reviewer, 2026-12-02: a reload drew every tapped button live again.
    page.goto(live_app.url + "/chat")
    greeting = page.locator(".msg.bot").first
    expect(greeting).to_contain_text("红桥区")
    greeting.locator("button").first.click()
    expect(page.locator(".msg.bot")).to_have_count(2)

    page.reload()

    expect(page.locator(".msg.bot")).to_have_count(2)
    assert all(b.is_disabled() for b in page.locator(".msg.bot").first.locator("button").all())
    assert page.locator(".msg.bot").last.locator("button:enabled").count() > 0


def test_each_answer_is_marked_with_the_language_it_was_written_in(
    page: Page, live_app: AppProcess
) -> None:
    # Reviewer, 2026-12-02: after a switch to English the Chinese greeting had no lang, so a
    # screen reader read it with the English voice.
    page.goto(live_app.url + "/chat")
    bot = page.locator(".msg.bot")
    expect(bot.first).to_contain_text("红桥区")
    page.locator("#lang-switch").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    switched = page.locator(".msg.bot", has_text="Switched to English.")
    expect(switched).to_have_attribute("lang", "en")
    expect(bot.first).to_have_attribute("lang", "zh-CN")


def test_the_header_reads_and_taps_well_on_a_phone(
    open_page: Callable[..., Page], live_app: AppProcess
) -> None:
    # Reviewer, 2026-12-02: header buttons 36 px high, a blue focus ring on the red header
    # (1.45:1), a placeholder at 4.22:1.
    page = open_page(PHONE)
    page.goto(live_app.url + "/chat")
    expect(page.locator(".msg.bot").first).to_contain_text("红桥区")
    for button in ("#lang-switch", "#restart"):
        box = page.locator(button).bounding_box()
        assert box is not None and box["height"] >= 44
    page.locator("#lang-switch").focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # by keyboard: the ring :focus-visible draws
    ring = page.evaluate(
        "() => getComputedStyle(document.querySelector('#lang-switch')).outlineColor"
    )
    text = page.evaluate("() => getComputedStyle(document.querySelector('header')).color")
    assert ring == text  # the header's own text colour, which reads on its red
    placeholder = page.evaluate(
        "() => getComputedStyle(document.querySelector('#text'), '::placeholder').color"
    )
    assert placeholder == "rgb(95, 99, 104)"  # --muted: 5.7:1 on the page's grey
    expect(page.locator("#phone-send")).to_have_attribute("aria-label", "发送电话号码")


def test_a_mistyped_address_shows_a_page_that_fits_a_phone_and_leads_back(
    open_page: Callable[..., Page], live_app: AppProcess
) -> None:
    page = open_page(PHONE)
    answer = page.goto(live_app.url + "/chat/reprot")
    assert answer is not None and answer.status == 404
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    assert reading_problems(page) == []

    page.get_by_role("link", name="回到投诉举报对话").click()

    expect(page.locator(".msg.bot").first).to_contain_text("红桥区")


def test_the_notice_is_a_live_region_before_it_speaks_and_empty_takes_no_room(
    page: Page, live_app: AppProcess
) -> None:
    # Reviewer, 2026-12-02: the status was un-hidden as its text was set, so some screen
    # readers did not announce "正在上传…".
    page.goto(live_app.url + "/chat")
    expect(page.locator(".msg.bot").first).to_contain_text("红桥区")
    notice = page.locator("#notice")
    expect(notice).to_have_attribute("role", "status")
    assert notice.evaluate("(el) => el.hidden") is False
    box = notice.bounding_box()
    assert box is not None and box["height"] == 0
