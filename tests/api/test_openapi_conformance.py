"""The OpenAPI document describes the API: Schemathesis, in-process, finds nothing to report.

Every operation is run through Schemathesis' examples, coverage and fuzzing phases with all
its checks, as a coordinator (so it gets past 401), a bounded and fixed set of examples.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import schemathesis
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
            "unknown_category",
            "unknown_street",
            "occurred_in_future",
            "record_needs_date",  # kind dishonesty_record without occurred_on
            "named_needs_contact",  # anonymous false without a name or a phone
            "anonymous_with_reporter",
            "bad_phone",  # not a mainland number
        }
    ),
    "POST /api/v1/cases/{number}/actions": frozenset(
        {
            "reason_required",
            "reply_required",
            "department_required",
            "days_required",
            "unknown_department",
            "unknown_category",
            "bad_extension",
            "merge_target_required",
            "merge_target_unknown",
            "merge_into_itself",
            "merge_target_merged",
        }
    ),
    "POST /api/v1/calendar/overrides": frozenset({"reason_required"}),  # blank
    "GET /api/v1/stats": frozenset({"from_after_to"}),
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
    assert code in allowed, f"a request the schema allows was refused: {code} {meta!r}"
    return None


def _config(token: str) -> schemathesis.Config:
    return schemathesis.Config.from_dict(
        {
            "seed": 20261127,
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
    """What a Schemathesis run did: operations, requests sent, failures and errors found."""

    operations: set[str] = field(default_factory=set)
    requests: int = 0
    failures: set[str] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)


def run_schemathesis(app: Any, token: str) -> Run:
    """Run every phase of Schemathesis against the app in this process; collect the outcome."""
    schema = schemathesis.openapi.from_asgi("/openapi.json", app, config=_config(token))
    run = Run()
    for event in schemathesis.engine.from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished) and event.label:
            run.operations.add(event.label)
            run.requests += len(event.recorder.interactions)
            for checks in event.recorder.checks.values():
                for check in checks:
                    if check.failure_info is not None:
                        failure = check.failure_info.failure
                        shown = f"{failure.operation}: {failure.title}\n{failure.message}"
                        run.failures.add(f"{shown}\n{check.failure_info.code_sample}")
        elif isinstance(event, events.NonFatalError | events.FatalError):
            label = getattr(event, "label", "")
            run.errors.append(f"{label}: {getattr(event, 'value', None) or event!r}")
    return run


def test_the_api_answers_as_its_openapi_document_says(container: Container, staff: Staff) -> None:
    token = staff.coordinator["Authorization"].removeprefix("Bearer ")
    run = run_schemathesis(create_app(container), token)
    print(f"schemathesis: {len(run.operations)} operations, {run.requests} requests")
    print("\n\n".join(sorted(run.failures)))
    assert (sorted(run.failures), run.errors) == ([], [])
    assert len(run.operations) >= 15
