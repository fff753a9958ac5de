"""The case page over HTTP: what it shows, to whom, and the forms the workflow allows."""

from __future__ import annotations

import html

import pytest
from fastapi.testclient import TestClient

from backend.actors import Actor
from backend.bootstrap import Container
from backend.cases.models import CaseKind, CaseStatus
from backend.cases.queries import get_case
from backend.cases.workflow import Action, allowed_actions
from backend.console import texts
from backend.console.pages.case.forms import FIELDS
from backend.db import session_scope
from backend.deadlines.models import ClockKind, ClockState
from backend.people.models import StaffAccount
from tests.case_fixtures import ARREARS, HOSTILE, UNCLEAR, act, file_case
from tests.staff_console.case_visits import (
    clerk,
    coordinator,
    offered_actions,
    page_path,
    signed_in,
)

# A coordinator's actions on a case a unit holds (issue 12): type, supervision, joint handling.
JOINT = ("set_request_type", "supervise", "assist")


def allowed_by_workflow(container: Container, number: str, account: StaffAccount) -> set[str]:
    """Return what workflow.allowed_actions (the one rule) lets the account do now."""
    with session_scope(container.engine) as session:
        actor = Actor.staff(account)
        case = get_case(session=session, number=number, actor=actor)
        allowed = allowed_actions(session=session, case=case, actor=actor, env=container.case_env)
        return {a.value for a in allowed}


@pytest.mark.parametrize(
    ("role", "steps", "expected"),
    [
        ("coordinator", [], {"reassign", "reject", "merge", "set_rectification", *JOINT}),
        ("clerk", [], {"sign", "return", "declare_complex"}),
        (
            "clerk",
            ["sign"],
            {"start", "resolve", "return", "request_extension", "pause", "declare_complex"},
        ),
        ("coordinator", ["sign"], {"reassign", "merge", "set_rectification", *JOINT}),
        ("clerk", ["sign", "resolve"], set()),
        ("coordinator", ["sign", "resolve"], {"reopen", "close", "rate_by_phone"}),
    ],
)
def test_the_forms_shown_are_the_actions_the_workflow_allows(
    client: TestClient,
    container: Container,
    role: str,
    steps: list[str],
    expected: set[str],
) -> None:
    boss, li = coordinator(container), clerk(container)
    number = file_case(container, ARREARS)  # routed to czj
    for step in steps:
        act(container, number, li, Action(step), reply="已处理" if step == "resolve" else None)
    account = boss if role == "coordinator" else li
    visitor = signed_in(client, account)

    page = visitor.get(page_path(number))

    assert page.status_code == 200
    assert offered_actions(page.text) == allowed_by_workflow(container, number, account)
    assert offered_actions(page.text) == expected


def test_a_coordinator_is_offered_placing_a_triage_case(
    client: TestClient, container: Container
) -> None:
    number = file_case(container, UNCLEAR)
    visitor = signed_in(client, coordinator(container))

    page = visitor.get(page_path(number))

    assert "triage" in page.text or "待分派" in page.text
    assert offered_actions(page.text) == {"reassign", "reject", "merge", "set_request_type"}
    assert 'name="department"' in page.text and 'name="category"' in page.text


def test_a_clerk_of_another_unit_gets_the_404_page(
    client: TestClient, container: Container
) -> None:
    number = file_case(container, ARREARS)  # czj's
    visitor = signed_in(client, clerk(container, "sfj", "zhao"))

    page = visitor.get(page_path(number))

    assert page.status_code == 404
    assert "页面不存在" in page.text
    assert ARREARS not in page.text


def test_an_unknown_number_gets_the_404_page(client: TestClient, container: Container) -> None:
    visitor = signed_in(client, coordinator(container))

    assert visitor.get(page_path("HQ-000000-0000")).status_code == 404
    assert visitor.get(page_path("not-a-number")).status_code == 404


