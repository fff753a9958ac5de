"""The case page's routes: show it, take an action, write a note, serve an evidence file.

Each form posts here, calls the service the API calls, and answers 303 back to the page
with the done action named (the flash message). A stale version shows the page again with
what changed since the form was shown, the typed values kept, so the user may retry.
"""

from __future__ import annotations

from functools import partial
from typing import Annotated

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import HTMLResponse, Response
from sqlmodel import Session

from backend.api.deps import ContainerDep, SessionDep
from backend.attachments.evidence import evidence_response
from backend.bootstrap import Container
from backend.bounds import MAX_ROW_ID
from backend.cases.actions import take_action
from backend.cases.events import history
from backend.cases.models import Case
from backend.cases.notes import add_note
from backend.cases.queries import get_case
from backend.cases.repeats import RepeatedSubmission
from backend.cases.workflow import Action
from backend.console import texts
from backend.console.case_gone import CaseGone
from backend.console.deps import ConsoleUser, VisitDep
from backend.console.pages.case.forms import FIELDS, PostedAction
from backend.console.pages.case.view import case_page_data
from backend.console.pages.navigation import see_other
from backend.console.rendering import render_page
from backend.console.visit import Visit
from backend.db import all_or_nothing
from backend.errors import (
    InvalidTransition,
    NotFound,
    RuleRefused,
    StaleVersion,
    ValidationFailed,
)
from backend.request_types.catalogue import REQUEST_TYPES
from backend.storable import is_storable

router = APIRouter()
Number = Annotated[str, Path(max_length=40)]
Text = Annotated[str, Form(max_length=10_000)]  # a reply (the API's limit)
Reason = Annotated[str, Form(max_length=2000)]  # a reason or a note (the API's limit)
Short = Annotated[str, Form(max_length=200)]
ACTIONS = frozenset(a.value for a in Action)
DONE = ACTIONS | {"note"}


@router.get("/cases/{number}", response_class=HTMLResponse, name="case")
def case_page(
    request: Request,
    number: Number,
    user: ConsoleUser,
    visit: VisitDep,
    session: SessionDep,
    container: ContainerDep,
    template: Annotated[str, Query(max_length=40)] = "",
    done: Annotated[str, Query(max_length=40)] = "",
) -> HTMLResponse:
    """Show a case as the user may see it, with the forms of the actions allowed now."""
    lead_office = container.taxonomy.lead_office  # a record's case: its clerks read it too
    case = get_case(session=session, number=number, actor=user, lead_office=lead_office)
    notice = texts.render(visit.language, f"case.done.{done}") if done in DONE else None
    return _render(request, session, container, case, visit, template=template, notice=notice)


@router.post("/cases/{number}/actions", response_class=HTMLResponse, name="case_action")
def case_action(
    request: Request,
    number: Number,
    user: ConsoleUser,
    visit: VisitDep,
    session: SessionDep,
    container: ContainerDep,
    action: Short,
    version: Annotated[int, Form(ge=1, le=MAX_ROW_ID)],
    seen: Annotated[int, Form(ge=0, le=MAX_ROW_ID)] = 0,
    reason: Reason = "",
    reply: Text = "",
    days: Short = "",
    department: Short = "",
    category: Short = "",
    into: Short = "",
    rating: Short = "",
    request_type: Short = "",
) -> Response:
    """Take one action through the workflow service, then go back to the page (303)."""
    posted_values = (reason, reply, days, department, category, into, rating, request_type)
    values = dict(zip(FIELDS, posted_values, strict=True))
    case = _case_of_form(session, number, user, values)
    if action not in {a.value for a in Action}:
        raise ValidationFailed("unknown_action", field="action", value=action[:40])
    posted = PostedAction(Action(action), version, seen, values)
    try:
        _require_storable(values)
        with all_or_nothing(session):  # a rule refusing midway leaves no event, no version
            take_action(
                session=session,
                case=case,
                command=posted.command(extension_max_days=container.policy.extension_max_days),
                actor=user,
                env=container.case_env,
                into=posted.into,
            )
    except RepeatedSubmission:  # the form sent again after Back: said as one's own change
        return _render(
            request, session, container, case, visit, posted=posted, stale=True, repeated=True
        )
    except StaleVersion:
        return _render(request, session, container, case, visit, posted=posted, stale=True)
    except (ValidationFailed, InvalidTransition) as refused:
        error = _refusal_text(refused, visit.language)
        return _render(request, session, container, case, visit, posted=posted, error=error)
    if not _still_visible(session, container, case, user):  # returned (退单): not theirs now
        return see_other(f"/console/?done={action}&case={case.number}")
    return see_other(f"/console/cases/{case.number}?done={action}")


