"""A direction control (embedding, override, isolate) is dropped at intake and on pages.

Reviewer, 2026-12-01: a reporter named "张三\u202e" (RIGHT-TO-LEFT OVERRIDE), by the web chat
or Open311's `first_name`, made the console show their phone number backwards beside the
name, and a record's `person_name` turned the post after it around on the public page. A
name, a place, a post or a document number has no use for them (`dialogs.parsing.
without_direction_controls`); the pages also isolate what people typed (`<bdi>`).

Reviewer, 2026-12-03: inside a long text a mark still turned a run around, the isolation
notwithstanding: "联系电话\u202e13812345678\u202c" read "联系电话87654321831" on the case
page, and staff could call the wrong number. A complaint's text, a reply, a reason and a note
drop them at intake too (`check_text`, `visible_text`), and no page writes one
(`backend.templating.shown`), for texts kept before.
"""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlmodel import col, select, update

from backend.bootstrap import Container
from backend.cases.models import Case
from backend.db import session_scope
from backend.people.models import Reporter
from backend.records.models import DishonestyRecord
from tests.api.helpers import file_case
from tests.conftest import Staff
from tests.records.helpers import filed
from tests.staff_accounts import PASSWORD, staff_with_password
from tests.staff_console.helpers import ConsoleVisitor

RLO, LRE, RLI, PDI = "\u202e", "\u202a", "\u2067", "\u2069"


def test_a_named_reporter_and_a_place_keep_no_direction_control(
    client: TestClient, container: Container, staff: Staff
) -> None:
    case = file_case(
        client,
        staff.coordinator,
        anonymous=False,
        reporter={"name": f"张三{RLO}", "phone": "13812345678"},
        location=f"{RLI}西于庄街道路口{PDI}",
    )
    with session_scope(container.engine) as session:
        reporter = session.exec(select(Reporter)).one()
        assert (reporter.name, reporter.phone) == ("张三", "13812345678")
    shown = client.get(f"/api/v1/cases/{case['number']}", headers=staff.coordinator).json()
    assert shown["location"] == "西于庄街道路口"


def test_a_records_person_post_and_paperwork_keep_no_direction_control(
    client: TestClient, container: Container, staff: Staff
) -> None:
    record = filed(
        client,
        staff.czj_clerk,
        person_name=f"{RLO}李某",
        person_post=f"科长{LRE}",
        authority=f"区纪委{RLO}",
        document_number=f"{RLO}津红纪〔2026〕12号",
    )
    with session_scope(container.engine) as session:
        row = session.exec(select(DishonestyRecord)).one()
        kept = (row.person_name, row.person_post, row.authority, row.document_number)
    assert kept == ("李某", "科长", "区纪委", "津红纪〔2026〕12号")
    assert record["person_name"] == "李某"


def test_the_pages_isolate_what_people_typed_and_write_no_direction_control(
    client: TestClient, container: Container, staff: Staff
) -> None:
    # Rows kept before the rule above still hold the marks: the pages put each typed value
    # in a <bdi>, and write none of the marks (backend.templating.shown).
    case = file_case(
        client,
        staff.coordinator,
        anonymous=False,
        reporter={"name": "张三", "phone": "13812345678"},
    )
    with session_scope(container.engine) as session:
        reporter = session.exec(select(Reporter)).one()
        reporter.name = f"张三{RLO}"  # as kept before
        session.add(reporter)
    visitor = ConsoleVisitor(client)
    staff_with_password(container, login="wang")
    visitor.sign_in("wang", PASSWORD)
    page = client.get(f"/console/cases/{case['number']}").text
    assert "<bdi>张三</bdi> · <bdi>13812345678</bdi>" in page and RLO not in page


def test_a_staff_members_name_keeps_no_direction_control(container: Container) -> None:
    # Reviewer, 2026-12-01: "\u202e反向名字" turned the console's header and greeting around.
    created = staff_with_password(container, login="new3", name=f"{RLO}反向名字", role="clerk")
    assert created.name == "反向名字"


TURNED = f"工程款拖欠半年，联系电话{RLO}13812345678\u202c，谢谢"


def test_a_complaints_text_and_a_reply_keep_no_direction_control(
    client: TestClient, staff: Staff
) -> None:
    case = file_case(client, staff.coordinator, text=TURNED)
    signed = client.post(
        f"/api/v1/cases/{case['number']}/actions",
        json={"action": "sign", "version": case["version"]},
        headers=staff.czj_clerk,
    ).json()
    resolved = client.post(
        f"/api/v1/cases/{case['number']}/actions",
        json={"action": "resolve", "version": signed["version"], "reply": f"已回电{RLO}123"},
        headers=staff.czj_clerk,
    ).json()

    assert case["text"] == "工程款拖欠半年，联系电话13812345678，谢谢"
    assert resolved["reply"] == "已回电123"


def test_a_text_kept_before_is_written_on_the_page_without_its_direction_controls(
    client: TestClient, container: Container, staff: Staff
) -> None:
    case = file_case(client, staff.coordinator)
    with session_scope(container.engine) as session:
        session.execute(update(Case).where(col(Case.number) == case["number"]).values(text=TURNED))
    visitor = ConsoleVisitor(client)
    staff_with_password(container, login="wang")
    visitor.sign_in("wang", PASSWORD)

    page = client.get(f"/console/cases/{case['number']}").text

    assert "联系电话13812345678，谢谢" in page and RLO not in page
