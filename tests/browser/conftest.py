"""Fixtures: the real app served by uvicorn on a free port, and pages of the real Chromium.

`live_app` serves `bot.serve.build_web_app` (API, console, web chat) on the test's database
and FakeClock, in a thread of its own (tests/e2e/telegram_app.py's AppProcess). `page` is a
desktop-sized tab, `phone_page` a 390 px wide one; both fail the test if the browser reports
a Content-Security-Policy violation or a script error.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Playwright,
    Request,
    Response,
    expect,
    sync_playwright,
)

from backend.bootstrap import Container
from tests.browser.browser import (
    DESKTOP,
    LAUNCH_ARGS,
    PHONE,
    REQUIRED,
    SCREENSHOTS,
    WAIT_MS,
    find_chromium,
)
from tests.e2e.telegram_app import AppProcess, bind_socket

_skipped: list[str] = []


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = find_chromium()
    if path is None:
        missing = "no Chromium found (apt-get install chromium)"
        if REQUIRED:
            pytest.fail(f"INTAKE_TEST_REQUIRE_BROWSER is set but {missing}", pytrace=False)
        _skipped.append(missing)
        pytest.skip(f"{missing}: browser tests skipped")
    return path


# Package scope, not session: Playwright's sync API keeps an event loop running in the main
# thread while it is open, and tests after these ones call asyncio.run(). Closed when the
# last test of tests/browser is done; every browser test lives in this package.
@pytest.fixture(scope="package")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as running:
        yield running


@pytest.fixture(scope="package")
def browser(playwright: Playwright, chromium_path: str) -> Iterator[Browser]:
    launched = playwright.chromium.launch(executable_path=chromium_path, args=LAUNCH_ARGS)
    expect.set_options(timeout=WAIT_MS)
    yield launched
    launched.close()


@pytest.fixture
def live_app(container: Container) -> Iterator[AppProcess]:
    """The whole web app served over real HTTP on 127.0.0.1 (a free port)."""
    process = AppProcess(container, bind_socket()).start()
    yield process
    process.stop()


class PageProblems:
    """What the browser complained about: policy violations, script errors, missing files.

    A page's own status (a 400 after a wrong password, the 404 page) is no problem; a
    script, style or image that does not load is.
    """

    SUBRESOURCES = frozenset({"script", "stylesheet", "image", "font", "fetch", "xhr"})
    ANSWERED = frozenset({409, 413, 415, 422, 429})  # the web chat API's worded refusals

    def __init__(self) -> None:
        self.found: list[str] = []

    def watch(self, page: Page) -> Page:
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.found.append(f"script error: {error}"))
        page.on("response", self._response)
        page.on("requestfailed", self._failed)
        return page

    def _failed(self, request: Request) -> None:
        if request.resource_type in ("fetch", "xhr") and request.failure == "net::ERR_ABORTED":
            return  # the page's own call cut by a reload or a navigation (a pending poll)
        self.found.append(f"failed: {request.url} ({request.failure})")

    def _console(self, message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            self.found.append(f"policy: {message.text}")

    def _response(self, response: Response) -> None:
        kind, status = response.request.resource_type, response.status
        if kind in ("fetch", "xhr") and status in self.ANSWERED:
            return  # a refusal the API words and the script shows (an upload over the limit)
        if kind == "fetch" and status == 401 and "/chat/api/" in response.url:
            return  # a chat's token unused past its limit: the page starts a new chat, says why
        if status >= 400 and kind in self.SUBRESOURCES:
            self.found.append(f"{status}: {response.url}")


@pytest.fixture
def open_page(browser: Browser) -> Iterator[Callable[..., Page]]:
    """Open a tab in a fresh browser profile: `open_page(viewport=PHONE, javascript=False)`."""
    contexts: list[tuple[BrowserContext, PageProblems]] = []

    def opener(
        viewport: dict[str, int] = DESKTOP, *, javascript: bool = True, locale: str = "zh-CN"
    ) -> Page:
        context = browser.new_context(
            viewport=viewport,  # type: ignore[arg-type]
            java_script_enabled=javascript,
            locale=locale,
            is_mobile=viewport["width"] < 500,
            has_touch=viewport["width"] < 500,
        )
        context.set_default_timeout(WAIT_MS)
        problems = PageProblems()
        contexts.append((context, problems))
        return problems.watch(context.new_page())

    yield opener
    found = [problem for _, problems in contexts for problem in problems.found]
    for context, _ in contexts:
        context.close()
    assert found == [], f"the browser reported problems: {found}"


@pytest.fixture
def page(open_page: Callable[..., Page]) -> Page:
    """A desktop-sized tab (1280 x 800)."""
    return open_page(DESKTOP)


@pytest.fixture
def phone_page(open_page: Callable[..., Page]) -> Page:
    """A phone-sized tab (390 x 844, touch)."""
    return open_page(PHONE)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say clearly, at the end of the run, when the browser tests did not run."""
    if _skipped:
        terminalreporter.write_sep("!", f"BROWSER TESTS SKIPPED: {_skipped[0]}", yellow=True)
    elif SCREENSHOTS.exists():
        count = len(list(SCREENSHOTS.glob("*.png")))
        terminalreporter.write_line(f"browser screenshots: {count} in {SCREENSHOTS}")
