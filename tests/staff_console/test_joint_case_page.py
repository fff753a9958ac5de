"""The case page: request type, supervision orders (督办) and assisting units (协办)."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from backend.bootstrap import Container
from backend.cases.workflow import Action
from tests.case_fixtures import ARREARS, act, file_case
from tests.staff_console.case_visits import (
    clerk,
    coordinator,
    offered_actions,
    page_path,
    signed_in,
)
from tests.staff_console.queue_helpers import numbers_on
from tests.staff_console.test_case_actions import form_values, stored


def test_a_coordinator_changes_the_request_type_and_the_page_shows_it(
    client: TestClient, container: Container
) -> None:
    number = file_case(container, ARREARS)
    visitor = signed_in(client, coordinator(container))
    page = visitor.get(page_path(number)).text
    assert "诉求类型" in page and "data-request-type>投诉" in page
    values = form_values(page, "set_request_type")
    response = visitor.post(f"{page_path(number)}/actions", {**values, "request_type": "inquiry"})
    assert response.status_code == 303
    shown = visitor.get(response.headers["location"]).text
    assert "诉求类型已更改" in shown and "data-request-type>咨询" in shown
    assert stored(container, number).request_type == "inquiry"


def test_an_unchanged_type_is_refused_on_the_page_with_its_reason(
    client: TestClient, container: Container
) -> None:
    number = file_case(container, ARREARS)
    visitor = signed_in(client, coordinator(container))
    values = form_values(visitor.get(page_path(number)).text, "set_request_type")
    response = visitor.post(
        f"{page_path(number)}/actions", {**values, "request_type": "complaint"}
    )
    assert response.status_code == 400
    assert "案件的诉求类型已经是“投诉”" in response.text


def test_a_supervision_order_through_the_form_shows_its_clock(
    client: TestClient, container: Container
) -> None:
    number = file_case(container, ARREARS)
    visitor = signed_in(client, coordinator(container))
    values = form_values(visitor.get(page_path(number)).text, "supervise")
    response = visitor.post(
        f"{page_path(number)}/actions", {**values, "reason": "限两日内反馈", "days": "2"}
    )
    assert response.status_code == 303
    page = visitor.get(response.headers["location"]).text
    assert "已督办" in page and "督办期限" in page and "限两日内反馈" in page


def test_an_assisting_clerk_finds_the_case_and_may_only_report(
    client: TestClient, container: Container
) -> None:
    number = file_case(container, ARREARS)  # lead: czj
    boss = signed_in(client, coordinator(container))
    helper = signed_in(client, clerk(container, unit="sfj", login="zhao"))
    assert number not in numbers_on(helper.get("/console/").text)
    values = form_values(boss.get(page_path(number)).text, "assist")
    response = boss.post(f"{page_path(number)}/actions", {**values, "department": "sfj"})
    assert response.status_code == 303
    assert number in numbers_on(helper.get("/console/?queue=assisting").text)  # 协办
    page = helper.get(page_path(number)).text
    assert "主办单位" in page and "协办单位" in page and "区司法局" in page
    assert offered_actions(page) == {"assist_report"}
    values = form_values(page, "assist_report")
    response = helper.post(f"{page_path(number)}/actions", {**values, "reason": "已核查"})
    assert response.status_code == 303
    assert "协办反馈已记入办理记录" in helper.get(response.headers["location"]).text
    lead = signed_in(client, clerk(container))
    assert "assist_report" not in offered_actions(lead.get(page_path(number)).text)


def test_the_forms_offer_no_choice_that_is_certain_to_be_refused(
    client: TestClient, container: Container
) -> None:
    number = file_case(container, ARREARS)  # lead: czj, a complaint
    li = clerk(container)
    act(container, number, li, Action.sign)
    page = signed_in(client, coordinator(container)).get(page_path(number)).text

    reassign, assist, request_type = (
        options(page, name) for name in ("reassign", "assist", "set_request_type")
    )
    assert reassign[0] == ("", True) and "czj" not in dict(reassign)  # nothing preselected
    assert assist[0] == ("", True) and "czj" not in dict(assist)
    assert request_type[0] == ("", True) and "complaint" not in dict(request_type)
    assert "sfj" in dict(reassign) and "inquiry" in dict(request_type)


def options(page: str, action: str) -> list[tuple[str, bool]]:
    """Return the (value, selected) options of an action form's select, in order."""
    form = re.search(rf'<form[^>]*id="action-{action}".*?</form>', page, re.DOTALL)
    assert form is not None, action
    found = re.findall(r'<option value="([^"]*)"( selected)?', form.group(0))
    return [(value, bool(selected)) for value, selected in found]


def test_an_assisted_case_waits_in_the_assisting_queue_not_for_the_units_signature(
    client: TestClient, container: Container
) -> None:
    number = file_case(container, ARREARS)  # lead: czj, routed: its signing clock runs
    boss = signed_in(client, coordinator(container))
    values = form_values(boss.get(page_path(number)).text, "assist")
    boss.post(f"{page_path(number)}/actions", {**values, "department": "sfj"})
    helper = signed_in(client, clerk(container, unit="sfj", login="zhao"))

    shown = {
        queue: numbers_on(helper.get(f"/console/?queue={queue}").text)
        for queue in ("new", "in_progress", "due_soon", "overdue", "assisting")
    }

    assert {queue for queue, numbers in shown.items() if number in numbers} == {"assisting"}
    assert "协办案件" in helper.get("/console/").text


def test_an_assisting_clerk_posting_a_lead_units_action_by_hand_is_told_why_in_words(
    client: TestClient, container: Container
) -> None:
    number = file_case(container, category="investment")  # lead: swj
    act(container, number, coordinator(container), Action.assist, department="sfj")
    act(container, number, clerk(container, unit="swj", login="zhaos"), Action.sign)
    helper = signed_in(client, clerk(container, unit="sfj", login="zhao"))
    values = form_values(helper.get(page_path(number)).text, "assist_report")
    fields = {"reply": "已办", "days": "3", "reason": "需核实"}

    said = {
        action: helper.post(f"{page_path(number)}/actions", {**values, **fields, "action": action})
        for action in ("resolve", "request_extension", "pause")
    }
    helper.post("/console/language", {"language": "en", "next": page_path(number)})
    english = helper.post(
        f"{page_path(number)}/actions", {**values, **fields, "action": "resolve"}
    )

    lead = "只有主办单位区商务局（swj）可以执行此操作"
    assert {action: response.status_code for action, response in said.items()} == dict.fromkeys(
        said, 403
    )
    assert "区司法局（sfj）是本案的协办单位" in said["resolve"].text
    assert f"{lead}：办结。" in said["resolve"].text
    assert f"{lead}：申请延期。" in said["request_extension"].text
    assert f"{lead}：暂停计时（等待投诉人）。" in said["pause"].text
    assert "您没有权限进行这个操作" not in said["pause"].text
    assert english.status_code == 403
    assert (
        "only the lead unit (主办), District Commerce Bureau (swj), may do this: Resolve."
        in english.text
    )
    assert stored(container, number).status == "signed"


def test_an_assist_form_sent_without_a_unit_asks_for_one_in_words(
    client: TestClient, container: Container
) -> None:
    number = file_case(container, ARREARS)
    boss = signed_in(client, coordinator(container))
    values = form_values(boss.get(page_path(number)).text, "assist")

    response = boss.post(f"{page_path(number)}/actions", {**values, "department": ""})

    assert response.status_code == 400
    assert "请选择协办单位。" in response.text and "（department）" not in response.text
