"""The console's form to file a dishonesty record (登记失信记录) or register a draft.

It files through the records service's `file_record`, as `POST /api/v1/records` and the
clerk's chat dialog do, with the same rules and refusals; the form holds none of its own but
reading a date. The form carries a key made when it was opened, sent as the filing's
Idempotency-Key: the same form sent twice (a double click, a resend after a lost answer)
files one record and lands on it.
"""

from __future__ import annotations

import secrets
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response
from sqlmodel import Session

from backend.actors import Actor
from backend.api.deps import ContainerDep, SessionDep
from backend.bootstrap import Container
from backend.cases.idempotency import caller_key
from backend.cases.models import STAFF_CONSOLE
from backend.console import texts
from backend.console.deps import ConsoleUser, VisitDep
from backend.console.pages.navigation import see_other
from backend.console.record_forms import FormProblem
from backend.console.rendering import render_page
from backend.errors import Forbidden, ValidationFailed
from backend.records.commands import (
    MAX_AUTHORITY,
    MAX_DOCUMENT_NUMBER,
    MAX_PERSON_NAME,
    MAX_PERSON_POST,
    NewRecord,
)
from backend.records.env import record_env
from backend.records.models import FindingType, Severity
from backend.records.service import file_record
from backend.storable import is_storable
from backend.taxonomy.tables import list_units

router = APIRouter()
# Each text's bound is the API's (backend.records.schemas): a longer one shows the form again
# with the text kept and the bound named (backend.console.over_long), as every console form.
Name = Annotated[str, Form(max_length=MAX_PERSON_NAME)]
Post = Annotated[str, Form(max_length=MAX_PERSON_POST)]
Authority = Annotated[str, Form(max_length=MAX_AUTHORITY)]
Document = Annotated[str, Form(max_length=MAX_DOCUMENT_NUMBER)]
# as the record page's forms (a correction's summary): within the console's form size; the
# service applies the text limit the deployment set (INTAKE_MAX_TEXT_LENGTH)
Summary = Annotated[str, Form(max_length=10_000)]
Short = Annotated[str, Form(max_length=40)]  # a code, a day, a case number


@router.get("/records/new", response_class=HTMLResponse, name="record_new")
def record_new_page(
    request: Request,
    user: ConsoleUser,
    visit: VisitDep,
    session: SessionDep,
    container: ContainerDep,
) -> HTMLResponse:
    """Show the empty form (a clerk's own unit chosen for the person's unit)."""
    _refuse_reader(user)
    typed = {"department": user.department or ""}
    return _form(request, session, container, visit.language, typed, secrets.token_hex(16))


@router.post("/records/new", response_class=HTMLResponse, name="record_file")
def record_file(
    request: Request,
    user: ConsoleUser,
    visit: VisitDep,
    session: SessionDep,
    container: ContainerDep,
    key: Annotated[str, Form(min_length=8, max_length=100)],
    person_name: Name = "",
    person_post: Post = "",
    department: Short = "",
    finding_type: Short = "",
    authority: Authority = "",
    document_number: Document = "",
    arisen_on: Short = "",
    severity: Short = "",
    summary: Summary = "",
    source_case: Short = "",
    draft: Short = "",
) -> Response:
    """File the record, then show it (303); a refusal shows the form again as typed (400)."""
    _refuse_reader(user)
    typed = {
        "person_name": person_name,
        "person_post": person_post,
        "department": department,
        "finding_type": finding_type,
        "authority": authority,
        "document_number": document_number,
        "arisen_on": arisen_on,
        "severity": severity,
        "summary": summary,
        "source_case": source_case,
        "draft": "1" if draft else "",
    }
    env = record_env(container=container, session=session)
    try:
        for name, value in typed.items():
            if not is_storable(value):
                raise ValidationFailed("unstorable_form_text", field=name)
        new = NewRecord(
            person_name=person_name,
            person_post=person_post.strip(),
            department=department.strip(),
            finding_type=finding_type.strip(),
            arisen_on=_day(arisen_on),
            summary=summary,
            authority=authority.strip(),
            document_number=document_number.strip() or None,
            severity=severity.strip() or None,
            source_case=source_case.strip() or None,
            draft=bool(draft),
            channel=STAFF_CONSOLE,  # the web console's form, not the terminal chat ("console")
            language=visit.language,
            idempotency_key=caller_key(user, key),
        )
        view = file_record(session=session, new=new, actor=user, env=env)
    except FormProblem as problem:
        error = texts.render(visit.language, problem.key)
    except ValidationFailed as refused:
        session.rollback()
        error = refused.message(visit.language)
    else:
        done = "drafted" if view.record.state == "draft" else "filed"
        return see_other(f"/console/records/{view.case.number}?done={done}")
    return _form(request, session, container, visit.language, typed, key, error=error)


def _refuse_reader(user: Actor) -> None:
    """Only a unit's clerk or a coordinator files a record (as `file_record` says again)."""
    if not (user.is_clerk or user.is_coordinator):
        raise Forbidden("only a unit's clerk or a coordinator files a dishonesty record")


def _day(raw: str) -> date:
    if not raw.strip():
        raise FormProblem("records.new.arisen_required")
    try:
        return date.fromisoformat(raw.strip())
    except ValueError:
        raise FormProblem("records.new.arisen_bad") from None


def _form(
    request: Request,
    session: Session,
    container: Container,
    language: str,
    typed: dict[str, str],
    key: str,
    *,
    error: str | None = None,
) -> HTMLResponse:
    units = [
        (u.code, u.name_zh if language == "zh" else u.name_en or u.name_zh)
        for u in list_units(session=session)
    ]
    return render_page(
        request,
        "records/new.html",
        status_code=400 if error else 200,
        error=error,
        typed=typed,
        key=key,
        units=units,
        findings=[f.value for f in FindingType],
        severities=[s.value for s in Severity],
        limits={
            "person_name": MAX_PERSON_NAME,
            "person_post": MAX_PERSON_POST,
            "authority": MAX_AUTHORITY,
            "document_number": MAX_DOCUMENT_NUMBER,
            "summary": container.settings.max_text_length,
            "source_case": 40,
        },
        today=container.clock.now().astimezone(container.settings.zone).date(),
    )
