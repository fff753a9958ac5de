"""The console's records screens: the list and its filters, a record's page, its actions."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient

from backend.bootstrap import Container
from backend.console.pages import records as records_pages
from tests.case_fixtures import PNG, add_evidence
from tests.conftest import Staff
from tests.fakes import FakeClock
from tests.records.helpers import filed, stepped
from tests.staff_console.case_visits import clerk, offered_actions, signed_in
from tests.staff_console.helpers import ConsoleVisitor

LIST = "/console/records"


def fgw(client: TestClient, container: Container) -> ConsoleVisitor:
    return signed_in(client, clerk(container, "fgw", "wangf"))


def version_of(html: str, action: str) -> str:
    form = re.search(rf'<form[^>]*data-action="{action}".*?</form>', html, re.DOTALL)
    assert form is not None, f"no form for {action}"
    found = re.search(r'name="version" value="(\d+)"', form.group(0))
    assert found is not None
    return found.group(1)


def test_the_filing_unit_and_the_lead_office_list_a_record_and_another_unit_gets_404(
    client: TestClient, container: Container, staff: Staff
) -> None:
    record = filed(client, staff.czj_clerk)
    number = record["number"]
    own = signed_in(client, clerk(container, "czj", "li"))
    listed = own.get(LIST)
    assert listed.status_code == 200 and number in listed.text and "按时报送" in listed.text
    assert 'href="/console/records"' in listed.text  # the navigation's new link
    lead = fgw(client, container)
    assert number in lead.get(LIST).text
    other = signed_in(client, clerk(container, "sfj", "zhao"))
    assert number not in other.get(LIST).text
    assert "没有符合条件的记录" in other.get(LIST).text
    assert other.get(f"{LIST}/{number}").status_code == 404
    assert own.get(f"{LIST}/HQ-000000-0000").status_code == 404


def test_the_filters_narrow_the_list_and_bad_values_are_answered_in_the_language(
    client: TestClient, container: Container, staff: Staff
) -> None:
    plain = filed(client, staff.czj_clerk, person_name="王某")
    shown = stepped(client, staff.fgw_clerk, filed(client, staff.czj_clerk), "publish")
    lead = fgw(client, container)
    published = lead.get(f"{LIST}?state=published").text
    assert shown["number"] in published and plain["number"] not in published
    assert plain["number"] not in lead.get(f"{LIST}?department=sfj").text
    assert plain["number"] in lead.get(f"{LIST}?department=czj&from=2026-11-01&to=2026-11-30").text
    bad = lead.get(f"{LIST}?from=yesterday")
    assert bad.status_code == 400 and "不是日期" in bad.text
    assert lead.get(f"{LIST}?state=lost").status_code == 400
    assert "没有这个单位" in lead.get(f"{LIST}?department=nowhere").text
    lead.client.cookies.set("intake_lang", "en")
    english = lead.get(f"{LIST}?from=yesterday")
    assert english.status_code == 400 and "is not a date" in english.text


def test_the_record_page_shows_fields_clocks_history_and_the_lead_offices_actions(
    client: TestClient, container: Container, staff: Staff
) -> None:
    number = filed(client, staff.czj_clerk)["number"]
    page = fgw(client, container).get(f"{LIST}/{number}").text
    for shown in (
        "<bdi>李某</bdi> · <bdi>科长</bdi>",
        "区财政局",
        "纪律处分",
        "津红纪〔2026〕12号",
        "报送",
        "按时完成",
    ):
        assert shown in page, shown
    assert 'data-event="record_report"' in page
    assert {"order_rectification", "publish", "leniency"} <= offered_actions(page)
    assert "submit_rectification" not in offered_actions(page)
    assert f'href="/console/cases/{number}"' in page  # the lead office opens the case too
    own = signed_in(client, clerk(container, "czj", "li")).get(f"{LIST}/{number}").text
    assert f'href="/console/cases/{number}"' in own


def test_the_lead_office_orders_rectification_and_the_named_unit_reports_it(
    client: TestClient, container: Container, staff: Staff
) -> None:
    number = filed(client, staff.czj_clerk)["number"]
    lead = fgw(client, container)
    page = lead.get(f"{LIST}/{number}").text
    form = {"action": "order_rectification", "version": version_of(page, "order_rectification")}
    done = lead.post(f"{LIST}/{number}/actions", {**form, "days": "5"})
    assert done.status_code == 303
    assert done.headers["location"] == f"{LIST}/{number}?done=order_rectification"
    after = lead.get(done.headers["location"]).text
    assert "已办理：责令书面说明并限期整改" in after and 'data-clock="rectify"' in after

    unit = signed_in(client, clerk(container, "czj", "li"))
    page = unit.get(f"{LIST}/{number}").text
    assert "submit_rectification" in offered_actions(page)
    version = version_of(page, "submit_rectification")
    empty = unit.post(
        f"{LIST}/{number}/actions",
        {"action": "submit_rectification", "version": version, "report": "已整改"},
    )
    assert empty.status_code == 400 and "请填写书面说明" in empty.text
    assert "已整改" in empty.text  # what was typed is kept
    sent = unit.post(
        f"{LIST}/{number}/actions",
        {
            "action": "submit_rectification",
            "version": version,
            "explanation": "补贴发放流程缺少督办",
            "report": "已全额发放并建立台账",
        },
    )
    assert sent.status_code == 303
    record = client.get(f"/api/v1/records/{number}", headers=staff.fgw_clerk).json()
    assert record["rectification_state"] == "submitted"


def test_a_stale_form_a_bad_number_and_an_action_not_open_are_explained(
    client: TestClient, container: Container, staff: Staff
) -> None:
    number = filed(client, staff.czj_clerk)["number"]
    lead = fgw(client, container)
    page = lead.get(f"{LIST}/{number}").text
    old = version_of(page, "publish")
    bad = lead.post(
        f"{LIST}/{number}/actions", {"action": "publish", "version": old, "months": "x"}
    )
    assert bad.status_code == 400 and "公示期须是" in bad.text
    for digits in ("²", "1²"):  # digits to str.isdigit(), but not to int()
        odd = {"action": "publish", "version": old, "months": digits}
        bad = lead.post(f"{LIST}/{number}/actions", odd)
        assert bad.status_code == 400 and "公示期须是" in bad.text
    assert (
        lead.post(f"{LIST}/{number}/actions", {"action": "publish", "version": old}).status_code
        == 303
    )
    stale = lead.post(f"{LIST}/{number}/actions", {"action": "leniency", "version": old})
    assert stale.status_code == 409 and "刚被别人修改过" in stale.text
    current = version_of(lead.get(f"{LIST}/{number}").text, "leniency")
    unit = signed_in(client, clerk(container, "czj", "li"))
    unit.get(f"{LIST}/{number}")
    refused = unit.post(f"{LIST}/{number}/actions", {"action": "publish", "version": current})
    # Not the named unit's side of the record: 403, as the API answers it (409 is for state).
    assert refused.status_code == 403 and "这项操作（公示）不由您的单位办理" in refused.text
    again = lead.post(f"{LIST}/{number}/actions", {"action": "publish", "version": current})
    assert again.status_code == 409 and "现在不能办理这项操作" in again.text  # published already
    unknown = lead.post(f"{LIST}/{number}/actions", {"action": "explode", "version": current})
    assert unknown.status_code == 400


def test_the_lead_office_and_the_named_unit_open_the_records_case_and_its_files(
    client: TestClient, container: Container, staff: Staff
) -> None:
    number = filed(client, staff.czj_clerk, department="swj")["number"]
    image = add_evidence(container, number, PNG, "异议证明.png", "image/png")
    for unit, login in (("fgw", "wangf"), ("swj", "zhaos"), ("czj", "li")):
        visitor = signed_in(client, clerk(container, unit, login))
        assert f'href="/console/cases/{number}"' in visitor.get(f"{LIST}/{number}").text
        assert visitor.get(f"/console/cases/{number}").status_code == 200, unit
        served = visitor.get(f"/console/cases/{number}/attachments/{image}")
        assert (served.status_code, served.content) == (200, PNG), unit
    api = f"/api/v1/cases/{number}/attachments/{image}"
    assert client.get(api, headers=staff.fgw_clerk).content == PNG
    assert client.get(f"/api/v1/cases/{number}", headers=staff.fgw_clerk).status_code == 200
    assert client.get(api, headers=staff.sfj_clerk).status_code == 404
    other = signed_in(client, clerk(container, "sfj", "zhao"))
    assert other.get(f"/console/cases/{number}").status_code == 404
    assert other.get(f"/console/cases/{number}/attachments/{image}").status_code == 404


def test_the_list_names_each_records_next_deadline_and_the_overdue_filter_finds_those_past_it(
    client: TestClient, container: Container, staff: Staff, clock: FakeClock
) -> None:
    draft = filed(client, staff.czj_clerk, document_number=None, draft=True)
    quiet = filed(client, staff.czj_clerk, person_name="王某")
    account = clerk(container, "fgw", "wangf")
    lead = signed_in(client, account)

    def row(html: str, number: str) -> str:
        found = re.search(rf'<tr data-record="{number}">.*?</tr>', html, re.DOTALL)
        assert found is not None, number
        return found.group(0)

    listed = lead.get(LIST).text
    assert "下一时限" in listed
    due = row(listed, draft["number"])
    assert "报送" in due and "2026-12-04 到期" in due and "区财政局" in due
    assert "已逾期" not in due
    assert 'data-next-due="none"' in row(listed, quiet["number"])
    assert draft["number"] not in lead.get(f"{LIST}?state=overdue").text
    assert '<option value="overdue"' in listed and ">已逾期</option>" in listed

    clock.current = datetime(2026, 12, 7, 2, 0, tzinfo=UTC)  # the Monday after its due day
    lead = signed_in(client, account)  # again: the session ended days ago
    overdue = lead.get(f"{LIST}?state=overdue").text
    assert "已逾期" in row(overdue, draft["number"]) and quiet["number"] not in overdue
    lead.client.cookies.set("intake_lang", "en")
    english = row(lead.get(f"{LIST}?state=overdue").text, draft["number"])
    assert "Report" in english and "due 2026-12-04" in english and "overdue" in english


@pytest.mark.parametrize(
    ("query", "zh", "en"),
    [
        ("from=0001-01-01", "1900-01-01", "1900-01-01"),
        ("to=9999-12-31", "2999-12-31", "2999-12-31"),
        ("cursor=abc", "翻页链接无效", "The page link is broken"),
    ],
)
def test_a_date_outside_the_counted_days_or_a_broken_page_link_is_refused_as_elsewhere(
    client: TestClient, container: Container, staff: Staff, query: str, zh: str, en: str
) -> None:
    """记录列表：超出可计算范围的日期与无效的翻页链接，与台账、案件列表一样拒绝（400）。"""
    filed(client, staff.czj_clerk)
    lead = fgw(client, container)

    chinese = lead.get(f"{LIST}?{query}")
    lead.client.cookies.set("intake_lang", "en")
    english = lead.get(f"{LIST}?{query}")

    assert (chinese.status_code, zh in chinese.text) == (400, True)
    assert (english.status_code, en in english.text) == (400, True)


def test_the_next_page_link_carries_a_cursor_that_the_list_continues_from(
    client: TestClient, container: Container, staff: Staff, monkeypatch: pytest.MonkeyPatch
) -> None:
    """记录列表的下一页链接带 cursor，按它接着列出。"""
    monkeypatch.setattr(records_pages, "PAGE_SIZE", 1)
    older = filed(client, staff.czj_clerk, person_name="王某")
    newer = filed(client, staff.czj_clerk, person_name="张某")
    lead = fgw(client, container)

    first = lead.get(LIST).text
    link = re.search(r'<a rel="next" href="([^"]+)"', first)

    assert link is not None and "cursor=" in link.group(1)
    second = lead.get(link.group(1).replace("&amp;", "&")).text
    assert newer["number"] in first and older["number"] not in first
    assert older["number"] in second and newer["number"] not in second