def test_the_text_is_shown_exactly_as_filed_and_never_interpreted(
    client: TestClient, container: Container
) -> None:
    number = file_case(container, HOSTILE)
    visitor = signed_in(client, coordinator(container))

    page = visitor.get(page_path(number))

    assert "<script>alert(1)</script>" not in page.text
    assert "<img src=x" not in page.text
    assert html.escape(HOSTILE, quote=True) in page.text or html.escape(HOSTILE) in page.text


def test_a_signed_out_visitor_is_sent_to_sign_in_and_back(client: TestClient) -> None:
    response = client.get(page_path("HQ-000000-0001"), follow_redirects=False)

    assert response.status_code == 303
    assert response.headers["location"].startswith("/console/sign-in?next=")


def test_the_reporter_is_shown_to_a_coordinator_for_a_named_report_only(
    client: TestClient, container: Container
) -> None:
    named = file_case(container, ARREARS, named=True)
    anonymous = file_case(container, ARREARS + "，还没有结果")
    boss = signed_in(client, coordinator(container))
    li = signed_in(client, clerk(container))

    assert "13812345678" in boss.get(page_path(named)).text
    assert "data-reporter" not in boss.get(page_path(anonymous)).text
    clerk_page = li.get(page_path(named)).text
    assert "13812345678" not in clerk_page and "张三" not in clerk_page
    assert "data-reporter" not in clerk_page


def test_the_clocks_show_their_due_dates_and_states(
    client: TestClient, container: Container
) -> None:
    number = file_case(container, ARREARS)
    visitor = signed_in(client, coordinator(container))

    page = visitor.get(page_path(number)).text

    assert "签收时限" in page and "计时中" in page and "截止 " in page


def test_similar_open_cases_are_listed(client: TestClient, container: Container) -> None:
    first = file_case(container, ARREARS)
    second = file_case(container, ARREARS + "。")
    visitor = signed_in(client, coordinator(container))

    page = visitor.get(page_path(second)).text

    assert f'href="/console/cases/{first}"' in page


def test_every_label_the_case_page_builds_at_run_time_has_a_text() -> None:
    built = [f"case.status.{s.value}" for s in CaseStatus]
    built += [f"case.action.{a.value}" for a in Action]
    built += [f"case.done.{a.value}" for a in Action] + ["case.done.note"]
    built += [f"case.clock.{k.value}" for k in ClockKind]
    built += [f"case.clock_state.{s.value}" for s in ClockState] + ["case.clock_state.overdue"]
    built += [f"case.kind.{k.value}" for k in CaseKind]
    built += [f"case.field.{name}" for name in FIELDS]

    assert sorted(key for key in built if not texts.has(key)) == []


def test_the_history_names_actions_units_and_categories_in_words(
    client: TestClient, container: Container
) -> None:
    number = file_case(container, UNCLEAR)
    boss = coordinator(container)
    act(container, number, boss, Action.reassign, department="czj", category="arrears")
    visitor = signed_in(client, boss)

    page = visitor.get(page_path(number)).text

    assert "<strong>派单 / 改派</strong>" in page
    assert "区财政局" in page and "拖欠企业账款" in page
    assert '<dd class="case-text">投诉举报</dd>' in page  # the kind in words, not its code
    assert '<dd class="case-text">complaint</dd>' not in page


def test_a_shared_location_shows_its_coordinates_and_the_nearest_street(
    client: TestClient, container: Container
) -> None:
    near = file_case(container, ARREARS, latitude=39.1652, longitude=117.1588)
    far = file_case(container, ARREARS + "，地点很远", latitude=40.5, longitude=118.0)
    visitor = signed_in(client, coordinator(container))

    near_page = visitor.get(page_path(near)).text
    far_page = visitor.get(page_path(far)).text

    assert "39.16520, 117.15880" in near_page and "最近的街道：西于庄街道" in near_page
    assert "40.50000, 118.00000" in far_page and "附近没有已配置的街道" in far_page
    assert "<iframe" not in near_page and "tile" not in near_page  # nothing from other sites
    assert "data-sketch" in near_page and "<title>西于庄街道</title>" in near_page


def test_a_case_without_a_location_shows_none(client: TestClient, container: Container) -> None:
    number = file_case(container, ARREARS)
    visitor = signed_in(client, coordinator(container))

    assert "data-location" not in visitor.get(page_path(number)).text


