"""The 三率 measures per unit and for the district: numerators, denominators, Tianjin periods."""

from __future__ import annotations

from fastapi.testclient import TestClient

from backend.bootstrap import Container
from tests.api.helpers import ENFORCEMENT
from tests.conftest import Staff
from tests.deadlines.conftest import tianjin
from tests.fakes import FakeClock
from tests.records.helpers import RECORD
from tests.stats.helpers import (
    acted,
    filed,
    listed,
    rate,
    resolved,
    sent_back,
    stats,
    unit,
)

NOVEMBER = "from=2026-11-01&to=2026-11-30"
DECEMBER = "from=2026-12-01&to=2026-12-31"


def test_a_rating_given_at_0710_tianjin_on_1_december_counts_in_december(
    client: TestClient, staff: Staff, container: Container, clock: FakeClock
) -> None:
    case = resolved(client, staff.czj_clerk, filed(client, staff.coordinator))
    clock.current = tianjin(2026, 12, 1, 7, 10)  # 23:10 on 30 November in UTC
    rate(container, case["number"], "basically_satisfied")
    november = unit(stats(client, staff.coordinator, NOVEMBER), "czj")["measures"]
    december = unit(stats(client, staff.coordinator, DECEMBER), "czj")["measures"]
    assert (november["satisfaction"]["denominator"], november["satisfaction"]["rate"]) == (0, None)
    assert (december["satisfaction"]["numerator"], december["satisfaction"]["denominator"]) == (
        1,
        1,
    )
    assert december["satisfaction"]["rate"] == 1.0


def test_a_case_that_arrives_at_0710_tianjin_on_1_december_is_received_in_december(
    client: TestClient, staff: Staff, clock: FakeClock
) -> None:
    clock.current = tianjin(2026, 12, 1, 7, 10)
    filed(client, staff.coordinator)
    november = stats(client, staff.coordinator, NOVEMBER)
    december = stats(client, staff.coordinator, DECEMBER)
    assert (unit(november, "czj")["received"], unit(december, "czj")["received"]) == (0, 1)
    assert (november["district"]["received"], december["district"]["received"]) == (0, 1)


def test_a_case_returned_and_sent_back_to_the_same_unit_is_received_once(
    client: TestClient, staff: Staff
) -> None:
    twice = filed(client, staff.coordinator)
    twice = sent_back(client, staff.czj_clerk, staff.coordinator, twice)
    twice = sent_back(client, staff.czj_clerk, staff.coordinator, twice)
    once = sent_back(client, staff.czj_clerk, staff.coordinator, filed(client, staff.coordinator))
    czj = unit(stats(client, staff.coordinator, NOVEMBER), "czj")
    assert (czj["received"], czj["measures"]["received"]["numerator"]) == (2, 2)
    link = czj["measures"]["received"]["cases"]["numerator"]
    assert listed(client, staff.coordinator, link) == {twice["number"], once["number"]}


def test_a_unit_with_nothing_due_has_no_rate_instead_of_zero(
    client: TestClient, staff: Staff
) -> None:
    filed(client, staff.coordinator)  # its sign clock falls due on Monday 30 November
    czj = unit(stats(client, staff.coordinator, NOVEMBER), "czj")
    sign = czj["measures"]["sign_on_time"]
    assert (sign["numerator"], sign["denominator"], sign["rate"]) == (0, 0, None)
    assert czj["sign_on_time_rate"] is None
    assert czj["resolve_on_time_rate"] is None
    assert czj["satisfaction_rate"] is None
    assert czj["measures"]["satisfaction"]["rate"] is None


