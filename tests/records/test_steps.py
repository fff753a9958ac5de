"""After filing: rectification, objection, credit repair, leniency and publicity by the API."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi.testclient import TestClient

from tests.conftest import Staff
from tests.fakes import FakeClock
from tests.records.helpers import clock_of, filed, step, stepped


def sfj_record(client: TestClient, staff: Staff) -> dict[str, Any]:
    """A record the lead office's clerk filed about a person serving in sfj."""
    return filed(client, staff.fgw_clerk, department="sfj")


def rectified(client: TestClient, staff: Staff) -> dict[str, Any]:
    record = sfj_record(client, staff)
    record = stepped(client, staff.coordinator, record, "order_rectification", days=10)
    record = stepped(
        client, staff.sfj_clerk, record, "submit_rectification", explanation="说明", report="报告"
    )
    return stepped(client, staff.coordinator, record, "accept_rectification")


def test_the_rectification_clock_goes_to_the_unit_named_in_the_record(
    client: TestClient, staff: Staff
) -> None:
    record = sfj_record(client, staff)
    assert step(client, staff.sfj_clerk, record, "order_rectification").status_code == 403
    ordered = stepped(client, staff.coordinator, record, "order_rectification", days=10)
    rectify = clock_of(ordered, "rectify")
    assert (ordered["rectification_state"], rectify["department"], rectify["state"]) == (
        "ordered",
        "sfj",
        "open",
    )
    assert (rectify["days"], rectify["due_date"]) == (10, "2026-12-11")
    default = stepped(
        client, staff.coordinator, filed(client, staff.czj_clerk), "order_rectification"
    )
    assert clock_of(default, "rectify")["days"] == 30  # policy.yaml clocks.rectify


def test_a_step_of_the_other_side_is_refused_by_its_name_in_the_callers_language(
    client: TestClient, staff: Staff
) -> None:
    record = sfj_record(client, staff)
    english = step(client, {**staff.sfj_clerk, "Accept-Language": "en"}, record, "publish")
    chinese = step(client, {**staff.sfj_clerk, "Accept-Language": "zh"}, record, "publish")
    assert (english.status_code, english.json()["code"]) == (403, "forbidden")
    assert english.json()["detail"] == "This step (Publish) is not for your unit."
    assert chinese.json()["detail"] == "这项操作（公示）不由您的单位办理。"


def test_the_named_unit_reports_and_the_lead_office_sends_it_back_then_accepts_it(
    client: TestClient, staff: Staff, clock: FakeClock
) -> None:
    record = stepped(client, staff.coordinator, sfj_record(client, staff), "order_rectification")
    # The filer is not the unit that rectifies.
    body = {"explanation": "原因说明", "report": "整改报告"}
    assert step(client, staff.fgw_clerk, record, "submit_rectification", **body).status_code == 403
    missing = step(client, staff.sfj_clerk, record, "submit_rectification", explanation="说明")
    assert (missing.status_code, missing.json()["code"]) == (422, "rectification_report_required")
    record = stepped(client, staff.sfj_clerk, record, "submit_rectification", **body)
    assert (record["rectification_state"], clock_of(record, "rectify")["state"]) == (
        "submitted",
        "met",
    )
    no_reason = step(client, staff.coordinator, record, "return_rectification")
    assert (no_reason.status_code, no_reason.json()["code"]) == (422, "reason_required")
    record = stepped(
        client, staff.coordinator, record, "return_rectification", reason="证据不足", days=5
    )
    assert (record["rectification_state"], record["rectification_reason"]) == (
        "sent_back",
        "证据不足",
    )
    assert (clock_of(record, "rectify")["state"], clock_of(record, "rectify")["days"]) == (
        "open",
        5,
    )
    record = stepped(client, staff.sfj_clerk, record, "submit_rectification", **body)
    record = stepped(client, staff.fgw_clerk, record, "accept_rectification")
    assert (record["rectification_state"], record["rectified_on"]) == ("accepted", "2026-11-27")
    again = step(client, staff.coordinator, record, "accept_rectification")
    assert (again.status_code, again.json()["code"]) == (409, "invalid_transition")


