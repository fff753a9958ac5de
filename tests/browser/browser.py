"""The real Chromium (Debian's `chromium` package), driven by Playwright, and its screenshots.

Playwright's own browser download cannot be reached from here, so it launches the system's
Chromium by its path. Found: the browser tests run. Not found: they are skipped with a line
that says so, unless `INTAKE_TEST_REQUIRE_BROWSER=1` (set by .ci/run), where that fails them.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from playwright.sync_api import Page

REPOSITORY = Path(__file__).resolve().parents[2]
SCREENSHOTS = Path(
    os.environ.get("INTAKE_TEST_SCREENSHOTS")
    or REPOSITORY / "tests" / ".artifacts" / "screenshots"
)
REQUIRED = os.environ.get("INTAKE_TEST_REQUIRE_BROWSER", "").strip() in {"1", "true", "yes"}
CANDIDATES = ("chromium", "chromium-browser", "/usr/bin/chromium", "/usr/lib/chromium/chromium")
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
# The longest a condition may take to hold on a busy 2-core machine: a first sign-in on CI's
# shared runner once took past 15 s (the whole suite in one process, other jobs beside it).
WAIT_MS = 30_000


def find_chromium() -> str | None:
    """Return the path of the system's Chromium, or None.

    `INTAKE_TEST_CHROMIUM`, when set, is the only one tried (a wrong path is not replaced by
    another browser); otherwise the usual names and paths of Debian's package.
    """
    named = os.environ.get("INTAKE_TEST_CHROMIUM", "").strip()
    for candidate in [named] if named else CANDIDATES:
        found = shutil.which(candidate)
        if found:
            return found
    return None


def screenshot(page: Page, name: str) -> Path:
    """Save a full-page screenshot as tests/.artifacts/screenshots/NAME-WIDTH.png."""
    width = page.viewport_size["width"] if page.viewport_size else 0
    safe = re.sub(r"[^a-z0-9_-]+", "-", name.lower()).strip("-")
    path = SCREENSHOTS / f"{safe}-{width}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=True)
    return path


_READING_PROBLEMS = """() => {
  const problems = [];
  for (const field of document.querySelectorAll("input, select, textarea")) {
    if (field.type === "hidden") continue;
    const labelled = (field.labels && field.labels.length) || field.getAttribute("aria-label");
    if (!labelled) problems.push("no label: " + (field.name || field.id || field.type));
  }
  let last = 0;
  for (const heading of document.querySelectorAll("h1, h2, h3, h4, h5, h6")) {
    const level = Number(heading.tagName[1]);
    if (level > last + 1) problems.push("heading skips to " + heading.tagName);
    last = level;
  }
  if (document.querySelectorAll("h1").length !== 1) problems.push("not exactly one h1");
  if (!document.documentElement.lang) problems.push("no lang on <html>");
  return problems;
}"""


def reading_problems(page: Page) -> list[str]:
    """Return what a basic accessibility read finds: unlabelled fields, headings out of order."""
    found: list[str] = page.evaluate(_READING_PROBLEMS)
    return found