def test_the_case_page_carries_the_consoles_strict_policy(
    client: TestClient, container: Container
) -> None:
    number = file_case(container, ARREARS)
    visitor = signed_in(client, coordinator(container))

    page = visitor.get(page_path(number))

    (policy,) = page.headers.get_list("content-security-policy")
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert page.headers["cache-control"] == "no-store"
    assert '<script src="/console/static/case.js?v=' in page.text


def test_a_date_given_as_a_span_shows_the_span_and_the_words_typed(
    client: TestClient, container: Container
) -> None:
    from datetime import date

    from backend.cases.intake import Draft, submit

    with session_scope(container.engine) as session:
        draft = Draft(
            text=ARREARS,
            anonymous=True,
            occurred_on=date(2026, 10, 11),
            details={"occurred_as": "上个月中旬", "occurred_until": "2026-10-20"},
        )
        case = submit(session=session, draft=draft, actor=Actor("system"), env=container.case_env)
        number = case.case.number
    visitor = signed_in(client, coordinator(container))

    page = visitor.get(page_path(number)).text

    assert "2026-10-11 – 2026-10-20 (上个月中旬)" in page


def test_a_calendar_move_in_the_history_is_said_in_words(
    client: TestClient, container: Container
) -> None:
    number = file_case(container)
    visitor = signed_in(client, coordinator(container))
    visitor.get("/console/admin/calendar")
    day_off = {"day": "2026-12-01", "kind": "off", "reason": "暴雪停工"}
    assert visitor.post("/console/admin/calendar/overrides", day_off).status_code == 303

    page = visitor.get(page_path(number)).text

    assert "<dt>原截止</dt>" in page and "<dt>新截止</dt>" in page
    assert '<dd class="case-text">办结时限</dd>' in page
    assert '<dd class="case-text">否</dd>' in page
    assert ">resolve<" not in page and ">False<" not in page


def test_the_systems_own_reasons_read_in_the_pages_language(
    client: TestClient, container: Container
) -> None:
    number = file_case(container, UNCLEAR)  # triage: no category fits
    visitor = signed_in(client, coordinator(container))
    chinese = visitor.get(page_path(number)).text
    visitor.post("/console/language", {"language": "en", "next": page_path(number)})
    english = visitor.get(page_path(number)).text

    assert "no category fits" not in chinese and "没有合适的类别" in chinese
    assert "No category fits" in english


def test_a_reopened_cases_reply_is_shown_as_the_earlier_one(
    client: TestClient, container: Container
) -> None:
    li = clerk(container)
    number = file_case(container, ARREARS)
    act(container, number, li, Action.sign)
    act(container, number, li, Action.resolve, reply="已协调付款")
    boss = coordinator(container)
    resolved = signed_in(client, li).get(page_path(number)).text
    act(container, number, boss, Action.reopen, reason="款项仍未到账")
    reopened = signed_in(client, li).get(page_path(number)).text

    assert '<p class="facts__label">答复</p>' in resolved
    assert "上次答复（已重办，正在重新办理）" in reopened and "已协调付款" in reopened


def test_a_clock_says_its_working_days_and_the_extension_granted_on_top(
    client: TestClient, container: Container
) -> None:
    number = file_case(container, ARREARS)
    unit, boss = clerk(container), coordinator(container)
    act(container, number, unit, Action.sign)
    act(container, number, unit, Action.request_extension, days=5, reason="需要审计结果")
    act(container, number, boss, Action.approve_extension)

    page = signed_in(client, boss).get(page_path(number)).text
    english = signed_in(client, clerk(container, login="li2"))
    english.client.cookies.set("intake_lang", "en")
    shown = english.get(page_path(number)).text

    assert "截止 2026-12-25（20 个工作日，含延期 5 个工作日）" in page
    assert "截止 2026-11-30（1 个工作日）" in page  # the sign clock, met
    assert "due 2026-12-25 (20 working days, 5 of them an extension)" in shown
