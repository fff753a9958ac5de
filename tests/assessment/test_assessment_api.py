"""GET /api/v1/assessment: each unit's measures over a period, its weighted score and rank."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from backend.assessment.measures import Assessed, Ratio
from backend.assessment.service import score_of
from backend.bootstrap import Container
from tests.api.helpers import ENFORCEMENT, file_case
from tests.conftest import Staff
from tests.deadlines.conftest import tianjin
from tests.fakes import FakeClock
from tests.stats.helpers import acted, rate, resolved

PERIOD = "from=2026-11-01&to=2026-12-31"


def assessment(client: TestClient, headers: dict[str, str], query: str = PERIOD) -> Any:
    response = client.get(f"/api/v1/assessment?{query}", headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


def unit(body: dict[str, Any], code: str) -> dict[str, Any]:
    (found,) = [row for row in body["data"] if row["department"] == code]
    return found


def test_a_unit_with_nothing_due_has_no_data_not_zero_percent(
    client: TestClient, staff: Staff
) -> None:
    body = assessment(client, staff.coordinator)

    czj = unit(body, "czj")
    assert czj["measures"]["sign_on_time"] == {"numerator": 0, "denominator": 0, "rate": None}
    assert (czj["score"], czj["rank"]) == (None, None)
    assert set(czj["measures"]) == {name.value for name in Assessed}


def test_measures_count_signing_resolving_and_satisfaction_per_unit(
    client: TestClient, staff: Staff, clock: FakeClock, container: Container
) -> None:
    clock.current = tianjin(2026, 11, 27, 10)  # a Friday
    prompt = file_case(client, staff.coordinator)  # czj
    resolved(client, staff.czj_clerk, prompt)
    rate(container, prompt["number"], "satisfied")
    late = file_case(client, staff.coordinator, text=ENFORCEMENT)  # sfj, signed late
    clock.current = tianjin(2026, 12, 2, 10)  # the sign clock was due on Monday 30th
    acted(client, staff.sfj_clerk, late, "sign")

    body = assessment(client, staff.coordinator)

    czj, sfj = unit(body, "czj"), unit(body, "sfj")
    assert czj["measures"]["sign_on_time"] == {"numerator": 1, "denominator": 1, "rate": 1.0}
    assert czj["measures"]["resolve_on_time"]["rate"] == 1.0
    assert czj["measures"]["satisfaction"] == {"numerator": 1, "denominator": 1, "rate": 1.0}
    assert sfj["measures"]["sign_on_time"] == {"numerator": 0, "denominator": 1, "rate": 0.0}
    assert (czj["score"], czj["rank"]) == (100.0, 1)
    assert (sfj["score"], sfj["rank"]) == (0.0, 2)
    assert [row["department"] for row in body["data"][:2]] == ["czj", "sfj"]
    assert all(row["rank"] is None for row in body["data"][2:])


def test_the_score_weighs_only_measures_with_data_and_counts_upheld_objections_against() -> None:
    weights = dict.fromkeys(Assessed, 10.0)
    measures = {name: Ratio(0, 0) for name in Assessed}
    measures[Assessed.sign_on_time] = Ratio(3, 4)  # 75 %
    measures[Assessed.objections_upheld] = Ratio(1, 4)  # 25 % upheld: 75 % to the good

    assert score_of(measures, weights) == 75.0
    assert score_of({name: Ratio(0, 0) for name in Assessed}, weights) is None


def test_equal_scores_share_a_rank(client: TestClient, staff: Staff) -> None:
    resolved(client, staff.czj_clerk, file_case(client, staff.coordinator))
    resolved(client, staff.sfj_clerk, file_case(client, staff.coordinator, text=ENFORCEMENT))

    body = assessment(client, staff.coordinator)

    assert [(r["department"], r["rank"]) for r in body["data"][:2]] == [("czj", 1), ("sfj", 1)]


def test_the_weights_come_from_the_policy(client: TestClient, staff: Staff) -> None:
    body = assessment(client, staff.coordinator)

    assert body["weights"] == {
        "sign_on_time": 15.0,
        "resolve_on_time": 25.0,
        "satisfaction": 20.0,
        "report_on_time": 15.0,
        "rectify_on_time": 15.0,
        "objections_upheld": 10.0,
    }
    assert body["lower_is_better"] == ["objections_upheld"]


def test_a_clerk_reads_the_own_units_row_only_with_its_rank(
    client: TestClient, staff: Staff
) -> None:
    resolved(client, staff.czj_clerk, file_case(client, staff.coordinator))

    body = assessment(client, staff.czj_clerk)
    refused = client.get(f"/api/v1/assessment?{PERIOD}&department=sfj", headers=staff.czj_clerk)

    assert [(r["department"], r["rank"]) for r in body["data"]] == [("czj", 1)]
    assert refused.status_code == 403


def test_an_evaluator_reads_every_unit(
    client: TestClient, staff: Staff, evaluator: dict[str, str]
) -> None:
    resolved(client, staff.czj_clerk, file_case(client, staff.coordinator))

    body = assessment(client, evaluator)

    assert unit(body, "czj")["rank"] == 1 and len(body["data"]) > 1


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("from=2026-12-31&to=2026-11-01", "period_reversed"),
        ("from=yesterday", "bad_date"),
        ("department=nowhere", "unknown_department"),
    ],
)
def test_bad_input_is_refused_with_a_message(
    client: TestClient, staff: Staff, query: str, code: str
) -> None:
    response = client.get(
        f"/api/v1/assessment?{query}", headers={**staff.coordinator, "Accept-Language": "zh"}
    )
    assert response.status_code == 422
    assert code in response.text