def test_sign_clocks_not_yet_due_and_cancelled_ones_are_not_in_the_on_time_rate(
    client: TestClient, staff: Staff, clock: FakeClock
) -> None:
    on_time = acted(client, staff.czj_clerk, filed(client, staff.coordinator), "sign")
    returned = acted(
        client, staff.czj_clerk, filed(client, staff.coordinator), "return", reason="不归我们"
    )
    late = filed(client, staff.coordinator)  # due at the end of Monday 30 November
    clock.current = tianjin(2026, 12, 1, 9)
    not_yet_due = filed(client, staff.coordinator)  # due on 2 December
    clock.current = tianjin(2026, 12, 1, 10)
    czj = unit(stats(client, staff.coordinator, "from=2026-11-01&to=2026-12-31"), "czj")
    sign = czj["measures"]["sign_on_time"]
    assert (sign["numerator"], sign["denominator"], sign["rate"]) == (1, 2, 0.5)
    assert (czj["signed_on_time"], czj["signed_late"]) == (1, 1)
    assert listed(client, staff.coordinator, sign["cases"]["numerator"]) == {on_time["number"]}
    assert listed(client, staff.coordinator, sign["cases"]["denominator"]) == {
        on_time["number"],
        late["number"],
    }
    received = listed(client, staff.coordinator, czj["measures"]["received"]["cases"]["numerator"])
    assert received == {c["number"] for c in (on_time, returned, late, not_yet_due)}


def test_a_clock_due_on_the_last_day_of_a_period_counts_in_that_period(
    client: TestClient, staff: Staff, clock: FakeClock
) -> None:
    filed(client, staff.coordinator)  # sign due 30 November, unmet
    clock.current = tianjin(2026, 12, 3, 9)
    november = unit(stats(client, staff.coordinator, NOVEMBER), "czj")["measures"]
    december = unit(stats(client, staff.coordinator, DECEMBER), "czj")["measures"]
    assert (november["sign_on_time"]["numerator"], november["sign_on_time"]["denominator"]) == (
        0,
        1,
    )
    assert november["sign_on_time"]["rate"] == 0.0
    assert december["sign_on_time"]["denominator"] == 0


def test_resolve_on_time_counts_resolve_clocks_met_by_their_due_date(
    client: TestClient, staff: Staff, clock: FakeClock
) -> None:
    quick = resolved(client, staff.czj_clerk, filed(client, staff.coordinator))
    slow = acted(client, staff.czj_clerk, filed(client, staff.coordinator), "sign")
    clock.current = tianjin(2026, 12, 31, 10)  # 15 working days after 27 November have passed
    slow = acted(client, staff.czj_clerk, slow, "resolve", reply="迟到的答复")
    czj = unit(stats(client, staff.coordinator, "from=2026-11-01&to=2026-12-31"), "czj")
    resolve = czj["measures"]["resolve_on_time"]
    assert (resolve["numerator"], resolve["denominator"], resolve["rate"]) == (1, 2, 0.5)
    assert (czj["resolved_on_time"], czj["resolved_late"]) == (1, 1)
    assert listed(client, staff.coordinator, resolve["cases"]["numerator"]) == {quick["number"]}
    assert listed(client, staff.coordinator, resolve["cases"]["denominator"]) == {
        quick["number"],
        slow["number"],
    }


def test_a_case_that_reached_two_units_counts_once_for_each_and_once_for_the_district(
    client: TestClient, staff: Staff
) -> None:
    case = acted(
        client, staff.czj_clerk, filed(client, staff.coordinator), "return", reason="司法局的事"
    )
    acted(client, staff.coordinator, case, "reassign", department="sfj")
    answer = stats(client, staff.coordinator, NOVEMBER)
    assert (unit(answer, "czj")["received"], unit(answer, "sfj")["received"]) == (1, 1)
    assert answer["district"]["received"] == 1
    assert answer["district"]["department"] is None


