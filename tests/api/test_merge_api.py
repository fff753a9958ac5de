"""Coordinators merge duplicates: the repeat closes and points to the case it repeats."""

from __future__ import annotations

import json
from typing import Any

from fastapi.testclient import TestClient

from tests.api.helpers import ENFORCEMENT, PARKING_XYZ, act, file_case
from tests.conftest import Staff


def test_a_merged_case_is_closed_points_to_the_other_and_both_keep_history(
    client: TestClient, staff: Staff
) -> None:
    first = file_case(client, staff.coordinator)
    repeat = file_case(client, staff.coordinator)
    merged = act(
        client,
        staff.coordinator,
        repeat,
        "merge",
        into=first["number"].lower(),
        reason="同一工程款拖欠",
    ).json()
    assert (merged["status"], merged["merged_into"]) == ("closed", first["number"])
    assert merged["events"][-1]["action"] == "merge"
    target = client.get(f"/api/v1/cases/{first['number']}", headers=staff.coordinator).json()
    assert (target["status"], target["events"][-1]["action"]) == ("routed", "merged_from")
    assert target["events"][-1]["details"] == {"case": repeat["number"]}


def test_merge_refuses_a_missing_unknown_or_same_target(client: TestClient, staff: Staff) -> None:
    case = file_case(client, staff.coordinator)
    for body, code in (
        ({}, "merge_target_required"),
        ({"into": "HQ-261127-9999"}, "merge_target_unknown"),
        ({"into": case["number"]}, "merge_into_itself"),
    ):
        response = act(client, staff.coordinator, case, "merge", reason="重复", **body)
        assert (response.status_code, response.json()["code"]) == (422, code)


def test_only_coordinators_merge(client: TestClient, staff: Staff) -> None:
    first, repeat = file_case(client, staff.coordinator), file_case(client, staff.coordinator)
    response = act(client, staff.czj_clerk, repeat, "merge", into=first["number"], reason="x")
    assert response.status_code == 403


def _view(client: TestClient, headers: dict[str, str], number: str, **extra: str) -> Any:
    response = client.get(f"/api/v1/cases/{number}", headers={**headers, **extra})
    assert response.status_code == 200, response.text
    return response.json()


def test_a_clerk_sees_a_merge_with_another_units_case_without_its_number(
    client: TestClient, staff: Staff
) -> None:
    kept = file_case(client, staff.coordinator)  # czj
    repeat = file_case(client, staff.coordinator, text=ENFORCEMENT)  # sfj
    reason = f"与 {kept['number']} 同一件事：{kept['text'][:10]}"
    act(client, staff.coordinator, repeat, "merge", into=kept["number"], reason=reason)
    seen_by_czj = _view(client, staff.czj_clerk, kept["number"])
    assert repeat["number"] not in json.dumps(seen_by_czj, ensure_ascii=False)
    assert (seen_by_czj["events"][-1]["reason"], seen_by_czj["events"][-1]["details"]) == (
        "Another case was merged into this one.",
        None,
    )
    seen_by_sfj = _view(client, staff.sfj_clerk, repeat["number"], **{"Accept-Language": "zh"})
    assert kept["number"] not in json.dumps(seen_by_sfj, ensure_ascii=False)
    assert kept["text"][:10] not in json.dumps(seen_by_sfj, ensure_ascii=False)
    assert seen_by_sfj["merged_into"] is None and seen_by_sfj["status"] == "closed"
    assert seen_by_sfj["events"][-1]["reason"] == "已与另一案件合并办理。"
    seen_by_coordinator = _view(client, staff.coordinator, kept["number"])
    assert seen_by_coordinator["events"][-1]["details"] == {"case": repeat["number"]}
    merged = _view(client, staff.coordinator, repeat["number"])
    assert (merged["merged_into"], merged["events"][-1]["reason"]) == (kept["number"], reason)


