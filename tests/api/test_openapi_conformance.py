"""The OpenAPI document describes the API: Schemathesis, in-process, finds nothing to report.

Schemathesis' engine runs every phase (coverage, fuzzing, stateful chains of calls) over every
operation with all its checks, as a coordinator (so it gets past 401), a bounded number of
examples from a fixed seed, deterministically.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import schemathesis
from fastapi.testclient import TestClient
from schemathesis import Case, CheckContext, GenerationMode, Response
from schemathesis.engine import events

from backend.api.app import create_app
from backend.bootstrap import Container
from tests.conftest import Staff

MAX_EXAMPLES = 50  # per operation and phase; the whole run stays well under a minute
# Refusals of requests the document allows, each for a rule a JSON Schema cannot state: a
# reference to data (a category, a case), a rule across fields, or one that depends on today.
SCHEMA_VALID_REFUSALS: dict[str, frozenset[str]] = {
    "POST /api/v1/cases": frozenset(
        {
            "text_empty",  # white space and invisible marks only
            "text_too_short",  # fewer visible characters than the minimum
            "text_no_words",  # fewer than two letters: emoji, digits or marks only
            "unknown_category",
            "unknown_street",
            "occurred_in_future",
            "occurred_too_old",  # more than 20 years ago: a year mistyped
            "record_needs_date",  # kind dishonesty_record without occurred_on
            "named_needs_contact",  # anonymous false without a name or a phone
            "coordinates_pair",  # a latitude without a longitude, or the other way
            "anonymous_with_reporter",
            "bad_phone",  # not a mainland number
            "record_takes_no_category",  # kind dishonesty_record with a category
            "source_case_only_records",  # source_case on a complaint
            "source_case_unknown",  # no complaint of that number the caller may see
            "idempotency_key_invalid",  # not 8 to 100 visible ASCII characters
            "idempotency_key_reused",  # a key sent before with another text
            "record_takes_no_request_type",  # kind dishonesty_record with a request_type
            "record_use_records_api",  # kind dishonesty_record: POST /api/v1/records files it
        }
    ),
    "POST /api/v1/cases/{number}/actions": frozenset(
        {
            "reason_required",
            "reply_required",
            "department_required",
            "days_required",
            "unknown_department",
            "reassign_same_unit",  # reassign to the unit that holds the case
            "unknown_category",
            "record_takes_no_category",  # reassign a record with a category
            "bad_extension",
            "merge_target_required",
            "merge_target_unknown",
            "merge_into_itself",
            "merge_target_merged",
            "merge_target_not_open",  # resolved, closed or rejected
            "merge_target_other_kind",  # a complaint and a record
            "rating_required",  # rate_by_phone without a rating
            "request_type_required",  # set_request_type without one
            "request_type_unchanged",  # set_request_type to the type the case has
            "assist_department_required",  # assist without a unit
            "assist_is_lead",  # assist by the lead unit itself
            "already_assisting",  # assist by a unit that assists already
        }
    ),
    "POST /api/v1/cases/{number}/notes": frozenset({"note_required"}),  # blank
    "POST /api/v1/calendar/overrides": frozenset({"reason_required"}),  # blank
    # a figure's cases: its period goes with a measure, and runs forwards
    "GET /api/v1/cases": frozenset(
        {"measure_period_required", "measure_period_without_measure", "period_reversed"}
        | {"unknown_department", "unknown_category", "unknown_channel"}  # a filter's value
    ),
    # the list's rules, and a list too long for one spreadsheet
    "GET /api/v1/exports/cases.xlsx": frozenset(
        {
            "measure_period_required",
            "measure_period_without_measure",
            "period_reversed",
            "export_too_large",
            "unknown_department",  # the list's filters name what exists
            "unknown_category",
            "unknown_channel",
        }
    ),
    "GET /api/v1/stats": frozenset({"period_reversed", "unknown_department"}),
    "GET /api/v1/stats/trend": frozenset(
        {"period_reversed", "unknown_department", "too_many_buckets"}
    ),
    "GET /api/v1/stats/breakdown": frozenset({"period_reversed", "unknown_department"}),
    # a year is confirmed only once its statutory days off are entered
    "POST /api/v1/calendar/years/{year}/confirm": frozenset({"year_incomplete"}),
    # issue 11: a record's references, its paperwork unless a draft, and today
    "POST /api/v1/records": frozenset(
        {
            "text_empty",  # a summary of white space and invisible marks only
            "text_no_words",  # a summary of emoji, digits or marks only
            "record_summary_too_short",
            "record_summary_too_long",  # the configured limit, below the document's bound
            "record_person_required",  # a name of white space only
            "record_post_no_words",  # a post of punctuation only
            "record_authority_no_words",  # a deciding authority of punctuation only
            "unknown_department",
            "record_arisen_in_future",
            "record_arisen_too_old",
            "record_document_required",  # not a draft and no document number
            "record_already_filed",  # the same person and document on record already
            "record_severity_required",  # not a draft and no severity
            "source_case_unknown",  # no complaint of that number the caller may see
            "record_summary_required",  # a summary of white space and invisible marks only
            "idempotency_key_invalid",  # not 8 to 100 visible ASCII characters
            "record_idempotency_key_reused",  # a key sent before with another record
        }
    ),
    "GET /api/v1/records": frozenset({"from_after_to", "unknown_department"}),
    # each step's own parameters, which depend on the action taken
    "POST /api/v1/records/{number}/actions": frozenset(
        {
            "reason_required",
            "explanation_required",
            "rectification_report_required",
            "objector_required",
            "decision_required",
            "repair_decision_required",
            "outcome_required",
            "correction_required",  # an upheld objection's correction that changes nothing
            "correction_graver",  # an upheld objection cannot make the record graver
            "correction_needs_upheld",  # a dismissal sent with a correction
            "outcome_needs_upheld",  # a dismissal sent with an outcome
            "correction_needs_corrected",  # a withdrawal sent with a correction
            "leniency_required",
            "publicity_months_out_of_range",
            "record_document_required",
            "record_severity_required",
            "record_severity_fixed",  # publish: another severity than the record's
            "text_empty",  # a corrected summary of white space only
            "text_no_words",  # a corrected summary of emoji, digits or marks only
            "record_summary_required",  # a corrected summary of white space only
            "record_summary_too_short",  # a corrected summary, as a filed one
            "record_summary_too_long",  # a corrected summary, the configured limit
            "record_report_needs_document",  # a draft reported without its document number
            "idempotency_key_invalid",  # not 8 to 100 visible ASCII characters
            "record_idempotency_key_reused",  # a key sent before with another request
        }
    ),
    # the assessment and the ledgers: a period that runs forwards, a unit that exists
    "GET /api/v1/assessment": frozenset({"period_reversed", "unknown_department"}),
    "GET /api/v1/exports/assessment.xlsx": frozenset({"period_reversed", "unknown_department"}),
    "GET /api/v1/exports/records.xlsx": frozenset(
        {"period_reversed", "unknown_department", "export_too_large"}
    ),
    # the on-duty roster: a range that runs forwards and is not too long, a known coordinator
    "GET /api/v1/duty": frozenset({"duty_range_reversed", "duty_range_too_long"}),
    "POST /api/v1/duty": frozenset(
        {"duty_range_reversed", "duty_range_too_long", "duty_unknown_login", "duty_login_required"}
    ),
    "POST /api/v1/duty/remove": frozenset(
        {"duty_range_reversed", "duty_range_too_long", "duty_unknown_login", "duty_login_required"}
    ),
}
ACCEPTED = ["2xx", "3xx", "401", "403", "404", "409", "429", "5xx"]


@schemathesis.check
def refusals_of_valid_requests_name_a_rule(
    ctx: CheckContext, response: Response, case: Case
) -> bool | None:
    """Allow a 422 for a request the schema allows only with one of its operation's rules."""
    meta = case.meta
    positive = meta is not None and meta.generation.mode == GenerationMode.POSITIVE
    if not positive or response.status_code != 422:
        return None
    code = response.json().get("code")
    allowed = SCHEMA_VALID_REFUSALS.get(case.operation.label, frozenset())
    assert code in allowed, f"a request the schema allows was refused: {code}"
    return None


