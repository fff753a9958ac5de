"""The export endpoints: the case list as a spreadsheet (XLSX), with the list's filters."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from sqlmodel import Session

from backend.actors import Actor
from backend.api.bodies import JsonLimitedRoute
from backend.api.deps import ContainerDep, CurrentActor, ReadSessionDep
from backend.api.errors import refusals
from backend.api.params import Day
from backend.assessment.api import assessment_for
from backend.assessment.xlsx import export_assessment
from backend.bootstrap import Container
from backend.exports.cases_xlsx import XLSX_TYPE, ExportContext, export_cases
from backend.exports.filters import ListQuery, list_query
from backend.exports.labels import unit_name
from backend.exports.record_rows import LedgerQuery, ledger_rows
from backend.exports.records_xlsx import export_records
from backend.periods import local_day
from backend.storable import UnitFilter

router = APIRouter(prefix="/exports", tags=["exports"], route_class=JsonLimitedRoute)
From = Annotated[Day | None, Query(alias="from", description="First Tianjin date.")]
To = Annotated[Day | None, Query(alias="to", description="Last Tianjin date.")]
Department = Annotated[UnitFilter, Query()]


def export_language(
    request: Request,
    lang: Annotated[
        Literal["zh", "en"] | None,
        Query(description="Headings' language: Chinese unless `en` (or Accept-Language: en)."),
    ] = None,
) -> str:
    """Return a ledger's language: `lang`, else English only when Accept-Language asks."""
    if lang is not None:
        return lang
    header = request.headers.get("accept-language", "").lower()
    return "en" if header.startswith("en") else "zh"


ExportLanguage = Annotated[str, Depends(export_language)]
_SPREADSHEET: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The spreadsheet: one row per case, headings after Accept-Language.",
        "content": {XLSX_TYPE: {"schema": {"type": "string", "format": "binary"}}},
    }
}


@router.get(
    "/cases.xlsx",
    response_class=Response,
    responses={**_SPREADSHEET, **refusals(401, 403, 422)},
)
def export_cases_xlsx(
    session: ReadSessionDep,
    actor: CurrentActor,
    container: ContainerDep,
    language: ExportLanguage,
    filters: Annotated[ListQuery, Depends(list_query)],
) -> Response:
    """Return the case list (GET /api/v1/cases's filters, plus from/to received) as XLSX.

    A clerk gets the own unit's cases only and never the reporter; more than
    cases_xlsx.MAX_ROWS cases is refused (422 `export_too_large`): narrow the filters.
    """
    zone, now = container.settings.zone, container.clock.now()
    where = filters.case_filter(now=now, zone=zone, taxonomy=container.taxonomy)
    context = ExportContext(
        taxonomy=container.taxonomy,
        language=language,
        zone=zone,
        request_types=container.request_types,
    )
    content = export_cases(session=session, actor=actor, where=where, context=context)
    return xlsx_response(content, f"cases-{local_day(now, zone):%Y%m%d}.xlsx")


@router.get(
    "/records.xlsx",
    response_class=Response,
    responses={**_SPREADSHEET, **refusals(401, 403, 422)},
)
def export_records_xlsx(
    session: ReadSessionDep,
    actor: CurrentActor,
    container: ContainerDep,
    language: ExportLanguage,
    start: From = None,
    end: To = None,
    department: Department = None,
) -> Response:
    """Return the records ledger (失信记录台账): a summary sheet and one sheet per unit.

    `from`/`to`: the Tianjin dates the information arose between. A clerk gets the records
    its unit is named in or filed; the lead office and the evaluator every record.
    """
    return records_ledger(
        session=session,
        actor=actor,
        container=container,
        language=language,
        query=LedgerQuery(start, end, department or None),
    )


def records_ledger(
    *, session: Session, actor: Actor, container: Container, language: str, query: LedgerQuery
) -> Response:
    """Return the records ledger as a download (the API's and the console's)."""
    taxonomy, zone = container.taxonomy, container.settings.zone
    today = local_day(container.clock.now(), zone)
    rows = ledger_rows(
        session=session,
        actor=actor,
        query=query,
        known=taxonomy.unit_codes,
        lead_office=taxonomy.lead_office,
    )
    content = export_records(
        rows=rows,
        unit_name=lambda code: unit_name(taxonomy, code, language),
        language=language,
        today=today,
        masked=actor.is_evaluator,
    )
    return xlsx_response(content, _records_file_name(query, today))


def _records_file_name(query: LedgerQuery, today: date) -> str:
    """Return the download's name: the unit and period asked for (an open end left empty),
    or `all` and today's date for every record."""
    parts = ["records", *([query.department] if query.department else [])]
    if query.arisen_from or query.arisen_to:
        start, end = query.arisen_from, query.arisen_to
        parts.append(f"{start:%Y%m%d}" if start else "")
        parts.append(f"{end:%Y%m%d}" if end else "")
    else:
        parts.append(f"all-{today:%Y%m%d}")
    return "-".join(parts) + ".xlsx"


@router.get(
    "/assessment.xlsx",
    response_class=Response,
    responses={**_SPREADSHEET, **refusals(401, 403, 422)},
)
def export_assessment_xlsx(
    session: ReadSessionDep,
    actor: CurrentActor,
    container: ContainerDep,
    language: ExportLanguage,
    start: From = None,
    end: To = None,
    department: Department = None,
) -> Response:
    """Return the assessment (考核评价) for the third-party evaluator: ranks, scores, measures."""
    return assessment_ledger(
        session=session,
        actor=actor,
        container=container,
        language=language,
        period=(start, end),
        department=department or None,
    )


def assessment_ledger(
    *,
    session: Session,
    actor: Actor,
    container: Container,
    language: str,
    period: tuple[date | None, date | None],
    department: str | None,
) -> Response:
    """Return the assessment as a download (the API's and the console's)."""
    found = assessment_for(
        session=session,
        actor=actor,
        container=container,
        start=period[0],
        end=period[1],
        department=department,
    )
    taxonomy = container.taxonomy
    content = export_assessment(
        found, unit_name=lambda code: unit_name(taxonomy, code, language), language=language
    )
    return xlsx_response(
        content, f"assessment-{found.window.start:%Y%m%d}-{found.window.end:%Y%m%d}.xlsx"
    )


def xlsx_response(content: bytes, filename: str) -> Response:
    """Return a spreadsheet as a download (never shown in the browser)."""
    return Response(
        content,
        media_type=XLSX_TYPE,
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "X-Content-Type-Options": "nosniff",
        },
    )
