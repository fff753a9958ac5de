"""The console's form to file a dishonesty record (登记失信记录) or register a draft.

A reviewer found the back office had no way to file a record but `curl POST /api/v1/records`
with a token: the console now has the form, and it files through the records service the API
and the clerk's chat call (`file_record`), with the same rules and refusals.
"""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from backend.bootstrap import Container
from tests.books_console.conftest import signed_in as signed_in_as
from tests.conftest import Staff
from tests.records.helpers import RECORD
from tests.staff_console.case_visits import clerk, signed_in
from tests.staff_console.helpers import ConsoleVisitor

NEW = "/console/records/new"
FORM = dict(RECORD)  # the API tests' valid record, as the form posts it


def key_of(html: str) -> str:
    found = re.search(r'name="key" value="([^"]+)"', html)
    assert found is not None, "no key in the form"
    return found.group(1)


def file(visitor: ConsoleVisitor, **changes: str) -> tuple[int, str, str]:
    """Open the form, post it (FORM changed by `changes`); return status, location, page."""
    key = key_of(visitor.get(NEW).text)
    answer = visitor.post(NEW, {**FORM, "key": key, **changes})
    return answer.status_code, answer.headers.get("location", ""), answer.text


def records(client: TestClient, staff: Staff) -> list[dict[str, object]]:
    listed = client.get("/api/v1/records", headers=staff.coordinator)
    return list(listed.json()["data"])


def test_a_clerk_files_a_record_from_the_list_and_lands_on_its_page(
    client: TestClient, container: Container, staff: Staff
) -> None:
    li = signed_in(client, clerk(container, "czj", "li"))
    assert f'href="{NEW}"' in li.get("/console/records").text

    status, location, _ = file(li)

    [record] = records(client, staff)
    assert status == 303 and location == f"/console/records/{record['number']}?done=filed"
    assert (record["person_name"], record["filed_by_department"], record["state"]) == (
        "李某",
        "czj",
        "reported",
    )
    page = li.get(location).text
    assert "已登记" in page and "承诺的企业补贴长期未兑现" in page


def test_a_draft_needs_no_document_or_severity_and_says_so(
    client: TestClient, container: Container, staff: Staff
) -> None:
    li = signed_in(client, clerk(container, "czj", "li"))

    status, location, _ = file(li, draft="1", document_number="", severity="")

    [record] = records(client, staff)
    assert status == 303 and location.endswith("?done=drafted")
    assert record["state"] == "draft" and record["document_number"] is None
    assert "已登记为草稿" in li.get(location).text


def test_the_same_form_sent_twice_files_one_record(
    client: TestClient, container: Container, staff: Staff
) -> None:
    li = signed_in(client, clerk(container, "czj", "li"))
    key = key_of(li.get(NEW).text)

    first = li.post(NEW, {**FORM, "key": key})
    again = li.post(NEW, {**FORM, "key": key})

    assert (first.status_code, again.status_code) == (303, 303)
    assert first.headers["location"] == again.headers["location"]
    assert len(records(client, staff)) == 1


def test_bad_input_shows_the_form_again_with_what_was_typed_and_files_nothing(
    client: TestClient, container: Container, staff: Staff
) -> None:
    li = signed_in(client, clerk(container, "czj", "li"))
    cases = [
        ({"person_name": " "}, "请填写失信人员姓名"),
        ({"person_name": "名" * 101}, "“失信人员姓名”最多 100 个字，您填写了 101 个字"),
        ({"person_post": "职" * 101}, "“职务”最多 100 个字，您填写了 101 个字"),
        ({"authority": "机" * 201}, "“认定机关”最多 200 个字，您填写了 201 个字"),
        ({"document_number": "文" * 101}, "“文书编号”最多 100 个字，您填写了 101 个字"),
        ({"department": "nowhere"}, "没有这个单位"),
        ({"finding_type": "rumour"}, "认定类型"),
        ({"arisen_on": ""}, "请填写信息产生日期"),
        ({"arisen_on": "2026-13-01"}, "“信息产生日期”不是日期"),
        ({"arisen_on": "2030-01-01"}, "信息产生日期不能晚于今天"),
        ({"arisen_on": "1900-01-01"}, "请检查年份"),
        ({"document_number": ""}, "请填写文书编号"),
        ({"summary": "摘" * 6000}, "记录摘要太长"),
        ({"summary": "承诺\x00未兑现"}, "无法保存"),
    ]
    for change, words in cases:
        status, _, page = file(li, **change)
        assert status == 400 and words in page, (change, page[-3000:])
        [(name, typed)] = change.items()
        if name not in ("department", "finding_type") and 0 < len(typed) < 200:
            assert typed.strip() in page or "\x00" in typed  # given back, not lost
    assert records(client, staff) == []


def test_an_evaluator_gets_no_form(client: TestClient, container: Container) -> None:
    evaluator = signed_in_as(client, container, "chen", role="evaluator", name="评估机构 陈")

    assert f'href="{NEW}"' not in evaluator.get("/console/records").text
    assert evaluator.get(NEW).status_code == 403


def test_the_form_is_in_english_for_an_english_visitor(
    client: TestClient, container: Container
) -> None:
    li = signed_in(client, clerk(container, "czj", "li"))
    li.get(NEW)
    li.post("/console/language", {"language": "en", "next": NEW})
    page = li.get(NEW).text

    for words in ("File a dishonesty record", "Name of the person", "Register as a draft"):
        assert words in page


def test_a_record_filed_in_the_console_is_named_as_entered_by_staff_in_the_console_not_the_chat(
    client: TestClient, container: Container, staff: Staff
) -> None:
    """在工作台登记的记录，来源渠道为“工作人员录入（工作台）”，不是终端对话。"""
    # Reviewer, 2026-12-03: such a record was stored with channel "console", the terminal
    # chat's, so cases.xlsx and the case page said 终端对话 / console chat.
    li = signed_in(client, clerk(container, "czj", "li"))
    file(li)
    [record] = records(client, staff)
    number = record["number"]

    case = client.get(f"/api/v1/cases/{number}", headers=staff.coordinator).json()
    page = li.get(f"/console/cases/{number}").text
    li.client.cookies.set("intake_lang", "en")
    english = li.get(f"/console/cases/{number}").text

    assert case["channel"] == "staff_console"
    assert "工作人员录入（工作台）" in page and "终端对话" not in page
    assert "entered by staff (console)" in english and "console chat" not in english