def _config(token: str) -> schemathesis.Config:
    return schemathesis.Config.from_dict(
        {
            "seed": 20261127,
            # What is checked is each answer, not its speed: a calendar change recomputes every
            # running clock the run has made, which on a loaded machine took past the 10 s
            # default once (a ReadTimeout reported as an error).
            "request-timeout": 300,
            "generation": {
                "max-examples": MAX_EXAMPLES,
                "deterministic": True,
                "database": "none",
            },
            "auth": {"openapi": {"HTTPBearer": {"bearer": token}}},
            "operations": [
                {
                    "include-name": name,
                    "checks": {
                        "positive_data_acceptance": {"expected-statuses": [*ACCEPTED, "422"]}
                    },
                }
                for name in SCHEMA_VALID_REFUSALS
            ],
        }
    )


@dataclass
class Run:
    """What a Schemathesis run did: operations, requests per phase, failures and errors."""

    operations: set[str] = field(default_factory=set)
    requests: Counter[str] = field(default_factory=Counter)
    failures: set[str] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)

    def took(self, scenario: events.ScenarioFinished) -> None:
        """Count a finished scenario's requests and keep its failures."""
        if scenario.label:  # the stateful phase's chains of calls have none
            self.operations.add(scenario.label)
        self.requests[scenario.phase.value] += len(scenario.recorder.interactions)
        for checks in scenario.recorder.checks.values():
            for check in checks:
                if check.failure_info is not None:
                    failure = check.failure_info.failure
                    shown = f"{failure.operation}: {failure.title}\n{failure.message}"
                    self.failures.add(f"{shown}\n{check.failure_info.code_sample}")


