"""The records screens (政务失信记录): the list with its filters, a record's page, its actions.

Every page calls the records service the API calls (`list_records`, `get_record`, `present`,
`act`): the same visibility (the filing and the named unit, the lead office all, anyone else
the not-found page) and the same rules; a form posts one action and answers 303 back to the
page, or the page again with the refusal and the typed values.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Annotated

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import HTMLResponse, Response
from sqlmodel import Session

from backend.api.deps import ContainerDep, SessionDep
from backend.bootstrap import Container
from backend.bounds import FIRST_DAY, LAST_DAY, MAX_ROW_ID
from backend.cases.queries import decode_cursor, encode_cursor, get_case
from backend.console import texts
from backend.console.deps import ConsoleUser, VisitDep
from backend.console.pages.case.view import RECORD_VALUES
from backend.console.pages.navigation import see_other
from backend.console.record_forms import FIELD_NAMES, FormProblem, command_of, fields_of
from backend.console.rendering import render_page
from backend.console.visit import Visit
from backend.errors import (
    ActionForbidden,
    Forbidden,
    InvalidTransition,
    NotFound,
    StaleVersion,
    ValidationFailed,
)
from backend.records.actions import act
from backend.records.commands import MAX_STATEMENT, RecordAction
from backend.records.env import record_env
from backend.records.presenters import present, summarise_page
from backend.records.service import STATE_FILTERS, RecordView, get_record, list_records
from backend.records.service import is_lead_office as speaks_for_lead_office
from backend.storable import is_storable
from backend.taxonomy.tables import list_units

router = APIRouter()
PAGE_SIZE = 50
Number = Annotated[str, Path(max_length=40)]
Filter = Annotated[str, Query(max_length=40)]
Posted = Annotated[str, Form(max_length=10_000)]
# a rectification's explanation and report: the service's bound, which their fields show too
Statement = Annotated[str, Form(max_length=MAX_STATEMENT)]
ACTIONS = frozenset(a.value for a in RecordAction)
FILED = frozenset({"filed", "drafted"})  # pages/record_new.py's landings

# Details the record page already shows elsewhere (its objections, its repairs, its states).
HIDDEN_DETAILS = frozenset({"objection", "repair"})


def label(language: str, prefix: str, value: str | None) -> str:
    """Return the text of `prefix.value` (a state, an action, ...), or the value itself."""
    key = f"{prefix}.{value}"
    return texts.render(language, key) if texts.has(key) else (value or "")


def _day(raw: str, field: str) -> date | None:
    """Read a filter's date; refuse one that is none, or outside the days every period may
    take (FIRST_DAY to LAST_DAY: the rule of the ledger, the assessment and the API)."""
    if not raw.strip():
        return None
    try:
        day = date.fromisoformat(raw.strip())
    except ValueError:
        raise FormProblem(f"records.bad.{field}") from None
    if not FIRST_DAY <= day <= LAST_DAY:
        first, last = FIRST_DAY.isoformat(), LAST_DAY.isoformat()
        raise FormProblem(f"records.bad.{field}_range", first=first, last=last)
    return day


def _after(cursor: str) -> int | None:
    """Read the page link's cursor (the API's); refuse a broken one as the case lists do."""
    if not cursor:
        return None
    try:
        return decode_cursor(cursor)
    except ValidationFailed:
        raise FormProblem("search.bad_cursor") from None


@router.get("/records", response_class=HTMLResponse, name="records")
def records_list(
    request: Request,
    user: ConsoleUser,
    visit: VisitDep,
    session: SessionDep,
    container: ContainerDep,
    department: Filter = "",
    state: Filter = "",
    start: Annotated[str, Query(alias="from", max_length=20)] = "",
    end: Annotated[str, Query(alias="to", max_length=20)] = "",
    cursor: Annotated[str, Query(max_length=20)] = "",
) -> HTMLResponse:
    """List the records the user may see, newest first, filtered by unit, state and dates."""
    env = record_env(container=container, session=session)
    typed = {"department": department, "state": state, "from": start, "to": end}
    units = {
        u.code: u.name_zh if visit.language == "zh" else u.name_en or u.name_zh
        for u in list_units(session=session)
    }
    error, views = None, []
    try:
        views = list_records(
            session=session,
            actor=user,
            env=env,
            department=department or None,
            state=state or None,
            arisen_from=_day(start, "from"),
            arisen_to=_day(end, "to"),
            after_id=_after(cursor),
            limit=PAGE_SIZE,
        )
    except ValidationFailed as refused:
        error = refused.message(visit.language)
    except FormProblem as problem:
        error = texts.render(visit.language, problem.key, **problem.params)
    more = len(views) == PAGE_SIZE
    return render_page(
        request,
        "records/list.html",
        status_code=400 if error else 200,
        error=error,
        typed=typed,
        rows=summarise_page(session=session, views=views, env=env, masked=user.is_evaluator),
        next_cursor=encode_cursor(views[-1].record.case_id) if more and views else None,
        units=units,
        states=STATE_FILTERS,
        lead_office=speaks_for_lead_office(user, env.lead_office),
        may_file=user.is_clerk or user.is_coordinator,
        label=partial(label, visit.language),
    )


@router.get("/records/{number}", response_class=HTMLResponse, name="record")
def record_page(
    request: Request,
    number: Number,
    user: ConsoleUser,
    visit: VisitDep,
    session: SessionDep,
    container: ContainerDep,
    done: Filter = "",
) -> HTMLResponse:
    """Show a record: its fields, clocks, objections, repairs, history and allowed actions."""
    env = record_env(container=container, session=session)
    view = get_record(session=session, number=number, actor=user, env=env)
    shown = done in ACTIONS or done in FILED  # an action taken, or the record just filed
    notice = label(visit.language, "records.done", done) if shown else None
    return _render(
        request, session, container, view, visit, notice=notice, just_filed=done in FILED
    )


@router.post("/records/{number}/actions", response_class=HTMLResponse, name="record_action")
def record_action(
    request: Request,
    number: Number,
    user: ConsoleUser,
    visit: VisitDep,
    session: SessionDep,
    container: ContainerDep,
    action: Annotated[str, Form(max_length=40)],
    version: Annotated[int, Form(ge=1, le=MAX_ROW_ID)],
    reason: Posted = "",
    days: Posted = "",
    document_number: Posted = "",
    severity: Posted = "",
    explanation: Statement = "",
    report: Statement = "",
    upheld: Posted = "",
    outcome: Posted = "",
    summary: Posted = "",
    objector_kind: Posted = "",
    objector_name: Posted = "",
    leniency: Posted = "",
    months: Posted = "",
) -> Response:
    """Take one step through the records service, then go back to the record's page (303)."""
    env = record_env(container=container, session=session)
    view = get_record(session=session, number=number, actor=user, env=env, for_update=True)
    values = {
        "reason": reason,
        "days": days,
        "document_number": document_number,
        "severity": severity,
        "explanation": explanation,
        "report": report,
        "upheld": upheld,
        "outcome": outcome,
        "summary": summary,
        "objector_kind": objector_kind,
        "objector_name": objector_name,
        "leniency": leniency,
        "months": months,
    }
    assert set(values) == set(FIELD_NAMES)
    if action not in ACTIONS:
        raise ValidationFailed("unknown_action", field="action", value=action[:40])
    chosen = RecordAction(action)
    try:
        for name, value in values.items():
            if not is_storable(value):
                raise ValidationFailed("unstorable_form_text", field=name)
        command = command_of(chosen, version, values)
        act(session=session, view=view, command=command, actor=user, env=env)
    except FormProblem as problem:
        error = texts.render(visit.language, problem.key)
        return _render(
            request,
            session,
            container,
            view,
            visit,
            error=error,
            typed=values,
            typed_action=action,
        )
    except ValidationFailed as refused:
        session.rollback()
        view = get_record(session=session, number=number, actor=user, env=env)
        return _render(
            request,
            session,
            container,
            view,
            visit,
            error=refused.message(visit.language),
            typed=values,
            typed_action=action,
        )
    except (StaleVersion, InvalidTransition, Forbidden) as refused:
        session.rollback()
        view = get_record(session=session, number=number, actor=user, env=env)
        key = "records.stale" if isinstance(refused, StaleVersion) else "records.not_now"
        if isinstance(refused, Forbidden):  # not this user's side of the record: as the API
            key = "records.not_yours"
        error = texts.render(visit.language, key)
        if isinstance(refused, ActionForbidden):  # the role and the step, as the API says it
            error = refused.message(visit.language)
        return _render(
            request,
            session,
            container,
            view,
            visit,
            status_code=403 if isinstance(refused, Forbidden) else 409,
            error=error,
            typed=values,
            typed_action=action,
        )
    return see_other(f"/console/records/{view.case.number}?done={action}")


