"""A web-chat reporter who gave an address with `/email` hears by email and rates by a link."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from backend.cases.workflow import Action
from tests.deadlines.conftest import tianjin
from tests.notifications.conftest import PUBLIC_URL, District
from tests.notifications.test_reporter_email import _act
from tests.webchat.conftest import build_app
from tests.webchat.helpers import WebChat, file_complaint

ADDRESS = "chen@mail.test"


def test_a_web_chat_reporter_gets_the_resolution_and_the_rating_link_by_email(
    district: District,
) -> None:
    d = district
    with TestClient(build_app(d.container)) as client:
        chat = WebChat(client)
        chat.start()
        number, _ = file_complaint(chat)
        chat.command("email", ADDRESS)
        assert ADDRESS in chat.text
    d.confirm_reporter_email(ADDRESS)  # its owner opened the link sent to it
    _act(d, number, Action.sign)
    _act(d, number, Action.resolve, reply="工程款已全部支付")
    d.tick()
    subjects = [m.subject for m in d.smtp.to(ADDRESS)]
    assert f"您的投诉 {number} 已办结。答复：工程款已全部支付" in subjects
    assert all("/console/cases/" not in m.part("plain") for m in d.smtp.to(ADDRESS))
    d.clock.current = tianjin(2026, 11, 30, 9)  # the working day after: 回访
    d.tick()
    asked = d.smtp.to(ADDRESS)[-1]
    assert "请打开下面的链接评价办理结果" in asked.part("plain")
    assert re.search(rf"{PUBLIC_URL}/console/rate/\S+", asked.part("plain"))