def run_schemathesis(app: Any, token: str) -> Run:
    """Run every phase of Schemathesis against the app in this process; collect the outcome."""
    schema = schemathesis.openapi.from_asgi("/openapi.json", app, config=_config(token))
    run = Run()
    for event in schemathesis.engine.from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished):
            run.took(event)
        elif isinstance(event, events.NonFatalError | events.FatalError):
            label = getattr(event, "label", "")
            run.errors.append(f"{label}: {getattr(event, 'value', None) or event!r}")
    return run


def test_the_api_answers_as_its_openapi_document_says(container: Container, staff: Staff) -> None:
    token = staff.coordinator["Authorization"].removeprefix("Bearer ")
    run = run_schemathesis(create_app(container), token)
    print(f"schemathesis: {len(run.operations)} operations, requests {dict(run.requests)}")
    assert (sorted(run.failures), run.errors) == ([], [])
    assert run.operations == {name for name, _ in operations(TestClient(create_app(container)))}


def operations(client: TestClient) -> Iterator[tuple[str, dict[str, Any]]]:
    for path, methods in client.get("/openapi.json").json()["paths"].items():
        for method, operation in methods.items():
            yield f"{method.upper()} {path}", operation


def test_every_refusal_is_documented_with_the_body_it_has(client: TestClient) -> None:
    for name, operation in operations(client):
        responses = operation["responses"]
        for status, response in responses.items():
            if status.startswith("4"):
                schema = response["content"]["application/json"]["schema"]
                assert schema == {"$ref": "#/components/schemas/ErrorBody"}, (name, status)
        if operation.get("security"):
            assert "401" in responses, name
        if operation.get("parameters") or "requestBody" in operation:
            assert "422" in responses, name
        if "requestBody" in operation:
            assert {"400", "413"} <= set(responses), name


def test_the_documented_text_limits_are_the_configured_ones(
    client: TestClient, container: Container
) -> None:
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    text = schemas["CaseCreate"]["properties"]["text"]
    settings = container.settings
    assert (text["minLength"], text["maxLength"]) == (
        settings.min_text_length,
        settings.max_text_length,
    )
    assert "HTTPValidationError" not in schemas
