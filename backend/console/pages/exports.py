"""The case list as a spreadsheet from the console, with the list's filters in the address."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import Response

from backend.api.deps import ContainerDep, SessionDep
from backend.console.deps import ConsoleUser, VisitDep
from backend.exports.api import xlsx_response
from backend.exports.cases_xlsx import ExportContext, export_cases
from backend.exports.filters import ListQuery, list_query
from backend.periods import local_day

router = APIRouter()


@router.get("/exports/cases.xlsx", name="export_cases")
def export_cases_page(
    user: ConsoleUser,
    visit: VisitDep,
    session: SessionDep,
    container: ContainerDep,
    filters: Annotated[ListQuery, Depends(list_query)],
) -> Response:
    """Download the cases of the list (a clerk: the own unit's, never the reporter) as XLSX."""
    zone, now = container.settings.zone, container.clock.now()
    where = filters.case_filter(now=now, zone=zone, taxonomy=container.taxonomy)
    context = ExportContext(
        taxonomy=container.taxonomy,
        language=visit.language,
        zone=zone,
        request_types=container.request_types,
    )
    content = export_cases(session=session, actor=user, where=where, context=context)
    return xlsx_response(content, f"cases-{local_day(now, zone):%Y%m%d}.xlsx")
