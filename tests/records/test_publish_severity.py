"""A record migrated without a severity is classified when the lead office publishes it.

Migration 0022 moved the records kept as cases into records of their own; the old cases held
no severity (轻微/一般/严重), so those records had none, and no step set one: the publicity
period follows the severity, so they could never be published (公示). The lead office now
gives the severity with `publish`. A record that has one keeps it: a different severity at
publication is refused, since the way to correct a severity is the objection (异议).
"""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine, select, update
from sqlmodel import Session

from backend.bootstrap import Container
from backend.cases.models import Case
from backend.records.models import DishonestyRecord
from tests.conftest import Staff
from tests.records.helpers import filed, step, stepped
from tests.staff_console.case_visits import clerk, signed_in
from tests.staff_console.test_records_pages import LIST as RECORDS
from tests.staff_console.test_records_pages import version_of

ZH = {"Accept-Language": "zh"}


def _as_migrated(engine: Engine, record: dict[str, Any]) -> dict[str, Any]:
    """Return the record as migration 0022 left a legacy one: reported, with no severity."""
    with Session(engine) as session:
        case_id = select(Case.id).where(Case.number == record["number"]).scalar_subquery()
        session.exec(
            update(DishonestyRecord)
            .where(DishonestyRecord.case_id == case_id)  # type: ignore[arg-type]
            .values(severity=None)
        )
        session.commit()
    return {**record, "severity": None}


def test_a_migrated_record_is_published_with_the_severity_the_lead_office_gives(
    client: TestClient, staff: Staff, engine: Engine
) -> None:
    record = _as_migrated(engine, filed(client, staff.czj_clerk))
    shown = client.get(f"/api/v1/records/{record['number']}", headers=staff.fgw_clerk).json()
    assert shown["severity"] is None and "publish" in shown["allowed_actions"]
    published = stepped(client, staff.fgw_clerk, record, "publish", severity="minor")
    assert published["severity"] == "minor"
    assert published["publicity_state"] == "published"
    assert published["publicity_months"] <= 3  # minor: up to 3 months (policy records.publicity)
    event = [e for e in published["events"] if e["action"] == "publish"][-1]
    assert event["details"]["severity"] == "minor"


def test_publishing_a_record_without_a_severity_asks_for_one_and_changes_nothing(
    client: TestClient, staff: Staff, engine: Engine
) -> None:
    record = _as_migrated(engine, filed(client, staff.czj_clerk))
    refused = step(client, {**staff.fgw_clerk, **ZH}, record, "publish")
    answer = refused.json()
    assert (refused.status_code, answer["code"], answer["field"]) == (
        422,
        "record_severity_required",
        "severity",
    )
    assert "严重程度" in answer["detail"]
    again = client.get(f"/api/v1/records/{record['number']}", headers=staff.fgw_clerk).json()
    assert (again["publicity_state"], again["version"]) == ("none", record["version"])


def test_a_record_with_a_severity_keeps_it_at_publication(
    client: TestClient, staff: Staff
) -> None:
    record = filed(client, staff.czj_clerk, severity="serious")
    refused = step(client, staff.fgw_clerk, record, "publish", severity="minor")
    answer = refused.json()
    assert (refused.status_code, answer["code"], answer["field"]) == (
        422,
        "record_severity_fixed",
        "severity",
    )
    assert "objection" in answer["detail"]
    zh = step(client, {**staff.fgw_clerk, **ZH}, record, "publish", severity="minor").json()
    assert "异议" in zh["detail"]
    same = stepped(client, staff.fgw_clerk, record, "publish", severity="serious")
    assert (same["severity"], same["publicity_state"]) == ("serious", "published")


def test_an_unknown_severity_at_publication_is_refused_in_words(
    client: TestClient, staff: Staff, engine: Engine
) -> None:
    record = _as_migrated(engine, filed(client, staff.czj_clerk))
    refused = step(client, staff.fgw_clerk, record, "publish", severity="grave")
    assert refused.status_code == 422
    assert "Traceback" not in refused.text and "severity" in refused.text


def test_the_console_asks_the_severity_when_publishing_only_a_record_that_has_none(
    client: TestClient, container: Container, staff: Staff, engine: Engine
) -> None:
    kept = filed(client, staff.czj_clerk)["number"]
    migrated = _as_migrated(engine, filed(client, staff.czj_clerk, person_name="张某"))["number"]
    lead = signed_in(client, clerk(container, "fgw", "wangf"))
    assert "f-publish-severity" not in publish_form(lead.get(f"{RECORDS}/{kept}").text)
    page = lead.get(f"{RECORDS}/{migrated}").text
    assert 'id="f-publish-severity"' in publish_form(page)
    form = {"action": "publish", "version": version_of(page, "publish")}
    asked = lead.post(f"{RECORDS}/{migrated}/actions", form)
    assert asked.status_code == 400 and "请选择严重程度" in asked.text
    done = lead.post(f"{RECORDS}/{migrated}/actions", {**form, "severity": "serious"})
    assert done.status_code == 303
    after = client.get(f"/api/v1/records/{migrated}", headers=staff.fgw_clerk).json()
    assert (after["severity"], after["publicity_state"]) == ("serious", "published")


def publish_form(html: str) -> str:
    form = re.search(r'<form[^>]*data-action="publish".*?</form>', html, re.DOTALL)
    assert form is not None, "no publish form"
    return form.group(0)
