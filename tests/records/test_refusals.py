"""What a tester found trying the records API with bad input and steps in the wrong state."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from backend.bootstrap import Container
from backend.db import session_scope
from backend.errors import ValidationFailed
from backend.people.service import create_staff
from tests.books_console.conftest import signed_in
from tests.conftest import Staff
from tests.records.helpers import (
    RECORD,
    file_record,
    filed,
    rectified_czj_record,
    step,
    stepped,
)

ZH = {"Accept-Language": "zh"}


def test_a_record_without_a_summary_is_refused_naming_the_summary_not_a_complaint(
    client: TestClient, staff: Staff
) -> None:
    for summary in ("", "   "):
        refused = file_record(client, staff.czj_clerk, summary=summary)
        answer = refused.json()
        assert (refused.status_code, answer["code"], answer["field"]) == (
            422,
            "record_summary_required",
            "summary",
        )
        assert "complaint" not in answer["detail"]
    zh = file_record(client, {**staff.czj_clerk, **ZH}, summary="").json()
    assert "投诉" not in zh["detail"] and "摘要" in zh["detail"]
    short = file_record(client, staff.czj_clerk, summary="短").json()
    assert (short["code"], short["field"]) == ("record_summary_too_short", "summary")
    long = file_record(client, staff.czj_clerk, summary="长" * 6000).json()
    assert (long["code"], long["field"]) == ("record_summary_too_long", "summary")


def test_a_summary_too_long_or_short_is_refused_naming_the_summary_not_the_complaint(
    client: TestClient, staff: Staff
) -> None:
    long_zh = file_record(client, {**staff.czj_clerk, **ZH}, summary="长" * 6000).json()
    assert long_zh["detail"] == "记录摘要太长（6000 字），最多 5000 字。"
    long_en = file_record(client, staff.czj_clerk, summary="长" * 6000).json()
    assert long_en["detail"] == "The summary is too long (6000 characters); the limit is 5000."
    short_zh = file_record(client, {**staff.czj_clerk, **ZH}, summary="短").json()
    assert "记录摘要" in short_zh["detail"] and "投诉" not in short_zh["detail"]
    short_en = file_record(client, staff.czj_clerk, summary="短").json()
    assert "summary" in short_en["detail"] and "complaint" not in short_en["detail"]


def _objected(client: TestClient, staff: Staff) -> tuple[dict[str, Any], dict[str, Any]]:
    """File a record and object to it as the person named; return both versions of it."""
    record = filed(client, staff.czj_clerk)
    objected = stepped(
        client,
        staff.czj_clerk,
        record,
        "object",
        reason="情况不实",
        objector_kind="person",
        objector_name="李某",
    )
    return record, objected


def test_a_corrected_summary_obeys_the_same_rules_as_a_filed_one(
    client: TestClient, staff: Staff
) -> None:
    record, objected = _objected(client, staff)
    for summary, code in (
        ("  ", "record_summary_required"),
        ("长" * 6000, "record_summary_too_long"),
    ):
        refused = step(
            client,
            staff.fgw_clerk,
            objected,
            "decide_objection",
            upheld=True,
            outcome="corrected",
            reason="部分不实",
            summary=summary,
        )
        assert (refused.status_code, refused.json()["code"]) == (422, code)
        assert refused.json()["field"] == "summary"


def test_a_repaired_record_is_not_ordered_to_rectify_again(
    client: TestClient, staff: Staff
) -> None:
    record = rectified_czj_record(client, staff.czj_clerk, staff.fgw_clerk)
    who = {"objector_kind": "person", "objector_name": "李某"}
    record = stepped(client, staff.czj_clerk, record, "apply_repair", reason="已整改", **who)
    record = stepped(client, staff.fgw_clerk, record, "accept_repair")
    record = stepped(client, staff.fgw_clerk, record, "decide_repair", upheld=True)
    assert "order_rectification" not in record["allowed_actions"]
    refused = step(client, staff.fgw_clerk, record, "order_rectification")
    assert (refused.status_code, refused.json()["code"]) == (409, "invalid_transition")
    again = client.get(f"/api/v1/records/{record['number']}", headers=staff.fgw_clerk).json()
    assert (again["rectification_state"], again["repair_state"]) == ("accepted", "repaired")


def test_a_published_record_is_not_published_again_so_its_period_does_not_restart(
    client: TestClient, staff: Staff
) -> None:
    record = stepped(client, staff.fgw_clerk, filed(client, staff.czj_clerk), "publish")
    assert "publish" not in record["allowed_actions"]
    refused = step(client, staff.fgw_clerk, record, "publish", months=12)
    assert (refused.status_code, refused.json()["code"]) == (409, "invalid_transition")
    assert "published" in refused.json()["detail"]


def test_an_unknown_leniency_is_refused_in_words_not_in_python(
    client: TestClient, staff: Staff
) -> None:
    record = filed(client, staff.czj_clerk)
    refused = step(client, staff.fgw_clerk, record, "leniency", leniency="none", reason="退赔")
    assert refused.status_code == 422
    assert "Leniency." not in refused.text and "'reduced' or 'waived'" in refused.text


def test_the_old_way_of_filing_a_record_as_a_case_points_to_the_records_api(
    client: TestClient, staff: Staff
) -> None:
    body = {"text": RECORD["summary"], "kind": "dishonesty_record", "occurred_on": "2026-11-25"}
    for headers, words in (
        (staff.czj_clerk, "/api/v1/records"),
        ({**staff.czj_clerk, **ZH}, "/api/v1/records"),
    ):
        refused = client.post("/api/v1/cases", json=body, headers=headers)
        answer = refused.json()
        assert (refused.status_code, answer["code"], answer["field"]) == (
            422,
            "record_use_records_api",
            "kind",
        )
        assert words in answer["detail"]
    listed = client.get("/api/v1/cases", headers=staff.coordinator).json()["data"]
    assert listed == []  # nothing filed the old way


def test_a_severity_corrected_on_objection_sets_the_publicity_period_of_the_new_severity(
    client: TestClient, staff: Staff
) -> None:
    record = filed(client, staff.fgw_clerk, department="sfj", severity="serious")
    record = stepped(client, staff.fgw_clerk, record, "publish")
    assert record["publicity_until"] > "2027-11-01"
    published_until = record["publicity_until"]
    who = {"objector_kind": "person", "objector_name": "李某"}
    record = stepped(client, staff.sfj_clerk, record, "object", reason="程度过重", **who)
    record = stepped(
        client,
        staff.fgw_clerk,
        record,
        "decide_objection",
        upheld=True,
        outcome="corrected",
        reason="应为轻微",
        severity="minor",
    )
    # minor: up to 3 months (policy records.publicity), counted from the day it was published
    assert record["severity"] == "minor" and record["publicity_months"] <= 3
    assert record["publicity_until"] <= "2027-03-01"
    # the decision's event says what changed, so the register stays auditable
    decided = [e for e in record["events"] if e["action"] == "decide_objection"][-1]
    assert decided["details"] | {"objection": None} == {
        "objection": None,
        "objection_state": "upheld",
        "outcome": "corrected",
        "severity_before": "serious",
        "severity": "minor",
        "until_before": published_until,
        "months": record["publicity_months"],
        "until": record["publicity_until"],
    }


def test_a_corrected_summary_keeps_the_one_it_replaced_in_the_history(
    client: TestClient, staff: Staff, container: Container
) -> None:
    record = filed(client, staff.fgw_clerk, department="sfj")
    who = {"objector_kind": "person", "objector_name": "李某"}
    record = stepped(client, staff.sfj_clerk, record, "object", reason="金额有误", **who)
    record = stepped(
        client,
        staff.fgw_clerk,
        record,
        "decide_objection",
        upheld=True,
        outcome="corrected",
        reason="更正金额",
        summary="承诺的企业补贴三万元长期未兑现",
    )
    decided = [e for e in record["events"] if e["action"] == "decide_objection"][-1]
    visitor = signed_in(client, container, "wang2")
    page = visitor.get(f"/console/records/{record['number']}").text

    assert decided["details"]["summary_before"] == "承诺的企业补贴长期未兑现，受到党内警告处分"
    assert decided["details"]["summary"] == "承诺的企业补贴三万元长期未兑现"
    assert "更正前的摘要" in page and "承诺的企业补贴长期未兑现，受到党内警告处分" in page


def test_the_named_unit_reaches_the_records_case_for_notes_and_evidence(
    client: TestClient, staff: Staff
) -> None:
    # The unit named must send its rectification report "with evidence", which rides on the
    # record's case: it reads the case as it reads the record.
    record = filed(client, staff.fgw_clerk, department="sfj")
    assert client.get(f"/api/v1/records/{record['number']}", headers=staff.sfj_clerk).is_success
    case = client.get(f"/api/v1/cases/{record['number']}", headers=staff.sfj_clerk)
    assert case.status_code == 200


def test_reporting_a_draft_without_its_document_asks_for_it_not_to_register_a_draft(
    client: TestClient, staff: Staff
) -> None:
    draft = filed(client, staff.czj_clerk, document_number=None, severity=None, draft=True)
    for headers in (staff.czj_clerk, {**staff.czj_clerk, **ZH}):
        refused = step(client, headers, draft, "report", severity="minor")
        answer = refused.json()
        assert (refused.status_code, answer["code"], answer["field"]) == (
            422,
            "record_report_needs_document",
            "document_number",
        )
        assert "draft" not in answer["detail"] and "草稿" not in answer["detail"]
    again = client.get(f"/api/v1/records/{draft['number']}", headers=staff.czj_clerk).json()
    assert (again["state"], again["severity"], again["version"]) == ("draft", None, 1)


def test_a_records_conflicts_name_the_record_not_a_case_in_chinese_and_english(
    client: TestClient, staff: Staff
) -> None:
    record = stepped(client, staff.fgw_clerk, filed(client, staff.czj_clerk), "publish")
    again, stale = {**record}, {**record, "version": record["version"] - 1}
    for headers, language in ((staff.fgw_clerk, "en"), ({**staff.fgw_clerk, **ZH}, "zh")):
        not_now = step(client, headers, again, "publish").json()
        changed = step(
            client, headers, stale, "leniency", leniency="reduced", reason="纠正"
        ).json()
        assert (not_now["code"], changed["code"]) == ("invalid_transition", "stale_version")
        for detail in (not_now["detail"], changed["detail"]):
            if language == "zh":
                assert "记录" in detail and "案件" not in detail, detail
            else:
                assert "record" in detail and "case" not in detail, detail


def test_the_record_list_refuses_a_unit_that_does_not_exist_as_the_console_does(
    client: TestClient, staff: Staff
) -> None:
    filed(client, staff.czj_clerk)
    for headers in (staff.fgw_clerk, staff.coordinator):
        refused = client.get("/api/v1/records?department=nope", headers={**headers, **ZH})
        answer = refused.json()
        assert (refused.status_code, answer["code"], answer["field"]) == (
            422,
            "unknown_department",
            "department",
        )
        assert "没有这个单位" in answer["detail"]
    listed = client.get("/api/v1/records?department=czj", headers=staff.fgw_clerk).json()
    assert len(listed["data"]) == 1


def test_a_record_whose_measures_were_waived_is_not_published(
    client: TestClient, staff: Staff
) -> None:
    record = filed(client, staff.czj_clerk)
    waived = stepped(
        client, staff.fgw_clerk, record, "leniency", leniency="waived", reason="主动纠错"
    )
    assert "publish" not in waived["allowed_actions"]
    refused = step(client, staff.fgw_clerk, waived, "publish")
    assert (refused.status_code, refused.json()["code"]) == (409, "invalid_transition")
    assert "waived" in refused.json()["detail"]
    reduced = stepped(
        client, staff.fgw_clerk, waived, "leniency", leniency="reduced", reason="改为减轻"
    )
    assert "publish" in reduced["allowed_actions"]


def test_a_correction_that_changes_nothing_is_refused_and_the_objection_still_waits(
    client: TestClient, staff: Staff
) -> None:
    # Reviewer, 2026-12-01: 成立 + 更正 with no new summary or severity was taken, and the
    # record stayed published exactly as it was, "corrected".
    record, objected = _objected(client, staff)
    decide = {"upheld": True, "outcome": "corrected", "reason": "部分不实"}
    for same in ({}, {"summary": record["summary"]}, {"severity": record["severity"]}):
        refused = step(client, staff.fgw_clerk, objected, "decide_objection", **decide, **same)
        assert (refused.status_code, refused.json()["code"]) == (422, "correction_required")
    corrected = stepped(
        client, staff.fgw_clerk, objected, "decide_objection", **decide, severity="minor"
    )
    assert (corrected["objection_state"], corrected["severity"]) == ("upheld", "minor")


def test_a_coordinator_account_of_another_unit_does_not_speak_for_the_lead_office(
    client: TestClient, staff: Staff, container: Container
) -> None:
    # Made before such accounts were refused (intake users create now refuses them).
    with session_scope(container.engine) as session:
        _, token = create_staff(
            session=session, name="财政局 协调", role="coordinator", department="czj",
            clock=container.clock,
        )  # fmt: skip
    czj_coordinator = {"Authorization": f"Bearer {token}"}
    record = filed(client, staff.sfj_clerk)
    refused = step(client, czj_coordinator, record, "leniency", leniency="waived", reason="纠正")
    assert refused.status_code == 404  # not the lead office's: the record is not theirs to see
    assert step(client, czj_coordinator, record, "publish").status_code == 404
    assert step(client, staff.coordinator, record, "publish").status_code == 200


def test_a_coordinator_is_created_only_in_the_lead_office(container: Container) -> None:
    with session_scope(container.engine) as session, pytest.raises(ValidationFailed) as refused:
        create_staff(
            session=session, name="财政局 协调", role="coordinator", department="czj",
            clock=container.clock, lead_office="fgw",
        )  # fmt: skip
    assert refused.value.code == "coordinator_lead_office"
    assert "区发展改革委" in refused.value.message("zh") or "fgw" in refused.value.message("zh")


def test_waiving_the_measures_of_a_published_record_takes_it_down_everywhere(
    client: TestClient, staff: Staff
) -> None:
    # Reviewer, 2026-12-02: the page dropped it, but the API, ?state=published, the console's
    # badge and the ledger still said 公示中.
    record = stepped(client, staff.fgw_clerk, filed(client, staff.czj_clerk), "publish")
    waived = stepped(
        client, staff.fgw_clerk, record, "leniency", leniency="waived", reason="主动纠错"
    )
    assert (waived["publicity_state"], waived["may_publish"]) == ("taken_down", False)
    listed = client.get("/api/v1/records?state=published", headers=staff.fgw_clerk).json()
    assert record["number"] not in [r["number"] for r in listed["data"]]
    [event] = [e for e in waived["events"] if e["action"] == "leniency"]
    assert event["details"]["publicity_state"] == "taken_down"


def test_the_same_person_and_document_filed_again_is_refused_naming_the_first_record(
    client: TestClient, staff: Staff
) -> None:
    # Reviewer, 2026-12-02: Back and submit again filed a second record (the form's key was
    # new), and a duplicate can only leave through an upheld objection that counts against it.
    first = filed(client, staff.czj_clerk)
    again = file_record(client, {**staff.czj_clerk, **ZH}, document_number=" 津红纪〔2026〕12号 ")
    answer = again.json()
    assert (again.status_code, answer["code"], answer["field"]) == (
        422,
        "record_already_filed",
        "document_number",
    )
    assert first["number"] in answer["detail"]
    assert filed(client, staff.czj_clerk, person_name="张某")  # one document, several people
    assert filed(client, staff.czj_clerk, draft=True, document_number=None)  # no number yet


def test_an_upheld_objection_cannot_make_the_record_graver(
    client: TestClient, staff: Staff
) -> None:
    # Reviewer, 2026-12-02: upheld, corrected, minor → serious was taken, and the objector's
    # record ran 12 months instead of 3.
    _, objected = _objected(client, staff)  # filed general
    decide = {"upheld": True, "outcome": "corrected", "reason": "部分不实"}
    graver = step(
        client, staff.fgw_clerk, objected, "decide_objection", **decide, severity="serious"
    )
    assert (graver.status_code, graver.json()["code"]) == (422, "correction_graver")
    milder = stepped(
        client, staff.fgw_clerk, objected, "decide_objection", **decide, severity="minor"
    )
    assert milder["severity"] == "minor"


def test_a_dismissed_objection_with_a_correction_is_refused_not_dropped(
    client: TestClient, staff: Staff
) -> None:
    _, objected = _objected(client, staff)
    both = step(
        client, staff.fgw_clerk, objected, "decide_objection",
        upheld=False, reason="不成立", summary="改过的摘要内容足够长",
    )  # fmt: skip
    assert (both.status_code, both.json()["code"], both.json()["field"]) == (
        422,
        "correction_needs_upheld",
        "summary",
    )


@pytest.mark.parametrize(
    ("decision", "code", "field", "named"),
    [
        (
            {"upheld": False, "outcome": "withdrawn"},
            "outcome_needs_upheld",
            "outcome",
            ("不成立", "处理结果", "dismissed", "outcome"),
        ),
        (
            {"upheld": False, "outcome": "corrected", "summary": "改过的摘要内容足够长"},
            "outcome_needs_upheld",
            "outcome",
            ("不成立", "处理结果", "dismissed", "outcome"),
        ),
        (
            {"upheld": True, "outcome": "withdrawn", "summary": "更正后的摘要内容足够长"},
            "correction_needs_corrected",
            "summary",
            ("撤销", "更正", "withdrawn", "correction"),
        ),
        (
            {"upheld": True, "outcome": "withdrawn", "severity": "minor"},
            "correction_needs_corrected",
            "severity",
            ("撤销", "更正", "withdrawn", "correction"),
        ),
    ],
)
def test_contradictory_objection_decision_fields_are_refused_by_name_not_dropped(
    client: TestClient,
    staff: Staff,
    decision: dict[str, Any],
    code: str,
    field: str,
    named: tuple[str, ...],
) -> None:
    """异议决定的字段互相矛盾时（不成立却给处理结果；撤销却附更正）拒绝并指明字段，不静默丢弃。"""
    _, objected = _objected(client, staff)
    path = f"/api/v1/records/{objected['number']}"
    decide = {"action": "decide_objection", "version": objected["version"], "reason": "理由"}

    answers = {
        language: client.post(
            f"{path}/actions",
            json={**decide, **decision},
            headers={**staff.fgw_clerk, "Accept-Language": language},
        )
        for language in ("zh", "en")
    }

    for answer in answers.values():
        assert (answer.status_code, answer.json()["code"], answer.json()["field"]) == (
            422,
            code,
            field,
        )
    zh, en = answers["zh"].json()["detail"], answers["en"].json()["detail"]
    assert [w for w in named[:2] if w not in zh] + [w for w in named[2:] if w not in en] == []
    after = client.get(path, headers=staff.fgw_clerk).json()
    assert (after["objection_state"], after["state"], after["version"]) == (
        "pending",
        objected["state"],
        objected["version"],
    )


def test_the_consoles_objection_form_answers_a_withdrawal_with_a_correction_as_the_api_does(
    client: TestClient, staff: Staff, container: Container
) -> None:
    """控制台的异议决定表单：撤销记录又附更正时，同样拒绝并保留所填内容。"""
    _, objected = _objected(client, staff)
    wang = signed_in(client, container, "wang")
    path = f"/console/records/{objected['number']}"
    wang.get(path)
    form = {"action": "decide_objection", "version": str(objected["version"])}
    decision = {"upheld": "yes", "outcome": "withdrawn", "reason": "文书已撤销"}

    refused = wang.post(f"{path}/actions", {**form, **decision, "summary": "更正后的摘要内容"})

    assert refused.status_code == 400
    assert "处理结果为「撤销记录」时不更正记录" in refused.text
    assert "更正后的摘要内容" in refused.text  # what was typed is kept
    after = client.get(f"/api/v1/records/{objected['number']}", headers=staff.fgw_clerk)
    assert after.json()["state"] == objected["state"]


def test_a_step_of_the_other_side_is_refused_in_the_console_by_its_name(
    client: TestClient, staff: Staff, container: Container
) -> None:
    record = filed(client, staff.fgw_clerk, department="sfj")  # names a unit, sfj
    visitor = signed_in(
        client, container, "zhao", role="clerk", department="sfj", name="司法局 赵"
    )
    path = f"/console/records/{record['number']}"
    assert visitor.get(path).status_code == 200

    refused = visitor.post(
        f"{path}/actions", {"action": "publish", "version": str(record["version"])}
    )

    assert refused.status_code == 403
    assert "这项操作（公示）不由您的单位办理。" in refused.text