def test_every_figure_links_to_exactly_the_cases_it_counts(
    client: TestClient, staff: Staff, container: Container, clock: FakeClock
) -> None:
    happy = resolved(client, staff.czj_clerk, filed(client, staff.coordinator))["number"]
    unhappy = resolved(client, staff.czj_clerk, filed(client, staff.coordinator))["number"]
    waiting = filed(client, staff.coordinator)["number"]
    elsewhere = filed(client, staff.coordinator, text=ENFORCEMENT)["number"]
    clock.current = tianjin(2026, 11, 30, 9)
    rate(container, happy, "satisfied")
    rate(container, unhappy, "dissatisfied")  # reopened: a new resolve clock, not yet due
    clock.current = tianjin(2026, 12, 1, 9)
    answer = stats(client, staff.coordinator, NOVEMBER)
    expected: dict[str, tuple[set[str], set[str] | None]] = {
        "received": ({happy, unhappy, waiting}, None),
        "sign_on_time": ({happy, unhappy}, {happy, unhappy, waiting}),
        "resolve_on_time": ({happy, unhappy}, {happy, unhappy}),
        "overdue_now": ({waiting}, {waiting, unhappy}),
        "satisfaction": ({happy}, {happy, unhappy}),
    }
    measures = unit(answer, "czj")["measures"]
    for name, (numerator, denominator) in expected.items():
        links = measures[name]["cases"]
        assert listed(client, staff.coordinator, links["numerator"]) == numerator, name
        assert measures[name]["numerator"] == len(numerator), name
        if denominator is None:
            assert links["denominator"] is None
            continue
        assert listed(client, staff.coordinator, links["denominator"]) == denominator, name
        assert measures[name]["denominator"] == len(denominator), name
    district = answer["district"]["measures"]
    sfj = unit(answer, "sfj")["measures"]
    for name in ("sign_on_time", "resolve_on_time", "overdue_now", "satisfaction"):
        for side in ("numerator", "denominator"):
            assert district[name][side] == measures[name][side] + sfj[name][side], (name, side)
    assert district["sign_on_time"]["rate"] == 0.5  # 2 of czj's 3 and none of sfj's 1
    everything = {happy, unhappy, waiting, elsewhere}
    assert listed(client, staff.coordinator, district["received"]["cases"]["numerator"]) == (
        everything
    )
    assert listed(client, staff.coordinator, district["overdue_now"]["cases"]["numerator"]) == {
        waiting,
        elsewhere,
    }


def test_a_clerk_sees_only_the_own_units_measures_and_no_district(
    client: TestClient, staff: Staff
) -> None:
    filed(client, staff.coordinator)
    filed(client, staff.coordinator, text=ENFORCEMENT)
    answer = stats(client, staff.czj_clerk, NOVEMBER)
    assert [row["department"] for row in answer["data"]] == ["czj"]
    assert answer["district"] is None
    other = client.get(f"/api/v1/stats?{NOVEMBER}&department=sfj", headers=staff.czj_clerk)
    assert other.status_code == 403
    own = stats(client, staff.czj_clerk, f"{NOVEMBER}&department=czj")
    assert [row["department"] for row in own["data"]] == ["czj"]


def test_a_coordinator_may_ask_for_one_unit(client: TestClient, staff: Staff) -> None:
    filed(client, staff.coordinator)
    filed(client, staff.coordinator, text=ENFORCEMENT)
    answer = stats(client, staff.coordinator, f"{NOVEMBER}&department=sfj")
    assert [row["department"] for row in answer["data"]] == ["sfj"]
    assert answer["district"]["received"] == 2


def test_a_dishonesty_record_is_not_a_complaint_received(client: TestClient, staff: Staff) -> None:
    record = {**RECORD, "arisen_on": "2026-11-20"}
    response = client.post("/api/v1/records", json=record, headers=staff.czj_clerk)
    assert response.status_code == 201, response.text
    answer = stats(client, staff.coordinator, NOVEMBER)
    assert answer["data"] == []
    assert answer["district"]["received"] == 0


def test_stats_say_which_version_of_the_measures_and_which_zone(
    client: TestClient, staff: Staff
) -> None:
    answer = stats(client, staff.coordinator, NOVEMBER)
    assert (answer["version"], answer["timezone"]) == (2, "Asia/Shanghai")
    assert (answer["start"], answer["end"]) == ("2026-11-01", "2026-11-30")


def test_a_clerks_link_leaves_out_cases_now_at_another_unit_though_the_count_has_them(
    client: TestClient, staff: Staff
) -> None:
    kept = filed(client, staff.coordinator)["number"]
    acted(client, staff.czj_clerk, filed(client, staff.coordinator), "return", reason="不归我们")
    czj = unit(stats(client, staff.czj_clerk, NOVEMBER), "czj")["measures"]["received"]
    assert czj["numerator"] == 2
    assert listed(client, staff.czj_clerk, czj["cases"]["numerator"]) == {kept}
