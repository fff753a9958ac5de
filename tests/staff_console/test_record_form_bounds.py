"""The console's record forms are held to the same bounds as the API, never cut or stretched.

A tester found the console took what the API refuses: 1,000 working days for a rectification
(the API: at most 365), a 5,000-character document number stored in a column of 100 (and shown
on the public page), a reason of 10,000 characters (the API: 5,000), and an objector's name of
300 characters cut to 100 without a word. The records service now checks each bound itself
(`backend.records.step_parts.check_bounds`), so every channel answers alike.
"""

from __future__ import annotations

from fastapi.testclient import TestClient

from backend.bootstrap import Container
from tests.conftest import Staff
from tests.records.helpers import filed, stepped
from tests.staff_console.case_visits import clerk, signed_in
from tests.staff_console.helpers import ConsoleVisitor
from tests.staff_console.test_records_pages import LIST, version_of


def _post(
    visitor: ConsoleVisitor, number: str, action: str, fields: dict[str, str]
) -> tuple[int, str]:
    page = visitor.get(f"{LIST}/{number}").text
    form = {"action": action, "version": version_of(page, action), **fields}
    answer = visitor.post(f"{LIST}/{number}/actions", form)
    return answer.status_code, answer.text


def test_a_rectification_of_more_than_365_working_days_is_refused_as_in_the_api(
    client: TestClient, container: Container, staff: Staff
) -> None:
    number = filed(client, staff.czj_clerk)["number"]
    lead = signed_in(client, clerk(container, "fgw", "wangf"))
    status, page = _post(lead, number, "order_rectification", {"days": "1000"})
    assert status == 400 and "1 至 365" in page
    record = client.get(f"/api/v1/records/{number}", headers=staff.fgw_clerk).json()
    assert record["rectification_state"] == "none"


def test_a_document_number_longer_than_the_api_takes_is_refused_not_stored(
    client: TestClient, container: Container, staff: Staff
) -> None:
    draft = filed(client, staff.czj_clerk, document_number=None, severity=None, draft=True)
    status, page = _post(
        signed_in(client, clerk(container, "czj", "li")),
        draft["number"],
        "report",
        {"document_number": "文" * 5000, "severity": "general"},
    )
    assert status == 400 and "文号太长，最多 100 个字符" in page
    record = client.get(f"/api/v1/records/{draft['number']}", headers=staff.czj_clerk).json()
    assert (record["state"], record["document_number"]) == ("draft", None)


def test_a_reason_or_an_objector_name_beyond_the_api_bound_is_refused_not_cut(
    client: TestClient, container: Container, staff: Staff
) -> None:
    record = stepped(client, staff.fgw_clerk, filed(client, staff.czj_clerk), "publish")
    number = record["number"]
    unit = signed_in(client, clerk(container, "czj", "li"))
    long_name = {"objector_kind": "person", "objector_name": "名" * 300, "reason": "处分已撤销"}
    status, page = _post(unit, number, "object", long_name)
    assert status == 400 and "姓名太长，最多 100 个字符" in page
    long_reason = {"objector_kind": "person", "objector_name": "李某", "reason": "理" * 6000}
    status, page = _post(unit, number, "object", long_reason)
    assert status == 400 and "理由太长，最多 5000 个字符" in page
    after = client.get(f"/api/v1/records/{number}", headers=staff.czj_clerk).json()
    assert after["objection_state"] == "none"


def test_the_lead_office_corrects_a_record_on_an_upheld_objection_in_the_console(
    client: TestClient, container: Container, staff: Staff
) -> None:
    record = filed(client, staff.czj_clerk, severity="serious")
    who = {"objector_kind": "person", "objector_name": "李某", "reason": "处分决定已变更"}
    stepped(client, staff.czj_clerk, record, "object", **who)
    lead = signed_in(client, clerk(container, "fgw", "wangf"))
    corrected = {
        "upheld": "yes",
        "outcome": "corrected",
        "summary": "承诺的企业补贴迟延兑现，已补发",
        "severity": "minor",
        "reason": "经复核，情节较轻",
    }
    status, _ = _post(lead, record["number"], "decide_objection", corrected)
    assert status == 303
    after = client.get(f"/api/v1/records/{record['number']}", headers=staff.fgw_clerk).json()
    assert (after["objection_state"], after["severity"]) == ("upheld", "minor")
    assert after["summary"] == "承诺的企业补贴迟延兑现，已补发"


