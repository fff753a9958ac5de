"""Who is told when a record changes hands: the lead office of what it must decide, the unit
named of what it must do (each in its console inbox, its chats and its robots)."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session, col, select

from backend.notifications.models import InboxItem
from backend.people.models import StaffAccount
from tests.conftest import Staff
from tests.records.helpers import clock_of, filed, stepped


def _inbox(engine: Engine, department: str, role: str = "clerk") -> list[str]:
    """The inbox texts of a unit's staff of a role, oldest first."""
    with Session(engine) as session:
        statement = (
            select(InboxItem.text)
            .join(StaffAccount, col(StaffAccount.id) == InboxItem.staff_id)
            .where(StaffAccount.department_code == department, StaffAccount.role == role)
            .order_by(col(InboxItem.id))
        )
        return list(session.exec(statement).all())


def _about(texts: list[str], number: str) -> list[str]:
    return [t for t in texts if number in t]


def test_a_reported_record_reaches_the_lead_offices_clerks_and_coordinators(
    client: TestClient, staff: Staff, engine: Engine
) -> None:
    record = filed(client, staff.czj_clerk)
    [to_clerk] = _about(_inbox(engine, "fgw"), record["number"])
    [to_coordinator] = _about(_inbox(engine, "fgw", "coordinator"), record["number"])
    assert to_clerk == to_coordinator
    assert "区财政局" in to_clerk and "李某" not in to_clerk  # the unit; no name in a notice
    assert _about(_inbox(engine, "czj"), record["number"]) == []  # nothing to do yet


def test_a_draft_is_announced_when_it_is_reported_not_before(
    client: TestClient, staff: Staff, engine: Engine
) -> None:
    draft = filed(client, staff.czj_clerk, draft=True, document_number=None)
    assert _about(_inbox(engine, "fgw"), draft["number"]) == []
    stepped(client, staff.czj_clerk, draft, "report", document_number="津红纪〔2026〕13号")
    assert len(_about(_inbox(engine, "fgw"), draft["number"])) == 1


def test_a_rectification_order_reaches_the_named_units_clerks_with_its_due_date(
    client: TestClient, staff: Staff, engine: Engine
) -> None:
    record = filed(client, staff.czj_clerk)
    record = stepped(client, staff.fgw_clerk, record, "order_rectification")
    due = clock_of(record, "rectify")["due_date"]
    [order] = _about(_inbox(engine, "czj"), record["number"])
    assert "整改" in order and due in order


def test_each_hand_off_of_the_rectification_objection_and_repair_is_told_once(
    client: TestClient, staff: Staff, engine: Engine
) -> None:
    record = filed(client, staff.czj_clerk)
    number = record["number"]
    record = stepped(client, staff.fgw_clerk, record, "order_rectification")
    record = stepped(
        client, staff.czj_clerk, record, "submit_rectification", explanation="说明", report="报告"
    )
    record = stepped(client, staff.fgw_clerk, record, "accept_rectification")
    who = {"objector_kind": "person", "objector_name": "李某"}
    record = stepped(client, staff.czj_clerk, record, "object", reason="处分已撤销", **who)
    objection_due = clock_of(record, "objection")["due_date"]
    record = stepped(
        client, staff.fgw_clerk, record, "decide_objection", upheld=False, reason="处分有效"
    )
    record = stepped(client, staff.czj_clerk, record, "apply_repair", reason="已整改", **who)
    repair_due = clock_of(record, "repair_accept")["due_date"]

    lead = _about(_inbox(engine, "fgw"), number)
    assert len(lead) == 4  # reported, rectification submitted, objection, repair application
    assert "整改材料" in lead[1]
    assert "异议" in lead[2] and objection_due in lead[2]
    assert "信用修复" in lead[3] and repair_due in lead[3]
    unit = _about(_inbox(engine, "czj"), number)
    assert len(unit) == 3  # ordered, accepted, the objection's decision
    assert "验收" in unit[1] and "不成立" in unit[2]


def test_a_notice_is_worded_in_english_for_an_english_reader(
    client: TestClient, staff: Staff
) -> None:
    from backend.records.handoffs import notice_text

    text = notice_text(
        "en", "rectification_ordered", number="HQ-1", unit="Finance Bureau", due="2026-12-14"
    )
    assert "HQ-1" in text and "2026-12-14" in text and "rectif" in text


def test_an_objections_decision_reaches_the_filing_unit_too_when_another_unit_filed_it(
    client: TestClient, staff: Staff, engine: Engine
) -> None:
    record = filed(client, staff.czj_clerk, department="sfj")  # czj files a record about sfj
    who = {"objector_kind": "unit", "objector_name": "区司法局", "reason": "程度认定有误"}
    record = stepped(client, staff.sfj_clerk, record, "object", **who)
    stepped(
        client, staff.coordinator, record, "decide_objection",
        upheld=True, outcome="corrected", reason="程度认定有误", severity="minor",
    )  # fmt: skip

    [named] = [t for t in _about(_inbox(engine, "sfj"), record["number"]) if "异议结果" in t]
    [filing] = [t for t in _about(_inbox(engine, "czj"), record["number"]) if "异议结果" in t]
    assert named == filing and "异议成立" in filing
    own = filed(client, staff.czj_clerk, person_name="王某")  # filed about its own unit: once
    own = stepped(client, staff.czj_clerk, own, "object", **{**who, "objector_name": "区财政局"})
    stepped(client, staff.coordinator, own, "decide_objection", upheld=False, reason="处分有效")
    assert len([t for t in _about(_inbox(engine, "czj"), own["number"]) if "异议结果" in t]) == 1
