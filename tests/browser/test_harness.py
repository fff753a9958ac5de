"""The browser fixtures themselves: a policy violation on a page does not go unnoticed."""

from __future__ import annotations

from playwright.sync_api import Browser

from tests.browser.conftest import PageProblems

INLINE = (
    '<meta http-equiv="Content-Security-Policy" content="script-src \'self\'">'
    '<title>untouched</title><script>document.title = "ran";</script>'
)


def test_an_inline_script_refused_by_the_policy_is_reported(browser: Browser) -> None:
    context = browser.new_context()
    problems = PageProblems()
    page = problems.watch(context.new_page())

    with page.expect_console_message(lambda message: "Content Security Policy" in message.text):
        page.set_content(INLINE)

    assert page.title() == "untouched"
    assert [p for p in problems.found if p.startswith("policy:")] != []
    context.close()
