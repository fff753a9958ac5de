"""The evidence endpoint of the admin API: one file of a case the caller may see."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path
from fastapi.responses import Response

from backend.api.bodies import JsonLimitedRoute
from backend.api.deps import ContainerDep, CurrentActor, ReadSessionDep
from backend.api.errors import refusals
from backend.attachments.evidence import evidence_response
from backend.bounds import MAX_ROW_ID
from backend.cases.api import CaseNumber

router = APIRouter(prefix="/cases", tags=["cases"], route_class=JsonLimitedRoute)


@router.get(
    "/{number}/attachments/{attachment_id}",
    response_class=Response,
    responses={
        200: {
            "description": "The file: a jpeg/png/gif/webp image inline, anything else as "
            "application/octet-stream to download",
            "content": {"application/octet-stream": {}, "image/png": {}},
        },
        **refusals(401, 404, 422),
    },
)
def read_attachment(
    number: CaseNumber,
    attachment_id: Annotated[int, Path(ge=1, le=MAX_ROW_ID)],
    session: ReadSessionDep,
    actor: CurrentActor,
    container: ContainerDep,
) -> Response:
    """Return one evidence file of a case, with the same visibility as the case."""
    return evidence_response(
        session=session,
        data_dir=container.settings.data_dir,
        number=number,
        actor=actor,
        attachment_id=attachment_id,
        lead_office=container.taxonomy.lead_office,
    )