def test_a_clerk_sees_the_other_number_when_both_cases_are_the_own_units(
    client: TestClient, staff: Staff
) -> None:
    kept, repeat = file_case(client, staff.coordinator), file_case(client, staff.coordinator)
    act(client, staff.coordinator, repeat, "merge", into=kept["number"], reason="同一工程款")
    assert _view(client, staff.czj_clerk, repeat["number"])["merged_into"] == kept["number"]
    seen = _view(client, staff.czj_clerk, kept["number"])
    assert (seen["events"][-1]["details"], seen["events"][-1]["reason"]) == (
        {"case": repeat["number"]},
        "同一工程款",
    )


def test_no_answer_to_a_clerk_names_a_case_of_another_unit(
    client: TestClient, staff: Staff
) -> None:
    czj = [file_case(client, staff.coordinator) for _ in range(3)]
    sfj = [file_case(client, staff.coordinator, text=ENFORCEMENT) for _ in range(3)]
    xyz = file_case(client, staff.coordinator, text=PARKING_XYZ)
    every = [*czj, *sfj, xyz]
    mention = " ".join(c["number"] for c in every)  # free text that names every case
    act(client, staff.coordinator, sfj[0], "merge", into=czj[0]["number"], reason=mention)
    act(client, staff.coordinator, czj[1], "merge", into=sfj[1]["number"], reason=mention)
    act(client, staff.coordinator, czj[2], "reassign", department="sfj", reason=mention)
    moved = _view(client, staff.coordinator, sfj[2]["number"])
    act(client, staff.sfj_clerk, moved, "return", reason="不属于本单位")
    moved = _view(client, staff.coordinator, sfj[2]["number"])
    act(client, staff.coordinator, moved, "reassign", department="xyz", reason="转街道")
    for headers in (staff.czj_clerk, staff.sfj_clerk, staff.xyz_clerk):
        listed = client.get("/api/v1/cases?limit=100", headers=headers).json()["data"]
        visible = {c["number"] for c in listed}
        hidden = {c["number"] for c in every} - visible
        answers = [json.dumps(listed, ensure_ascii=False)]
        answers += [json.dumps(_view(client, headers, n), ensure_ascii=False) for n in visible]
        for number in hidden:
            answers.append(client.get(f"/api/v1/cases?q={number}", headers=headers).text)
            assert client.get(f"/api/v1/cases/{number}", headers=headers).status_code == 404
        assert [n for n in hidden for a in answers if n in a] == []


def test_a_case_number_quoted_in_free_text_is_hidden_from_clerks_of_other_units(
    client: TestClient, staff: Staff
) -> None:
    own, other = file_case(client, staff.coordinator), file_case(client, staff.coordinator)
    elsewhere = file_case(client, staff.coordinator, text=ENFORCEMENT)  # sfj
    loosely = elsewhere["number"].replace("-", "").lower()
    reason = f"参照 {elsewhere['number']}、{loosely} 和 {other['number']} 的办理"
    moved = act(client, staff.coordinator, own, "supervise", reason=reason)
    assert moved.status_code == 200
    event = _view(client, staff.czj_clerk, own["number"])["events"][-1]
    assert event["reason"] == f"参照 [another case]、[another case] 和 {other['number']} 的办理"
    assert _view(client, staff.coordinator, own["number"])["events"][-1]["reason"] == reason
    zh = _view(client, staff.czj_clerk, own["number"], **{"Accept-Language": "zh-CN"})
    assert zh["events"][-1]["reason"].startswith("参照 ［另一案件］")


def test_a_case_number_quoted_in_full_width_or_with_an_ime_dash_is_hidden_too(
    client: TestClient, staff: Staff
) -> None:
    own = file_case(client, staff.coordinator)
    elsewhere = file_case(client, staff.coordinator, text=ENFORCEMENT)  # sfj
    wide = elsewhere["number"].translate({c: c + 0xFEE0 for c in map(ord, "HQ-0123456789")})
    dashed = elsewhere["number"].replace("-", "—")
    reason = f"参照 {wide} 和 {dashed} 的办理"
    moved = act(client, staff.coordinator, own, "supervise", reason=reason)
    assert moved.status_code == 200
    event = _view(client, staff.czj_clerk, own["number"])["events"][-1]
    assert event["reason"] == "参照 [another case] 和 [another case] 的办理"
