"""The case page: a rating taken by phone (电话回访), the hand-off rules' refusals in words,
and the urgent mark."""

from __future__ import annotations

from fastapi.testclient import TestClient

from backend.bootstrap import Container
from backend.cases.workflow import Action
from tests.case_fixtures import ARREARS, act, file_case
from tests.fakes import FakeClock
from tests.staff_console.case_visits import clerk, coordinator, page_path, signed_in
from tests.staff_console.test_case_actions import form_values, stored


def test_a_coordinator_records_a_rating_taken_by_phone(
    client: TestClient, container: Container
) -> None:
    number = file_case(container, ARREARS, reporter_chat="web-chat-1")
    unit = clerk(container)
    act(container, number, unit, Action.sign)
    act(container, number, unit, Action.resolve, reply="已付清")
    visitor = signed_in(client, coordinator(container))
    page = visitor.get(page_path(number)).text
    assert 'name="rating"' in page and "登记电话回访评价" in page

    response = visitor.post(
        f"{page_path(number)}/actions",
        {**form_values(page, "rate_by_phone"), "rating": "satisfied", "reason": "钱已到账"},
    )

    assert response.status_code == 303
    case = stored(container, number)
    assert (case.status, case.rating, case.rating_comment) == ("closed", "satisfied", "钱已到账")
    assert "已登记回访评价。" in visitor.get(response.headers["location"]).text


def test_a_rating_form_without_a_rating_is_answered_in_words(
    client: TestClient, container: Container
) -> None:
    number = file_case(container, ARREARS)
    unit = clerk(container)
    act(container, number, unit, Action.sign)
    act(container, number, unit, Action.resolve, reply="已付清")
    visitor = signed_in(client, coordinator(container))
    page = visitor.get(page_path(number)).text
    response = visitor.post(f"{page_path(number)}/actions", form_values(page, "rate_by_phone"))
    assert response.status_code == 400
    assert "请选择评价" in response.text
    assert stored(container, number).status == "resolved"


def test_a_late_return_is_refused_with_the_rule_in_words(
    client: TestClient, container: Container, clock: FakeClock
) -> None:
    number = file_case(container, ARREARS)  # Friday 10:00
    clock.advance(days=4)  # Tuesday: the second working day after
    visitor = signed_in(client, clerk(container))
    assert 'id="action-return"' not in visitor.get(page_path(number)).text  # no longer offered
    posted = {"action": "return", "version": "1", "seen": "2", "reason": "不是我们的"}
    response = visitor.post(f"{page_path(number)}/actions", posted)
    assert response.status_code in (400, 409)
    assert "退单须在收到案件后 1 个工作日内提出" in response.text
    assert stored(container, number).status == "routed"


def test_an_urgent_case_is_marked_on_its_page(client: TestClient, container: Container) -> None:
    number = file_case(container, "小区配电箱漏电，电线裸露在外，孩子们每天从旁边走过")
    visitor = signed_in(client, coordinator(container))
    assert "紧急：存在紧迫危险" in visitor.get(page_path(number)).text