def test_the_browser_is_told_the_same_bounds_before_anything_is_posted(
    client: TestClient, container: Container, staff: Staff
) -> None:
    # Reviewer, 2026-12-01: the objection form let 200 characters of name and 10,000 of
    # reason through, then refused them one after the other.
    record = stepped(client, staff.fgw_clerk, filed(client, staff.czj_clerk), "publish")
    page = signed_in(client, clerk(container, "czj", "li")).get(f"{LIST}/{record['number']}")
    assert 'id="f-object-objector_name" name="objector_name" type="text" maxlength="100"' in (
        page.text
    )
    assert 'id="f-object-reason" name="reason" rows="3" maxlength="5000"' in page.text


def test_the_records_tags_read_naturally_in_english(
    client: TestClient, container: Container, staff: Staff
) -> None:
    stepped(client, staff.fgw_clerk, filed(client, staff.czj_clerk), "publish")
    visitor = signed_in(client, clerk(container, "fgw", "wangf"))
    visitor.get(LIST)
    visitor.post("/console/language", {"language": "en", "next": LIST})
    page = visitor.get(LIST).text
    assert "Publicity: " in page and "：" not in page.split("<main", 1)[1].split("</main>")[0]


def test_the_days_field_lets_the_browser_take_no_more_than_the_service_does(
    client: TestClient, container: Container, staff: Staff
) -> None:
    number = filed(client, staff.czj_clerk)["number"]
    lead = signed_in(client, clerk(container, "fgw", "wangf"))

    page = lead.get(f"{LIST}/{number}").text

    assert 'name="days" type="number" min="1" max="365"' in page
    assert 'max="1000"' not in page


def test_a_records_clocks_say_working_days_and_mark_a_provisional_due_day(
    client: TestClient, container: Container, staff: Staff
) -> None:
    # Reviewer, 2026-12-02: "2027-01-14 到期（30 天）" with no mark, where the API says
    # provisional and the case page shows 暂定.
    record = filed(client, staff.czj_clerk)
    stepped(client, staff.fgw_clerk, record, "order_rectification", days=30)  # into 2027
    lead = signed_in(client, clerk(container, "fgw", "wangf"))
    page = lead.get(f"{LIST}/{record['number']}").text
    rectify = page[page.index('data-clock="rectify"') :].split("</li>")[0]
    assert "（30 个工作日）" in rectify and "暂定" in rectify


def test_the_corrected_summary_field_takes_the_services_text_limit_and_no_form_says_10000(
    client: TestClient, container: Container, staff: Staff
) -> None:
    """更正后摘要的 maxlength 与服务的摘要上限一致（同一设置），记录页不再出现 10000。"""
    # Reviewer, 2026-12-03: the textarea said maxlength="10000" where the service takes 5,000.
    record = filed(client, staff.czj_clerk)
    who = {"objector_kind": "person", "objector_name": "李某", "reason": "处分决定已变更"}
    stepped(client, staff.czj_clerk, record, "object", **who)
    lead = signed_in(client, clerk(container, "fgw", "wangf"))

    page = lead.get(f"{LIST}/{record['number']}").text

    limit = container.settings.max_text_length
    assert f'id="f-decide_objection-summary" name="summary" rows="3" maxlength="{limit}"' in page
    assert 'maxlength="10000"' not in page


def test_a_rectification_statement_the_service_takes_is_taken_in_the_console_too(
    client: TestClient, container: Container, staff: Staff
) -> None:
    """书面说明与整改报告：服务接受的长度（至多 20000 字），控制台表单同样接受。"""
    # The form said maxlength="20000" as the service does, while the route refused 10,000.
    record = stepped(
        client, staff.fgw_clerk, filed(client, staff.czj_clerk), "order_rectification"
    )
    unit = signed_in(client, clerk(container, "czj", "li"))
    statement = {"explanation": "说" * 15_000, "report": "已全额发放并建立台账"}

    status, _ = _post(unit, record["number"], "submit_rectification", statement)

    assert status == 303
    after = client.get(f"/api/v1/records/{record['number']}", headers=staff.czj_clerk).json()
    assert len(after["rectification_explanation"]) == 15_000