def test_an_objection_marks_the_record_under_objection_until_the_lead_office_decides(
    client: TestClient, staff: Staff
) -> None:
    record = stepped(client, staff.coordinator, sfj_record(client, staff), "publish")
    assert record["may_publish"] is True
    who = {"objector_kind": "person", "objector_name": "李某"}
    no_reason = step(client, staff.sfj_clerk, record, "object", **who)
    assert (no_reason.status_code, no_reason.json()["code"]) == (422, "reason_required")
    record = stepped(client, staff.sfj_clerk, record, "object", reason="处分已撤销", **who)
    objection = clock_of(record, "objection")
    assert (record["objection_state"], record["may_publish"]) == ("pending", True)  # marked
    assert (objection["department"], objection["days"], objection["due_date"]) == (
        "fgw",
        10,
        "2026-12-11",
    )
    listed = client.get("/api/v1/records?state=under_objection", headers=staff.coordinator)
    assert [r["number"] for r in listed.json()["data"]] == [record["number"]]
    twice = step(client, staff.sfj_clerk, record, "object", reason="再次", **who)
    assert twice.status_code == 409
    assert (
        step(client, staff.sfj_clerk, record, "decide_objection", upheld=False).status_code == 403
    )
    undecided = step(client, en(staff.coordinator), record, "decide_objection", reason="理由")
    assert (undecided.status_code, undecided.json()["code"]) == (422, "decision_required")
    assert undecided.json()["detail"] == "Please choose the decision: is the objection upheld?"
    record = stepped(
        client, staff.coordinator, record, "decide_objection", upheld=False, reason="处分有效"
    )
    assert (record["objection_state"], record["may_publish"]) == ("dismissed", True)
    assert clock_of(record, "objection")["state"] == "met"
    assert record["objections"][0]["decision_reason"] == "处分有效"


def test_an_upheld_objection_corrects_or_withdraws_the_record(
    client: TestClient, staff: Staff
) -> None:
    who = {"objector_kind": "unit", "objector_name": "区司法局", "reason": "不实"}
    record = stepped(client, staff.sfj_clerk, sfj_record(client, staff), "object", **who)
    no_outcome = step(
        client, staff.coordinator, record, "decide_objection", upheld=True, reason="更正处分"
    )
    assert (no_outcome.status_code, no_outcome.json()["code"]) == (422, "outcome_required")
    record = stepped(
        client,
        staff.coordinator,
        record,
        "decide_objection",
        upheld=True,
        outcome="corrected",
        reason="程度认定有误",
        severity="minor",
    )
    assert (record["objection_state"], record["severity"], record["state"]) == (
        "upheld",
        "minor",
        "reported",
    )
    record = stepped(client, staff.coordinator, record, "order_rectification")
    record = stepped(client, staff.sfj_clerk, record, "object", **who)
    record = stepped(
        client,
        staff.coordinator,
        record,
        "decide_objection",
        upheld=True,
        outcome="withdrawn",
        reason="处分已撤销",
    )
    assert (record["state"], record["withdrawn_on"]) == ("withdrawn", "2026-11-27")
    assert clock_of(record, "rectify")["state"] == "cancelled"
    assert record["allowed_actions"] == []


def test_credit_repair_after_rectification_runs_its_3_and_10_working_day_clocks(
    client: TestClient, staff: Staff
) -> None:
    early = filed(client, staff.fgw_clerk, department="sfj", person_name="张某")
    who = {"objector_kind": "person", "objector_name": "李某", "reason": "已整改到位"}
    too_early = step(client, staff.sfj_clerk, early, "apply_repair", **who)
    assert (too_early.status_code, too_early.json()["code"]) == (409, "invalid_transition")
    record = stepped(client, staff.coordinator, rectified(client, staff), "publish")
    record = stepped(client, staff.sfj_clerk, record, "apply_repair", **who)
    accept = clock_of(record, "repair_accept")
    assert (record["repair_state"], accept["department"], accept["days"]) == ("applied", "fgw", 3)
    assert accept["due_date"] == "2026-12-02"  # 3 working days after Friday 2026-11-27
    record = stepped(client, staff.coordinator, record, "accept_repair")
    decide = clock_of(record, "repair_decide")
    assert (record["repair_state"], clock_of(record, "repair_accept")["state"]) == (
        "accepted",
        "met",
    )
    assert (decide["days"], decide["due_date"]) == (10, "2026-12-11")
    undecided = step(client, zh(staff.coordinator), record, "decide_repair", reason="材料齐全")
    assert (undecided.status_code, undecided.json()["code"]) == (422, "repair_decision_required")
    assert undecided.json()["detail"] == "请选择决定：同意信用修复或不同意。"  # not an objection's
    denied = step(client, staff.coordinator, record, "decide_repair", upheld=False)
    assert (denied.status_code, denied.json()["code"]) == (422, "reason_required")
    record = stepped(client, staff.coordinator, record, "decide_repair", upheld=True)
    assert (record["repair_state"], record["repaired_on"], record["publicity_state"]) == (
        "repaired",
        "2026-11-27",
        "taken_down",
    )
    assert (record["may_publish"], clock_of(record, "repair_decide")["state"]) == (False, "met")


def test_a_refused_repair_application_may_be_made_again(client: TestClient, staff: Staff) -> None:
    who = {"objector_kind": "representative", "objector_name": "王律师", "reason": "已整改"}
    record = stepped(client, staff.sfj_clerk, rectified(client, staff), "apply_repair", **who)
    record = stepped(client, staff.coordinator, record, "refuse_repair", reason="材料不全")
    assert (record["repair_state"], record["repairs"][0]["decision_reason"]) == (
        "refused",
        "材料不全",
    )
    record = stepped(client, staff.sfj_clerk, record, "apply_repair", **who)
    assert [r["state"] for r in record["repairs"]] == ["refused", "applied"]


