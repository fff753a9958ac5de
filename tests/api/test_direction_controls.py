"""A direction control (embedding, override, isolate) in a short field is dropped at intake.

Reviewer, 2026-12-01: a reporter named "张三\u202e" (RIGHT-TO-LEFT OVERRIDE), by the web chat
or Open311's `first_name`, made the console show their phone number backwards beside the
name, and a record's `person_name` turned the post after it around on the public page. A
name, a place, a post or a document number has no use for them (`dialogs.parsing.
without_direction_controls`); the pages also isolate what people typed (`<bdi>`).
"""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlmodel import select

from backend.bootstrap import Container
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


def test_the_pages_isolate_what_people_typed_beside_other_text(
    client: TestClient, container: Container, staff: Staff
) -> None:
    # Rows kept before the rule above still hold the marks: the pages put each typed value
    # in a <bdi>, so a mark inside ends there.
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
    assert f"<bdi>张三{RLO}</bdi> · <bdi>13812345678</bdi>" in page


def test_a_staff_members_name_keeps_no_direction_control(container: Container) -> None:
    # Reviewer, 2026-12-01: "\u202e反向名字" turned the console's header and greeting around.
    created = staff_with_password(container, login="new3", name=f"{RLO}反向名字", role="clerk")
    assert created.name == "反向名字"
