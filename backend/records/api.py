"""The record endpoints of the admin API (政务失信记录)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Path, Query, Response, status
from sqlmodel import Session

from backend.actors import Actor
from backend.api.bodies import JsonLimitedRoute
from backend.api.deps import ContainerDep, CurrentActor, ReadSessionDep, SessionDep
from backend.api.errors import refusals
from backend.api.params import Cursor, Day
from backend.bootstrap import Container
from backend.cases.idempotency import caller_key
from backend.cases.queries import decode_cursor
from backend.records.actions import act
from backend.records.commands import NewRecord, RecordCommand
from backend.records.env import record_env
from backend.records.presenters import present, summarise_page
from backend.records.schemas import (
    RecordActionBody,
    RecordCreate,
    RecordPublic,
    RecordsPublic,
    RecordStateFilter,
)
from backend.records.service import RecordView, file_record, get_record
from backend.records.service import list_records as find_records
from backend.storable import BLANK_IS_NONE, StorableStr, UnitFilter

router = APIRouter(prefix="/records", tags=["records"], route_class=JsonLimitedRoute)
RecordNumber = Annotated[
    StorableStr, Path(max_length=40, description="HQ-261127-0042, typed any way (hq2611270042)")
]
IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        description="8 to 100 visible ASCII characters, unique per request (a UUID): the same "
        "key sent again within 24 hours with the same body answers what the first request did "
        "(`Idempotent-Replayed: true`) and changes nothing; with another body: 422 "
        "`record_idempotency_key_reused` (the rule of `POST /api/v1/cases`)",
    ),
]


def _key(actor: Actor, key: str | None) -> str | None:
    return caller_key(actor, key) if key is not None else None


def _replayed(response: Response, view: RecordView) -> None:
    if view.replayed:
        response.headers["Idempotent-Replayed"] = "true"


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=RecordPublic,
    responses=refusals(400, 401, 403, 413, 422),
)
def create_record(
    body: RecordCreate,
    session: SessionDep,
    actor: CurrentActor,
    container: ContainerDep,
    response: Response,
    idempotency_key: IdempotencyKey = None,
) -> RecordPublic:
    """File a dishonesty record (or a draft); the report clock is the filing unit's."""
    env = record_env(container=container, session=session)
    new = NewRecord(
        person_name=body.person_name,
        person_post=body.person_post,
        department=body.department,
        finding_type=body.finding_type.value,
        authority=body.authority,
        document_number=body.document_number,
        arisen_on=body.arisen_on,
        severity=body.severity.value if body.severity else None,
        summary=body.summary,
        source_case=body.case,
        draft=body.draft,
        idempotency_key=_key(actor, idempotency_key),
    )
    view = file_record(session=session, new=new, actor=actor, env=env)
    _replayed(response, view)
    return _shown(session, view, actor, container)


@router.get("", response_model=RecordsPublic, responses=refusals(401, 403, 422))
def list_records(
    session: ReadSessionDep,
    actor: CurrentActor,
    container: ContainerDep,
    department: Annotated[
        UnitFilter,
        Query(
            description="The unit named or the filer (422 unknown_department: no such unit)",
        ),
    ] = None,
    state: Annotated[RecordStateFilter | None, BLANK_IS_NONE] = None,
    start: Annotated[
        Day | None, Query(alias="from", description="First day arisen (Tianjin)")
    ] = None,
    end: Annotated[Day | None, Query(alias="to", description="Last day arisen (Tianjin)")] = None,
    cursor: Cursor | None = None,
    limit: Annotated[int | None, Query(ge=1, le=500)] = None,
) -> RecordsPublic:
    """List the records the caller may see, newest first, one page at a time."""
    env = record_env(container=container, session=session)
    size = limit or container.settings.api_page_limit
    views = find_records(
        session=session,
        actor=actor,
        env=env,
        department=department,
        state=state.value if state else None,
        arisen_from=start,
        arisen_to=end,
        after_id=decode_cursor(cursor) if cursor is not None else None,
        limit=size,
    )
    more = len(views) == size
    next_cursor = str(views[-1].record.case_id) if more and views else None
    rows = summarise_page(session=session, views=views, env=env, masked=actor.is_evaluator)
    return RecordsPublic(data=rows, next_cursor=next_cursor)


@router.get("/{number}", response_model=RecordPublic, responses=refusals(401, 404, 422))
def read_record(
    number: RecordNumber, session: ReadSessionDep, actor: CurrentActor, container: ContainerDep
) -> RecordPublic:
    """Show one record with its clocks, objections, repair applications and history."""
    env = record_env(container=container, session=session)
    view = get_record(session=session, number=number, actor=actor, env=env)
    return _shown(session, view, actor, container)


@router.post(
    "/{number}/actions",
    response_model=RecordPublic,
    responses=refusals(400, 401, 403, 404, 409, 413, 422),
)
def act_on_record(
    number: RecordNumber,
    body: RecordActionBody,
    session: SessionDep,
    actor: CurrentActor,
    container: ContainerDep,
    response: Response,
    idempotency_key: IdempotencyKey = None,
) -> RecordPublic:
    """Take a step on a record; who may take which one: backend.records.actions.SIDES."""
    env = record_env(container=container, session=session)
    view = get_record(session=session, number=number, actor=actor, env=env)
    command = RecordCommand(
        action=body.action,
        version=body.version,
        reason=body.reason,
        days=body.days,
        document_number=body.document_number,
        severity=body.severity.value if body.severity else None,
        explanation=body.explanation,
        report=body.report,
        upheld=body.upheld,
        outcome=body.outcome,
        summary=body.summary,
        objector_kind=body.objector_kind.value if body.objector_kind else None,
        objector_name=body.objector_name,
        leniency=body.leniency,
        months=body.months,
        idempotency_key=_key(actor, idempotency_key),
    )
    view = act(session=session, view=view, command=command, actor=actor, env=env)
    _replayed(response, view)
    return _shown(session, view, actor, container)


def _shown(session: Session, view: RecordView, actor: Actor, container: Container) -> RecordPublic:
    env = record_env(container=container, session=session)
    return present(session=session, view=view, actor=actor, env=env)
