"""A record's clocks in the sweep: reminders to the unit that owes them, escalation when late."""

from __future__ import annotations

from datetime import date

from backend.actors import SYSTEM
from backend.db import session_scope
from backend.records.actions import act
from backend.records.commands import NewRecord, RecordAction, RecordCommand
from backend.records.env import record_env
from backend.records.service import file_record, get_record
from tests.deadlines.conftest import World, tianjin

DRAFT = NewRecord(
    person_name="李某",
    person_post="科长",
    department="czj",
    finding_type="penalty",
    arisen_on=date(2026, 11, 25),  # the report is due on Friday 2026-12-04
    summary="承诺的企业补贴长期未兑现",
    draft=True,
)


def file(world: World, new: NewRecord) -> str:
    with session_scope(world.container.engine) as session:
        env = record_env(container=world.container, session=session)
        return file_record(session=session, new=new, actor=world.clerk, env=env).case.number


def lead_office_acts(world: World, number: str, action: RecordAction, **command: object) -> None:
    with session_scope(world.container.engine) as session:
        env = record_env(container=world.container, session=session)
        view = get_record(session=session, number=number, actor=world.coordinator, env=env)
        act(
            session=session,
            view=view,
            actor=world.coordinator,
            env=env,
            command=RecordCommand(action=action, version=view.record.version, **command),  # type: ignore[arg-type]
        )


def test_a_drafts_report_clock_reminds_the_filing_units_clerks_before_it_is_filed(
    world: World,
) -> None:
    number = file(world, DRAFT)
    world.clock.current = tianjin(2026, 12, 2, 9)  # 2 working days before the due day
    world.tick()
    reminders = world.texts("clerk-chat")
    assert len(reminders) == 1 and number in reminders[0] and "报送" in reminders[0]
    assert world.texts("boss-chat") == []


def test_an_overdue_rectification_escalates_to_the_coordinators(world: World) -> None:
    number = file(
        world,
        NewRecord(
            **{**DRAFT.__dict__, "draft": False, "severity": "minor", "document_number": "津12号"}
        ),
    )
    lead_office_acts(world, number, RecordAction.order_rectification, days=1)  # due Mon 11-30
    world.clock.current = tianjin(2026, 11, 30, 9)
    world.tick()
    assert any(number in t and "整改" in t for t in world.texts("clerk-chat"))
    world.clock.current = tianjin(2026, 12, 2, 9)  # 2 working days overdue
    world.tick()
    escalations = [t for t in world.texts("boss-chat") if "督办" in t]
    assert len(escalations) == 1 and number in escalations[0]
    assert "区财政局的失信记录" in escalations[0]


def test_the_decision_on_an_objection_from_a_chat_is_sent_to_that_chat(world: World) -> None:
    number = file(
        world,
        NewRecord(
            **{**DRAFT.__dict__, "draft": False, "severity": "minor", "document_number": "津1号"}
        ),
    )
    with session_scope(world.container.engine) as session:
        env = record_env(container=world.container, session=session)
        view = get_record(session=session, number=number, actor=SYSTEM, env=env)
        command = RecordCommand(
            action=RecordAction.object,
            version=view.record.version,
            reason="处分已被撤销",
            objector_kind="person",
            objector_name="李某",
            channel="telegram",
            chat_id="objector-chat",
            language="en",
        )
        act(session=session, view=view, command=command, actor=SYSTEM, env=env)
    lead_office_acts(world, number, RecordAction.decide_objection, upheld=False, reason="处分有效")
    world.tick()
    [told] = world.texts("objector-chat")
    assert number in told and "dismissed" in told and "处分有效" in told


def test_a_late_report_is_flagged_to_the_lead_office_with_the_working_days_late(
    world: World,
) -> None:
    world.clock.current = tianjin(2026, 12, 8, 10)  # 2 working days after Friday 2026-12-04
    number = file(
        world,
        NewRecord(
            **{**DRAFT.__dict__, "draft": False, "severity": "minor", "document_number": "津2号"}
        ),
    )
    world.tick()
    [flag] = [t for t in world.texts("boss-chat") if "迟报" in t]
    assert number in flag and "2 个工作日" in flag and "（区财政局）" in flag
    assert world.texts("clerk-chat") == []
