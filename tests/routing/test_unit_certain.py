"""Route to the unit when the unit is certain, with the category for the unit to confirm."""

from __future__ import annotations

from sqlmodel import select

from backend.actors import REPORTER
from backend.bootstrap import Container
from backend.cases.intake import Draft, submit
from backend.cases.models import CaseEvent
from backend.db import session_scope
from backend.routing.router import Router
from backend.taxonomy.models import Taxonomy
from tests.routing.labelled_sets import Row, tuning_rows

# Issue 12: procurement 0.94 and arrears 0.79, both owned by the Finance Bureau (czj).
TWO_FINANCE_MATTERS = "采购合同签完以后采购单位不认账，货款也一直不给"
# Procurement and openness lead together, owned by czj and zfb: the unit is not certain.
TWO_UNITS = "政府采购的项目不公开，谁也不知道"
CERTAIN_CATEGORY = "法院判决已经生效，区里的部门拒不履行"


def test_leading_candidates_of_one_unit_make_the_unit_certain_not_the_category(
    router: Router,
) -> None:
    result = router.route(TWO_FINANCE_MATTERS)
    actual = (result.department, result.confident, result.unit_certain, result.automatic)
    assert actual == ("czj", False, True, True)
    assert result.category_confirmed is False


def test_leading_candidates_of_two_units_leave_the_unit_uncertain(router: Router) -> None:
    result = router.route(TWO_UNITS)
    assert (result.unit_certain, result.automatic) == (False, False)


def test_a_certain_category_makes_its_unit_certain_and_confirmed(router: Router) -> None:
    result = router.route(CERTAIN_CATEGORY)
    actual = (result.confident, result.unit_certain, result.category_confirmed)
    assert actual == (True, True, True)


def test_street_level_matter_without_a_street_is_never_unit_certain(router: Router) -> None:
    result = router.route("医保断缴以后社区不给办理续保，低保也停了")
    assert (result.department, result.unit_certain, result.automatic) == (None, False, False)


def test_as_dict_says_whether_the_unit_is_certain_and_the_category_confirmed(
    router: Router,
) -> None:
    data = router.route(TWO_FINANCE_MATTERS).as_dict()
    assert (data["unit_certain"], data["category_confirmed"]) == (True, False)


def route_event(container: Container, text: str) -> tuple[str, str | None, CaseEvent]:
    draft = Draft(text=text, anonymous=True, channel="console", chat_id="reporter")
    with session_scope(container.engine) as session:
        case = submit(session=session, draft=draft, actor=REPORTER, env=container.case_env).case
        events = session.exec(select(CaseEvent).where(CaseEvent.case_id == case.id)).all()
        session.expunge_all()
        return case.status, case.department_code, events[-1]


def test_case_of_a_certain_unit_goes_there_with_the_category_to_confirm(
    container: Container,
) -> None:
    status, department, event = route_event(container, TWO_FINANCE_MATTERS)
    assert (status, department, event.action) == ("routed", "czj", "route")
    assert event.details is not None
    assert (event.details["category"], event.details["category_confirmed"]) == (
        "procurement",
        False,
    )


def test_case_of_a_certain_category_is_routed_without_anything_to_confirm(
    container: Container,
) -> None:
    status, _, event = route_event(container, CERTAIN_CATEGORY)
    assert (status, event.action) == ("routed", "route")
    assert event.details is not None
    assert "category_confirmed" not in event.details


def test_case_of_two_leading_units_goes_to_triage(container: Container) -> None:
    status, _, event = route_event(container, TWO_UNITS)
    assert (status, event.action, event.reason) == ("triage", "triage", "routing not confident")


def unit_of(row: Row, taxonomy: Taxonomy) -> str | None:
    category = taxonomy.category(row.category)
    assert category is not None
    return row.street if category.street_level else category.owner


def test_automatic_routes_of_the_tuning_set_all_reach_the_right_unit(
    router: Router, taxonomy: Taxonomy
) -> None:
    routes = [(row, router.route(row.text)) for row in tuning_rows()]
    automatic = [(row, result) for row, result in routes if result.automatic]
    wrong = [
        (row.text, result.department)
        for row, result in automatic
        if result.department != unit_of(row, taxonomy)
    ]
    assert wrong == []
    assert len(automatic) >= len(routes) * 2 / 3


def test_two_matters_of_one_unit_route_there_with_the_category_to_confirm(
    router: Router,
) -> None:
    texts = [
        "政府买服务的合同签了一年了，服务费拖着不付，催了好多次",
        "The district bought our equipment last year and still has not paid the invoice",
        "物业乱收费，医保也断缴了，住在西沽",
    ]
    actual = [(r.department, r.automatic, r.category_confirmed) for r in map(router.route, texts)]
    assert actual == [("czj", True, False), ("czj", True, False), ("xg", True, False)]