def _still_visible(session: Session, container: Container, case: Case, user: ConsoleUser) -> bool:
    """Return whether the user may still open the case after acting on it."""
    lead_office = container.taxonomy.lead_office
    try:
        get_case(session=session, number=case.number, actor=user, lead_office=lead_office)
    except NotFound:
        return False
    return True


@router.post("/cases/{number}/notes", response_class=HTMLResponse, name="case_note")
def case_note(
    request: Request,
    number: Number,
    user: ConsoleUser,
    visit: VisitDep,
    session: SessionDep,
    container: ContainerDep,
    text: Reason = "",
    seen: Annotated[int | None, Form(ge=0, le=MAX_ROW_ID)] = None,
) -> Response:
    """Add an internal note (staff only, never sent to the reporter), then go back (303).

    The form's `seen` makes a form sent twice (Back, a second click) one note.
    """
    case = _case_of_form(session, number, user, {"text": text})
    try:
        _require_storable({"text": text})
        with all_or_nothing(session):
            add_note(
                session=session,
                case=case,
                text=text,
                actor=user,
                env=container.case_env,
                seen=seen,
            )
    except ValidationFailed as refused:
        error = refused.message(visit.language)
        return _render(request, session, container, case, visit, note=text, error=error)
    return see_other(f"/console/cases/{case.number}?done=note#history")


@router.get("/cases/{number}/attachments/{attachment_id}", name="case_attachment")
def case_attachment(
    number: Number,
    attachment_id: Annotated[int, Path(ge=1, le=MAX_ROW_ID)],
    user: ConsoleUser,
    session: SessionDep,
    container: ContainerDep,
) -> Response:
    """Serve one evidence file of a case the user may see (an image inline, else a download)."""
    return evidence_response(
        session=session,
        data_dir=container.settings.data_dir,
        number=number,
        actor=user,
        attachment_id=attachment_id,
        lead_office=container.taxonomy.lead_office,
    )


def _case_of_form(session: Session, number: str, user: ConsoleUser, typed: dict[str, str]) -> Case:
    """Return the case a form was posted for; CaseGone (typed text given back) if not visible."""
    try:
        return get_case(session=session, number=number, actor=user)
    except NotFound:
        raise CaseGone(number, typed) from None


def _require_storable(values: dict[str, str]) -> None:
    """Refuse a form whose text the database cannot store (NUL, a lone surrogate)."""
    for name, value in values.items():
        if not is_storable(value):
            raise ValidationFailed("unstorable_form_text", field=name)


def _refusal_text(refused: ValidationFailed | InvalidTransition, language: str) -> str:
    if isinstance(refused, ValidationFailed | RuleRefused):
        return refused.message(language)
    return texts.render(language, "case.not_now")


def _render(
    request: Request,
    session: Session,
    container: Container,
    case: Case,
    visit: Visit,
    *,
    template: str = "",
    notice: str | None = None,
    posted: PostedAction | None = None,
    stale: bool = False,
    error: str | None = None,
    note: str = "",
    repeated: bool = False,
) -> HTMLResponse:
    actor = visit.actor
    assert actor is not None
    data = case_page_data(
        session=session, container=container, case=case, actor=actor, language=visit.language
    )
    own = False  # every change since was this user's own (a form sent twice, another tab)
    if posted is not None and stale:
        data.changed = data.view.events[posted.seen :]
        since = history(session=session, case=case)[posted.seen :]
        own = bool(since) and all(
            (e.actor_kind, e.actor_id) == (actor.kind, actor.id) for e in since
        )
        if repeated:  # the same action just taken: show it as the change made
            data.changed, own = data.view.events[-1:], True
    chosen = next((t for t in data.templates if t.id == template), None)
    typed = dict(posted.values) if posted is not None else {}
    typed_action = posted.action.value if posted is not None else ""
    if chosen is not None and not typed.get("reply"):
        typed, typed_action = {**typed, "reply": chosen.text}, Action.resolve.value
    status = 409 if stale else 400 if error else 200
    return render_page(
        request,
        "case.html",
        status_code=status,
        data=data,
        view=data.view,
        typed=typed,
        typed_action=typed_action,
        stale=stale,
        stale_own=own,
        error=error,
        notice=notice,
        note=note,
        chosen_template=chosen.id if chosen else "",
        label=partial(label, visit.language),
        actions=ACTIONS,
        request_types=REQUEST_TYPES,
    )


def label(language: str, prefix: str, value: str) -> str:
    """Return the text of `prefix.value` (a status, an action, ...), or the value itself."""
    key = f"{prefix}.{value}"
    return texts.render(language, key) if texts.has(key) else value