def _render(
    request: Request,
    session: Session,
    container: Container,
    view: RecordView,
    visit: Visit,
    *,
    notice: str | None = None,
    error: str | None = None,
    status_code: int | None = None,
    typed: dict[str, str] | None = None,
    typed_action: str = "",
    just_filed: bool = False,
) -> HTMLResponse:
    actor = visit.actor
    assert actor is not None
    env = record_env(container=container, session=session)
    shown = present(session=session, view=view, actor=actor, env=env, language=visit.language)
    zone = container.settings.zone
    units = {
        u.code: u.name_zh if visit.language == "zh" else u.name_en or u.name_zh
        for u in list_units(session=session, include_retired=True)
    }
    text_limit = container.settings.max_text_length
    forms = [
        (a, fields_of(RecordAction(a), shown.severity, text_limit=text_limit))
        for a in shown.allowed_actions
    ]
    case_visible = True  # the case page (files, notes) follows the case service's visibility
    try:
        get_case(
            session=session,
            number=view.case.number,
            actor=actor,
            lead_office=container.taxonomy.lead_office,
        )
    except NotFound:
        case_visible = False
    return render_page(
        request,
        "records/record.html",
        status_code=status_code or (400 if error else 200),
        record=shown,
        forms=forms,
        case_visible=case_visible,
        units=units,
        typed=typed or {},
        typed_action=typed_action,
        notice=notice,
        error=error,
        local=lambda moment: moment.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
        label=partial(label, visit.language),
        just_filed=just_filed,
        value_labels=RECORD_VALUES,
        hidden_details=HIDDEN_DETAILS,
    )
