"""A channel has one name everywhere: the case page, the search filter, the dashboard, exports.

Reviewer, 2026-12-01: channel `api` was "接口" on the case page and "工作人员录入" in the case
spreadsheet; `console` was 控制台, 命令行对话 and 终端对话 on three pages.
"""

from __future__ import annotations

import pytest

from backend.cases.models import CASE_CHANNELS
from backend.console import texts
from backend.stats.messages import STATS_MESSAGES

CHANNELS = list(CASE_CHANNELS)  # the web console's staff_console as well


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_console_and_the_figures_name_each_channel_alike(language: str) -> None:
    console = [texts.render(language, f"channel.{c}") for c in CHANNELS]
    figures = [STATS_MESSAGES[f"channel_{c}"][language] for c in CHANNELS]
    assert console == figures
    assert not any(texts.has(f"case.channel.{c}") for c in CHANNELS)  # no second name
