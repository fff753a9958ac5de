"""The case endpoints of the admin API."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Header, Path, Query, Response, status
from sqlmodel import Session

from backend.actors import Actor
from backend.api.bodies import JsonLimitedRoute
from backend.api.deps import (
    ContainerDep,
    CurrentActor,
    Language,
    ReadSessionDep,
    SessionDep,
    WritingUnit,
    WritingUnitDep,
)
from backend.api.errors import refusals
from backend.api.params import Cursor, Day
from backend.bootstrap import Container
from backend.cases.actions import take_action
from backend.cases.idempotency import caller_key
from backend.cases.intake import Draft, submit
from backend.cases.models import Case, CaseKind, CaseStatus
from backend.cases.notes import add_note
from backend.cases.presenters import present, present_filed, summarise
from backend.cases.queries import CaseFilter, get_case, list_cases
from backend.cases.redaction import Redactor
from backend.cases.schemas import (
    CaseAction,
    CaseCreate,
    CaseCreated,
    CasePublic,
    CasesPublic,
    NoteCreate,
)
from backend.cases.workflow import Command, can_see
from backend.errors import RuleRefused, ValidationFailed
from backend.request_types.catalogue import RequestType
from backend.stats.measures import MeasureFilter, MeasureName, measure_filter
from backend.storable import BLANK_IS_NONE, CategoryFilter, ChannelFilter, StorableStr, UnitFilter
from backend.taxonomy.checks import check_list_values
from backend.unit_scope import refuse_other_unit

router = APIRouter(prefix="/cases", tags=["cases"], route_class=JsonLimitedRoute)
# Numbers are accepted typed loosely (hq2611270042); anything else is simply not found.
CaseNumber = Annotated[
    StorableStr, Path(max_length=40, description="HQ-261127-0042, typed any way (hq2611270042)")
]


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=CaseCreated,
    responses=refusals(400, 401, 409, 413, 422),
)
def create_case(
    body: CaseCreate,
    unit: WritingUnitDep,
    idempotency_key: Annotated[
        str | None,
        Header(
            alias="Idempotency-Key",
            description="8 to 100 visible ASCII characters, unique per request (a UUID): the "
            "same key sent again within 24 hours answers the case it filed "
            "(`Idempotent-Replayed: true`, no PIN), never a second; sent with another text: "
            "422 `idempotency_key_reused`",
        ),
    ] = None,
) -> Response:
    """File a case: routed to its unit, or to the lead office's triage queue."""
    # The unit opens here, in the endpoint's thread (401 or 403 first), and an error ends it
    # here too; FastAPI's one thread hop a filing (issue 13, item 3).
    with unit.working() as (session, actor):
        return _file(unit, session, actor, body, idempotency_key)


def _file(
    unit: WritingUnit,
    session: Session,
    actor: Actor,
    body: CaseCreate,
    idempotency_key: str | None,
) -> Response:
    """File the case in the opened unit and commit it; return the answer (201)."""
    container = unit.container
    if body.kind is CaseKind.dishonesty_record:  # records have their own API and service
        raise ValidationFailed("record_use_records_api", field="kind")
    if (body.latitude is None) != (body.longitude is None):  # half a point is no place
        raise ValidationFailed("coordinates_pair", field="latitude")
    anonymous = body.reporter is None if body.anonymous is None else body.anonymous
    if anonymous and body.reporter is not None:
        raise ValidationFailed("anonymous_with_reporter", field="reporter")
    draft = Draft(
        text=body.text,
        kind=body.kind,
        category=body.category,
        street=body.street,
        occurred_on=body.occurred_on,
        location_text=body.location,
        latitude=body.latitude,
        longitude=body.longitude,
        anonymous=anonymous,
        reporter_name=body.reporter.name if body.reporter else None,
        reporter_phone=body.reporter.phone if body.reporter else None,
        channel="api",
        source_case=body.source_case,
        urgent=body.urgent,
        request_type=body.request_type.value if body.request_type else None,
        idempotency_key=caller_key(actor, idempotency_key)
        if idempotency_key is not None
        else None,
    )
    receipt = submit(session=session, draft=draft, actor=actor, env=container.case_env)
    env, now = container.case_env, container.clock.now()
    if not receipt.replayed:  # answered from what filing wrote, without reading it back
        created = present_filed(session=session, receipt=receipt, actor=actor, env=env, now=now)
        answer = _created(created, status.HTTP_201_CREATED)  # an answer that fails undoes it
        unit.commit()  # here, in the endpoint's thread: no hop to commit (issue 13, item 3)
        return answer
    # The case an earlier request filed: read as it is now (no PIN, no routing), if the
    # caller may still see it; a clerk's case moved to another unit is named, not shown.
    if not can_see(actor, receipt.case):
        raise RuleRefused("idempotency_key_case_elsewhere", number=receipt.case.number)
    view = present(session=session, case=receipt.case, actor=actor, env=env, now=now)
    replayed = CaseCreated(**view.model_dump(), pin=None, routing=None)
    answer = _created(replayed, status.HTTP_201_CREATED, replayed=True)
    unit.commit()
    return answer


def _created(answer: CaseCreated, status_code: int, *, replayed: bool = False) -> Response:
    """Return the answer to filing as JSON, serialised once from the model built for it.

    Issue 13, item 3: FastAPI would validate the returned model again against
    `response_model` (in the thread pool, for a `def` endpoint) before serialising it.
    """
    headers = {"Idempotent-Replayed": "true"} if replayed else None
    return Response(
        answer.model_dump_json(),
        status_code=status_code,
        media_type="application/json",
        headers=headers,
    )