def test_leniency_reduces_or_waives_with_its_reason_and_a_waiver_ends_publication(
    client: TestClient, staff: Staff
) -> None:
    record = stepped(client, staff.coordinator, sfj_record(client, staff), "publish")
    missing = step(client, staff.coordinator, record, "leniency", reason="已挽回损失")
    assert (missing.status_code, missing.json()["code"]) == (422, "leniency_required")
    record = stepped(
        client, staff.coordinator, record, "leniency", leniency="waived", reason="已挽回损失"
    )
    assert (record["leniency"], record["leniency_reason"], record["may_publish"]) == (
        "waived",
        "已挽回损失",
        False,
    )


def test_publicity_lasts_the_severitys_period_within_its_configured_range(
    client: TestClient, staff: Staff, clock: FakeClock
) -> None:
    record = sfj_record(client, staff)  # general: 3 to 12 months, 6 by default
    out_of_range = step(client, staff.coordinator, record, "publish", months=13)
    assert (out_of_range.status_code, out_of_range.json()["code"]) == (
        422,
        "publicity_months_out_of_range",
    )
    record = stepped(client, staff.coordinator, record, "publish")
    assert (record["publicity_months"], record["publicity_from"], record["publicity_until"]) == (
        6,
        "2026-11-27",
        "2027-05-27",
    )
    serious = stepped(
        client,
        staff.coordinator,
        filed(client, staff.czj_clerk, severity="serious"),
        "publish",
        months=36,
    )
    assert serious["publicity_until"] == "2029-11-27"
    clock.current = datetime(2027, 5, 28, 2, 0, tzinfo=UTC)
    after = client.get(f"/api/v1/records/{record['number']}", headers=staff.coordinator).json()
    assert after["may_publish"] is False


def test_a_stale_version_and_a_draft_refuse_actions_like_the_case_actions(
    client: TestClient, staff: Staff
) -> None:
    record = sfj_record(client, staff)
    stepped(client, staff.coordinator, record, "order_rectification")
    stale = step(client, staff.coordinator, record, "publish")
    assert (stale.status_code, stale.json()["code"]) == (409, "stale_version")
    draft = filed(client, staff.czj_clerk, document_number=None, draft=True)
    refused = step(client, staff.coordinator, draft, "order_rectification")
    assert (refused.status_code, refused.json()["code"]) == (409, "invalid_transition")
    assert "draft" in refused.json()["detail"]
    zh = step(client, {**staff.coordinator, "Accept-Language": "zh"}, draft, "publish")
    assert zh.status_code == 409 and not zh.json()["detail"].isascii()


def test_an_objector_named_by_invisible_marks_only_is_refused_as_named_by_nobody(
    client: TestClient, staff: Staff
) -> None:
    record = stepped(client, staff.coordinator, sfj_record(client, staff), "publish")
    who = {"objector_kind": "person", "objector_name": "\u200b\u202e\u2066"}
    refused = step(client, staff.sfj_clerk, record, "object", reason="处分已撤销", **who)
    assert (refused.status_code, refused.json()["code"]) == (422, "objector_required")


def test_a_required_text_of_invisible_marks_or_control_characters_only_is_refused(
    client: TestClient, staff: Staff
) -> None:
    record = stepped(client, staff.coordinator, sfj_record(client, staff), "publish")
    who = {"objector_kind": "person", "objector_name": "李某"}
    for blank in ("\u200b\u200b", "\x01", "\x07\u200b\x1b", "\x7f\x9f"):
        refused = step(client, staff.sfj_clerk, record, "object", reason=blank, **who)
        assert (refused.status_code, refused.json()["code"]) == (422, "reason_required"), blank
        lenient = step(
            client, staff.coordinator, record, "leniency", leniency="reduced", reason=blank
        )
        assert (lenient.status_code, lenient.json()["code"]) == (422, "reason_required"), blank
    nobody = step(
        client,
        staff.sfj_clerk,
        record,
        "object",
        reason="处分已撤销",
        objector_kind="person",
        objector_name="\x07\x08",
    )
    assert (nobody.status_code, nobody.json()["code"]) == (422, "objector_required")


def test_a_record_naming_a_person_or_summary_of_control_characters_only_is_refused(
    client: TestClient, staff: Staff
) -> None:
    from tests.records.helpers import file_record

    person = file_record(client, staff.czj_clerk, person_name="\x07")
    assert (person.status_code, person.json()["code"]) == (422, "record_person_required")
    summary = file_record(client, staff.czj_clerk, summary="\x01\x02\x03\x04\x05\x06\x07\x08")
    assert summary.status_code == 422
    assert summary.json()["code"] in ("record_summary_required", "text_empty")


def zh(headers: dict[str, str]) -> dict[str, str]:
    return {**headers, "Accept-Language": "zh"}


def en(headers: dict[str, str]) -> dict[str, str]:
    return {**headers, "Accept-Language": "en"}
