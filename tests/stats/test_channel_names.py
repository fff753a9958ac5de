"""Every channel a case can come from has its name wherever channels are shown."""

from __future__ import annotations

import pytest

from backend.cases.models import CASE_CHANNELS
from backend.console.texts import en as console_en
from backend.console.texts import zh as console_zh
from backend.messages import MESSAGES


@pytest.mark.parametrize("channel", CASE_CHANNELS)
def test_each_channel_has_a_name_in_statistics_exports_and_the_console(channel: str) -> None:
    assert set(MESSAGES[f"channel_{channel}"]) == {"zh", "en"}
    assert f"channel.{channel}" in console_zh.TEXTS
    assert f"channel.{channel}" in console_en.TEXTS


def test_the_web_chats_cases_are_named_web_chat_not_their_code() -> None:
    assert MESSAGES["channel_web"] == {"zh": "网页对话", "en": "web chat"}
