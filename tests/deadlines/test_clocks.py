"""Case clocks: opened by routing, met by signing and resolving, moved by extensions,
pauses and calendar corrections."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import col, select

from backend.cases.models import CaseEvent
from backend.cases.workflow import Action
from backend.db import session_scope
from backend.deadlines.models import Deadline
from backend.notifications.models import Notification
from backend.workdays.changes import change_day
from tests.api.helpers import act, file_case
from tests.conftest import Staff
from tests.deadlines.conftest import World, tianjin
from tests.records.helpers import filed


def clocks(client: TestClient, staff: Staff, number: str) -> dict[str, dict]:
    case = client.get(f"/api/v1/cases/{number}", headers=staff.coordinator).json()
    return {d["kind"]: d for d in case["deadlines"] if d["state"] != "cancelled"}


def test_a_routed_complaint_gets_sign_and_resolve_clocks_in_working_days(
    client: TestClient, staff: Staff
) -> None:
    case = file_case(client, staff.coordinator)  # Friday 2026-11-27, 10:00 in Tianjin
    found = clocks(client, staff, case["number"])
    assert {k: (d["due_date"], d["provisional"], d["state"]) for k, d in found.items()} == {
        "sign": ("2026-11-30", False, "open"),
        "resolve": ("2026-12-18", False, "open"),
    }


def test_signing_meets_the_sign_clock(client: TestClient, staff: Staff) -> None:
    case = file_case(client, staff.coordinator)
    act(client, staff.czj_clerk, case, "sign")
    assert clocks(client, staff, case["number"])["sign"]["state"] == "met"


def test_a_triage_case_has_only_the_dispatch_clock_until_it_is_routed(
    client: TestClient, staff: Staff
) -> None:
    case = file_case(client, staff.coordinator, text="请问怎么注册账号呢？")  # Friday 10:00
    found = clocks(client, staff, case["number"])
    assert {k: (d["due_date"], d["state"]) for k, d in found.items()} == {
        "dispatch": ("2026-11-27", "open")  # the same working day
    }


def test_a_dishonesty_record_filed_late_shows_its_report_clock_met_late(
    client: TestClient, staff: Staff
) -> None:
    late = filed(client, staff.czj_clerk, arisen_on="2026-11-10", finding_type="judgment")
    in_time = filed(
        client, staff.czj_clerk, arisen_on="2026-11-24", finding_type="penalty", person_name="张某"
    )
    assert clocks(client, staff, late["number"])["report"]["due_date"] == "2026-11-19"
    assert clocks(client, staff, late["number"])["report"]["state"] == "met_late"
    assert clocks(client, staff, in_time["number"])["report"]["state"] == "met"


def test_an_open_clock_past_due_is_overdue_and_listed_as_such(
    client: TestClient, staff: Staff, clock
) -> None:
    case = file_case(client, staff.coordinator)
    clock.current = tianjin(2026, 12, 1, 9)
    listed = client.get("/api/v1/cases?overdue=true", headers=staff.coordinator).json()["data"]
    assert [c["number"] for c in listed] == [case["number"]]
    assert clocks(client, staff, case["number"])["sign"]["state"] == "overdue"
    act(client, staff.czj_clerk, case, "sign")
    assert clocks(client, staff, case["number"])["sign"]["state"] == "met_late"


def test_an_approved_extension_moves_the_due_date_and_tells_the_reporter(world: World) -> None:
    receipt = world.file(channel="telegram", chat_id="reporter-chat")
    number = receipt.case.number
    world.act(number, Action.sign)
    world.act(number, Action.request_extension, days=5, reason="需要审计结果")
    world.act(number, Action.approve_extension, actor=world.coordinator)
    with session_scope(world.container.engine) as session:
        resolve = session.exec(select(Deadline).where(Deadline.kind == "resolve")).one()
        told = session.exec(select(Notification).where(Notification.kind == "update")).all()
    assert (resolve.due_date, resolve.extension_days) == (date(2026, 12, 25), 5)
    extension = [n for n in told if n.key.startswith("extension:")]
    assert [(n.chat_id, "2026-12-25" in n.text) for n in extension] == [("reporter-chat", True)]


def test_a_denied_extension_changes_nothing(world: World) -> None:
    number = world.file().case.number
    world.act(number, Action.sign)
    world.act(number, Action.request_extension, days=5, reason="需要审计结果")
    world.act(number, Action.deny_extension, actor=world.coordinator, reason="理由不充分")
    with session_scope(world.container.engine) as session:
        resolve = session.exec(select(Deadline).where(Deadline.kind == "resolve")).one()
    assert (resolve.due_date, resolve.pending_extension_days) == (date(2026, 12, 18), None)


def test_a_pause_adds_the_paused_working_days_to_the_due_date(world: World) -> None:
    number = world.file().case.number
    world.act(number, Action.sign)
    world.act(number, Action.pause, reason="等待投诉人补充合同")
    world.clock.current = tianjin(2026, 12, 3, 10)  # Thursday: paused Mon..Thu = 4 working days
    world.act(number, Action.resume)
    with session_scope(world.container.engine) as session:
        resolve = session.exec(select(Deadline).where(Deadline.kind == "resolve")).one()
    assert (resolve.paused_days, resolve.due_date) == (4, date(2026, 12, 24))


def test_a_calendar_correction_recomputes_open_due_dates_and_logs_it(world: World) -> None:
    number = world.file().case.number
    with session_scope(world.container.engine) as session:
        moved = change_day(
            session=session,
            keeper=world.container.keeper,
            day=date(2026, 12, 9),
            working=False,
            reason="暴雪停工",
            actor=world.coordinator,
        )
    with session_scope(world.container.engine) as session:
        resolve = session.exec(select(Deadline).where(Deadline.kind == "resolve")).one()
    assert (moved, resolve.due_date) == (1, date(2026, 12, 21))
    client_view = world.act(number, Action.sign)
    assert client_view.version == 2


def test_extension_needs_days_and_a_reason(client: TestClient, staff: Staff) -> None:
    case = act(client, staff.czj_clerk, file_case(client, staff.coordinator), "sign").json()
    no_days = act(client, staff.czj_clerk, case, "request_extension", reason="需要调取档案")
    too_many = act(
        client, staff.czj_clerk, case, "request_extension", reason="需要调取档案", days=99
    )
    assert (no_days.status_code, no_days.json()["code"]) == (422, "days_required")
    assert (too_many.status_code, too_many.json()["code"]) == (422, "bad_extension")


def test_resume_without_a_pause_is_refused_saying_the_clock_is_not_paused(
    client: TestClient, staff: Staff
) -> None:
    case = act(client, staff.czj_clerk, file_case(client, staff.coordinator), "sign").json()

    said = {
        language: act(client, {**staff.czj_clerk, "Accept-Language": language}, case, "resume")
        for language in ("zh", "en")
    }

    assert {language: (r.status_code, r.json()) for language, r in said.items()} == {
        "zh": (409, {"detail": "计时没有暂停，无需恢复。", "code": "clock_not_paused"}),
        "en": (
            409,
            {
                "detail": "The clock is not paused: there is nothing to resume.",
                "code": "clock_not_paused",
            },
        ),
    }


def test_pausing_a_paused_clock_is_refused_saying_it_is_paused_already(
    client: TestClient, staff: Staff
) -> None:
    case = act(client, staff.czj_clerk, file_case(client, staff.coordinator), "sign").json()
    case = act(client, staff.czj_clerk, case, "pause", reason="等待投诉人补充材料").json()
    assert "pause" not in case["allowed_actions"] and "resume" in case["allowed_actions"]

    said = {
        language: act(
            client,
            {**staff.czj_clerk, "Accept-Language": language},
            case,
            "pause",
            reason="等待投诉人补充材料",
        )
        for language in ("zh", "en")
    }

    assert {language: (r.status_code, r.json()) for language, r in said.items()} == {
        "zh": (
            409,
            {
                "detail": "计时已经暂停，无需再次暂停；投诉人答复后，请恢复计时。",
                "code": "clock_already_paused",
            },
        ),
        "en": (
            409,
            {
                "detail": "The clock is paused already; resume it once the reporter answers.",
                "code": "clock_already_paused",
            },
        ),
    }


def test_an_extensions_decision_records_the_days_and_the_new_due_day_in_the_history(
    world: World,
) -> None:
    number = world.file().case.number
    world.act(number, Action.sign)
    world.act(number, Action.request_extension, days=5, reason="需要审计结果")
    world.act(number, Action.approve_extension, actor=world.coordinator)
    world.act(number, Action.request_extension, days=3, reason="还需三天")
    world.act(number, Action.deny_extension, actor=world.coordinator, reason="理由不充分")
    with session_scope(world.container.engine) as session:
        events = session.exec(select(CaseEvent).order_by(col(CaseEvent.id))).all()
        decided = {e.action: e.details for e in events if e.action.endswith("_extension")}
    assert decided["approve_extension"] == {
        "kind": "resolve",
        "days": 5,
        "from": "2026-12-18",
        "to": "2026-12-25",
    }
    assert decided["deny_extension"] == {"kind": "resolve", "days": 3}


def test_a_clock_past_its_due_day_cannot_be_paused_so_a_late_case_stays_late(
    client: TestClient, staff: Staff, clock
) -> None:
    case = act(client, staff.czj_clerk, file_case(client, staff.coordinator), "sign").json()
    clock.current = tianjin(2026, 12, 21, 10)  # the resolve clock was due on 18 December
    case = client.get(f"/api/v1/cases/{case['number']}", headers=staff.czj_clerk).json()
    assert (
        "pause" not in case["allowed_actions"] and "request_extension" in case["allowed_actions"]
    )

    def pause(language: str) -> Any:
        return client.post(
            f"/api/v1/cases/{case['number']}/actions",
            json={"action": "pause", "version": case["version"], "reason": "等待投诉人补充材料"},
            headers={**staff.czj_clerk, "Accept-Language": language},
        )

    refused, english = pause("zh"), pause("en")

    assert (refused.status_code, refused.json()["code"]) == (409, "pause_overdue")
    assert "2026-12-18" in refused.json()["detail"] and "不能暂停" in refused.json()["detail"]
    assert "cannot be paused" in english.json()["detail"]
    overdue = client.get("/api/v1/cases?overdue=true", headers=staff.czj_clerk).json()["data"]
    assert case["number"] in [c["number"] for c in overdue]
