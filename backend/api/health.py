"""Liveness and readiness for a load balancer or a supervisor; neither needs a token.

Both are outside the admission gate (`backend.api.admission`): a busy instance still says it
is alive and ready instead of being taken out of the balancer for being busy.
"""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from backend.api.deps import ContainerDep, Language
from backend.api.errors import refusals
from backend.messages import render
from backend.readiness import check_readiness

# A query that is no UTF-8 is refused on every route (backend.query_strings): 400 here too.
router = APIRouter(prefix="/api/v1", tags=["health"], responses=refusals(400))


class Health(BaseModel):
    """The process answers (it asks nothing of the database)."""

    status: Literal["ok"]


class Ready(BaseModel):
    """Whether this instance should get traffic, and each check's outcome."""

    status: Literal["ready"]
    checks: dict[str, str] = Field(
        description="database, migrations: `ok`; calendar: `ok`, or `provisional` when it "
        "does not cover this year (deadlines are provisional until its holidays are entered)"
    )
    notes: list[str] = Field(
        default_factory=list, description="what the operator should do, in the caller's language"
    )


class NotReady(BaseModel):
    """Which checks failed, explained in the caller's language."""

    detail: str
    code: Literal["not_ready"]
    failed: list[str]
    checks: dict[str, str]


@router.get("/health", response_model=Health)
async def health() -> Health:
    """Answer ok while the process serves requests (liveness: no database, no gate)."""
    return Health(status="ok")


@router.get(
    "/ready",
    response_model=Ready,
    responses={503: {"model": NotReady, "description": "A check failed: take it out"}},
)
async def ready(container: ContainerDep, language: Language) -> Ready | JSONResponse:
    """Answer 200 when this instance should get traffic, else 503 naming the failed checks.

    Checks: the database answers, its schema is at the code's newest migration; the
    working-day calendar's missing year is a note, not a failure (backend.readiness).
    """
    outcome = await run_in_threadpool(
        check_readiness,
        engine=container.engine,
        now=container.clock.now(),
        zone=container.settings.zone,
    )
    if not outcome.failed:
        notes = [render(f"not_ready_{name}", language) for name in outcome.notes]
        return Ready(status="ready", checks=outcome.checks, notes=notes)
    detail = " ".join(render(f"not_ready_{name}", language) for name in outcome.failed)
    body = NotReady(detail=detail, code="not_ready", failed=outcome.failed, checks=outcome.checks)
    return JSONResponse(status_code=503, content=body.model_dump())