@router.get("", response_model=CasesPublic, responses=refusals(401, 403, 422))
def read_cases(
    session: ReadSessionDep,
    actor: CurrentActor,
    container: ContainerDep,
    language: Language,
    department: Annotated[UnitFilter, Query()] = None,
    status: Annotated[CaseStatus | None, BLANK_IS_NONE] = None,
    category: Annotated[CategoryFilter, Query()] = None,
    kind: Annotated[
        CaseKind | None,
        BLANK_IS_NONE,
        Query(description="complaint, or dishonesty_record (a clerk's record)"),
    ] = None,
    q: Annotated[
        StorableStr | None,
        Query(max_length=200, description="Words of the text (literally), or a case number"),
    ] = None,
    overdue: bool | None = None,
    channel: Annotated[ChannelFilter, Query()] = None,
    measure: Annotated[
        MeasureName | None,
        BLANK_IS_NONE,
        Query(
            description="Only the cases behind a figure of GET /api/v1/stats; `department` "
            "then names the unit whose figure it is, not the one holding the case now."
        ),
    ] = None,
    measure_from: Annotated[
        Day | None, Query(description="First Tianjin date of the figure's period.")
    ] = None,
    measure_to: Annotated[
        Day | None, Query(description="Last Tianjin date of the figure's period.")
    ] = None,
    cursor: Cursor | None = None,
    limit: Annotated[int | None, Query(ge=1, le=500)] = None,
    request_type: Annotated[
        RequestType | None, Query(description="诉求类型: only cases of this request type")
    ] = None,
) -> CasesPublic:
    """List the cases the caller may see, newest first, one page at a time."""
    refuse_other_unit(actor, department)  # a clerk: the own unit's, or 403 other_unit
    figure = _measure(container, measure, measure_from, measure_to)
    check_list_values(
        container.taxonomy, department=department, category=category, channel=channel
    )
    page = list_cases(
        session=session,
        actor=actor,
        where=CaseFilter(
            department=department,
            status=status,
            category=category,
            kind=kind,
            q=q,
            overdue_at=container.clock.now() if overdue else None,
            channel=channel,
            measure=figure,
            request_type=request_type.value if request_type else None,
        ),
        cursor=cursor,
        limit=limit or container.settings.api_page_limit,
    )
    redactor = Redactor(session=session, actor=actor, language=language)
    data = [summarise(c, redactor) for c in page.cases]
    return CasesPublic(data=data, next_cursor=page.next_cursor)


def _measure(
    container: ContainerDep, name: MeasureName | None, start: date | None, end: date | None
) -> MeasureFilter | None:
    if name is None:
        if start is not None or end is not None:
            raise ValidationFailed("measure_period_without_measure", field="measure")
        return None
    now, zone = container.clock.now(), container.settings.zone
    return measure_filter(name=name, start=start, end=end, now=now, zone=zone)


@router.get("/{number}", response_model=CasePublic, responses=refusals(401, 404, 422))
def read_case(
    number: CaseNumber,
    session: ReadSessionDep,
    actor: CurrentActor,
    container: ContainerDep,
    language: Language,
) -> CasePublic:
    """Show one case with its clocks and its full history."""
    lead_office = container.taxonomy.lead_office  # a record's case: its clerks read it too
    case = get_case(session=session, number=number, actor=actor, lead_office=lead_office)
    return _shown(session, case, actor, container, language)


@router.post(
    "/{number}/actions",
    response_model=CasePublic,
    responses=refusals(400, 401, 403, 404, 409, 413, 422),
)
def act_on_case(
    number: CaseNumber,
    body: CaseAction,
    session: SessionDep,
    actor: CurrentActor,
    container: ContainerDep,
    language: Language,
) -> CasePublic:
    """Take an action on a case; which actor may take which one, from where: workflow.RULES."""
    case = get_case(session=session, number=number, actor=actor)
    command = Command(
        action=body.action,
        version=body.version,
        reason=body.reason,
        reply=body.reply,
        department=body.department,
        category=body.category,
        days=body.days,
        rating=body.rating,
        request_type=body.request_type.value if body.request_type else None,
    )
    case = take_action(
        session=session,
        case=case,
        command=command,
        actor=actor,
        env=container.case_env,
        into=body.into,
    )
    return _shown(session, case, actor, container, language)


@router.post(
    "/{number}/notes",
    status_code=status.HTTP_201_CREATED,
    response_model=CasePublic,
    responses=refusals(400, 401, 403, 404, 413, 422),
)
def write_note(
    number: CaseNumber,
    body: NoteCreate,
    session: SessionDep,
    actor: CurrentActor,
    container: ContainerDep,
    language: Language,
) -> CasePublic:
    """Add an internal note (staff only, never sent to the reporter) to a case's history."""
    case = get_case(session=session, number=number, actor=actor)
    add_note(session=session, case=case, text=body.text, actor=actor, env=container.case_env)
    return _shown(session, case, actor, container, language)


def _shown(
    session: Session, case: Case, actor: Actor, container: Container, language: str
) -> CasePublic:
    """Return the case as this actor may see it now, in the caller's language."""
    return present(
        session=session,
        case=case,
        actor=actor,
        env=container.case_env,
        now=container.clock.now(),
        language=language,
    )
