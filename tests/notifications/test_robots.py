"""Units' robots: each service's body and signing, its error answers, size and rate limits."""

from __future__ import annotations

import base64
import hashlib
import hmac
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

from backend.db import session_scope
from backend.notifications.channels import failing_channels
from backend.notifications.robots import SERVICES, cut
from tests.notifications.conftest import PUBLIC_URL, District


def test_each_service_gets_its_own_body_and_signature(district: District) -> None:
    d = district
    d.give_robot("czj", "dingtalk", "/dingtalk/czj", secret="SEC-ding")
    d.give_robot("czj", "feishu", "/feishu/czj", secret="feishu-secret")
    d.give_robot("czj", "json", "/json/czj")
    number = d.file().case.number
    d.robots.requests.clear()
    d.tick()
    link = f"{PUBLIC_URL}/console/cases/{number}"
    (ding_path, ding), (_, feishu), (_, plain) = d.robots.requests
    assert ding["msgtype"] == "text" and link in ding["text"]["content"]
    query = parse_qs(urlsplit(ding_path).query)
    stamp = query["timestamp"][0]
    expected = hmac.new(b"SEC-ding", f"{stamp}\nSEC-ding".encode(), hashlib.sha256).digest()
    assert query["sign"][0] == base64.b64encode(expected).decode()
    assert int(stamp) == int(d.clock.now().timestamp() * 1000)
    assert feishu["msg_type"] == "text" and number in feishu["content"]["text"]
    key = f"{feishu['timestamp']}\nfeishu-secret".encode()
    assert feishu["sign"] == base64.b64encode(hmac.new(key, b"", hashlib.sha256).digest()).decode()
    assert (plain["kind"], plain["case"], plain["link"]) == ("new_case", number, link)
    assert plain["text"].startswith("【新案件】")
    assert [r.state for r in d.rows("robot")] == ["sent", "sent", "sent"]


def test_an_error_code_in_a_200_answer_is_retried_not_taken_for_success(
    district: District,
) -> None:
    d = district
    d.give_robot("czj", "wecom", "/wecom/czj")
    d.robots.script["/wecom/czj"] = [
        (200, {"errcode": 93000, "errmsg": "invalid webhook url"}),
        (200, {"errcode": 0, "errmsg": "ok"}),
    ]
    d.file()
    d.robots.requests.clear()
    d.tick()
    (row,) = d.rows("robot")
    assert (row.state, row.last_error) == ("pending", "robot: error 93000: invalid webhook url")
    d.clock.advance(seconds=29)
    d.tick()
    assert len(d.robots.requests) == 1  # the back-off: 30 s
    d.clock.advance(seconds=1)
    d.tick()
    assert [r.state for r in d.rows("robot")] == ["sent"]
    assert len(d.robots.requests) == 2


def test_a_429_or_a_too_fast_code_waits_a_minute_without_counting_as_a_failure(
    district: District,
) -> None:
    d = district
    robot = d.give_robot("czj", "dingtalk", "/dingtalk/czj")
    d.robots.script["/dingtalk/czj"] = [
        (429, ""),
        (200, {"errcode": 130101, "errmsg": "send too fast"}),
        (200, {"errcode": 0, "errmsg": "ok"}),
    ]
    d.file()
    d.tick()
    (row,) = d.rows("robot")
    assert row.next_attempt_at == d.clock.now() + timedelta(seconds=60)
    d.clock.advance(seconds=60)
    d.tick()
    d.clock.advance(seconds=60)
    d.tick()
    assert [r.state for r in d.rows("robot")] == ["sent"]
    assert d.robot(robot).failures == 0


def test_a_robot_gets_no_more_than_its_service_takes_a_minute(district: District) -> None:
    d = district
    d.give_robot("czj", "wecom", "/wecom/czj")
    for _ in range(23):
        d.file()
    d.robots.requests.clear()
    d.tick()
    assert len(d.robots.requests) == SERVICES["wecom"].per_minute == 20
    d.clock.advance(seconds=30)
    d.tick()
    assert len(d.robots.requests) == 20  # nothing sent over the rate: the rest waits
    d.clock.advance(seconds=31)
    d.tick()
    assert len(d.robots.requests) == 23
    assert {r.state for r in d.rows("robot")} == {"sent"}


def test_a_text_too_long_for_the_service_is_cut_keeping_the_link() -> None:
    link = f"{PUBLIC_URL}/console/cases/HQ-2026-000001"
    text = cut("督办" * 2000, link, SERVICES["wecom"].max_bytes)
    assert len(text.encode()) <= 2048
    assert text.endswith("…\n" + link)
    assert cut("短", link, 2048) == f"短\n{link}"


def test_a_failing_robot_is_marked_and_does_not_delay_the_other_channels(
    district: District,
) -> None:
    d = district
    broken = d.give_robot("czj", "wecom", "/wecom/broken")
    d.give_robot("czj", "feishu", "/feishu/czj")
    d.give_email(d.clerk, "li@czj.gov.test")
    d.robots.script["/wecom/broken"] = [(502, "bad gateway")]
    number = d.file().case.number
    d.tick()
    # The others went out in the same round.
    assert [b["content"]["text"][:5] for b in d.robots.bodies("/feishu/czj")][-1] == "【新案件】"
    assert number in d.smtp.to("li@czj.gov.test")[-1].subject
    for seconds in (30, 60, 120):  # the back-off; at the third failure in a row: failing
        d.clock.advance(seconds=seconds)
        d.tick()
    assert d.robot(broken).state == "failing"
    with session_scope(d.container.engine) as session:
        assert [c.id for c in failing_channels(session)] == [broken]
    states = {r.chat_id: r.state for r in d.rows("robot")}
    assert states == {f"robot:{broken}": "failed", f"robot:{broken + 1}": "sent"}
    # Not retried forever, and left out of the next notices until it takes a test message.
    calls = len(d.robots.bodies("/wecom/broken"))
    d.clock.advance(hours=2)
    d.file()
    d.tick()
    assert len(d.robots.bodies("/wecom/broken")) == calls
    assert len(d.robots.bodies("/feishu/czj")) == 3  # the test, then two new cases


def test_a_robot_that_hangs_up_after_the_request_is_not_sent_the_notice_again(
    district: District,
) -> None:
    d = district
    d.give_robot("czj", "wecom", "/wecom/czj")
    d.robots.script["/wecom/czj"] = [(0, ""), (200, {"errcode": 0, "errmsg": "ok"})]
    d.file()
    d.tick()
    (row,) = d.rows("robot")
    assert row.state == "unconfirmed" and "RemoteProtocolError" in (row.last_error or "")
    d.clock.advance(minutes=5)
    d.tick()
    assert len(d.robots.bodies("/wecom/czj")) == 2  # the test message, the one attempt
