"""The export endpoints: the case list as a spreadsheet (XLSX), with the list's filters."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.responses import Response

from backend.api.bodies import JsonLimitedRoute
from backend.api.deps import ContainerDep, CurrentActor, Language, ReadSessionDep
from backend.api.errors import refusals
from backend.exports.cases_xlsx import XLSX_TYPE, ExportContext, export_cases
from backend.exports.filters import ListQuery, list_query
from backend.periods import local_day

router = APIRouter(prefix="/exports", tags=["exports"], route_class=JsonLimitedRoute)
_SPREADSHEET: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The spreadsheet: one row per case, headings after Accept-Language.",
        "content": {XLSX_TYPE: {"schema": {"type": "string", "format": "binary"}}},
    }
}


@router.get(
    "/cases.xlsx",
    response_class=Response,
    responses={**_SPREADSHEET, **refusals(401, 422)},
)
def export_cases_xlsx(
    session: ReadSessionDep,
    actor: CurrentActor,
    container: ContainerDep,
    language: Language,
    filters: Annotated[ListQuery, Depends(list_query)],
) -> Response:
    """Return the case list (GET /api/v1/cases's filters, plus from/to received) as XLSX.

    A clerk gets the own unit's cases only and never the reporter; more than
    cases_xlsx.MAX_ROWS cases is refused (422 `export_too_large`): narrow the filters.
    """
    zone, now = container.settings.zone, container.clock.now()
    where = filters.case_filter(now=now, zone=zone)
    context = ExportContext(taxonomy=container.taxonomy, language=language, zone=zone)
    content = export_cases(session=session, actor=actor, where=where, context=context)
    return xlsx_response(content, f"cases-{local_day(now, zone):%Y%m%d}.xlsx")


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
