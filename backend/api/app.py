"""The FastAPI application: admin API under /api/v1, its docs at /docs, the console at /console."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AbstractAsyncContextManager, AsyncExitStack, asynccontextmanager
from typing import Any

import anyio.to_thread
from fastapi import APIRouter, Depends, FastAPI
from fastapi_offline import FastAPIOffline

from backend.api.admission import AdmissionGate
from backend.api.bodies import JsonLimitedRoute, install_body_limits
from backend.api.deps import refuse_undecodable_query
from backend.api.errors import install_error_handlers, refusals
from backend.api.favicon import mount_favicon
from backend.api.head import HeadAsGet
from backend.api.health import router as health_router
from backend.assessment.api import router as assessment_router
from backend.attachments.api import router as attachments_router
from backend.bootstrap import Container
from backend.cases.api import router as cases_router
from backend.checkpoints import start_checkpointer
from backend.console.app import mount_console
from backend.duty.api import router as duty_router
from backend.exports.api import router as exports_router
from backend.observability.endpoint import install_observability
from backend.open311.api import mount_open311
from backend.people.api import router as staff_router
from backend.public.app import mount_public
from backend.records.api import router as records_router
from backend.settings import Settings
from backend.stats.api import router as stats_router
from backend.taxonomy.api import router as taxonomy_router
from backend.workdays.api import router as calendar_router

API_PREFIX = "/api/v1"
DOCS_ASSETS = "/docs/assets"  # Swagger UI and ReDoc files, served by this app (no CDN)


LifespanHook = Callable[[FastAPI], AbstractAsyncContextManager[None]]


def create_app(container: Container, *, hooks: Sequence[LifespanHook] = ()) -> FastAPI:
    """Build the web application around a wired container; hooks run for its lifetime."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Worker threads sized with the admission gate and the pool (backend.capacity).
        limiter = anyio.to_thread.current_default_thread_limiter()
        limiter.total_tokens = container.capacity.threads
        async with AsyncExitStack() as stack:
            stack.callback(observability.close)
            # SQLite's log copied back by a thread, not inside a request's commit.
            checkpointer = start_checkpointer(container.engine)
            if checkpointer is not None:
                stack.callback(checkpointer.stop)
            for hook in hooks:
                await stack.enter_async_context(hook(app))
            yield

    app = FastAPIOffline(
        lifespan=lifespan,
        title="Integrity Intake",
        summary="政务诚信投诉受理: complaint intake and case routing",
        version="1.0",
        openapi_url="/openapi.json",
        static_url=DOCS_ASSETS,
        swagger_ui_parameters={"validatorUrl": None},  # no badge fetched from another site
        dependencies=[Depends(refuse_undecodable_query)],  # every route: a query is UTF-8
    )
    app.state.container = container
    app.add_middleware(AdmissionGate, capacity=container.capacity)
    app.add_middleware(HeadAsGet)  # HEAD wherever GET (README): logged as HEAD, served as GET
    install_error_handlers(app)
    install_body_limits(app)
    # Outermost: request ids, log context and request metrics (shed requests too); /metrics.
    observability = install_observability(app, container)
    app.state.metrics_registry = observability.registry  # channels add their own figures
    # Any gated request may be shed by the admission gate (decision 10): 503 everywhere; any
    # query may hold a parameter that is no UTF-8: 400 everywhere.
    api = APIRouter(prefix=API_PREFIX, route_class=JsonLimitedRoute, responses=refusals(400, 503))

    app.include_router(health_router)
    api.include_router(cases_router)
    api.include_router(attachments_router)
    api.include_router(taxonomy_router)
    api.include_router(calendar_router)
    api.include_router(stats_router)
    api.include_router(staff_router)
    api.include_router(exports_router)
    api.include_router(records_router)
    api.include_router(assessment_router)
    api.include_router(duty_router)
    app.include_router(api)
    mount_open311(app)
    mount_console(app, container)
    mount_favicon(app)
    mount_public(app, container)
    app.openapi = _openapi_with_settings(app, container.settings)  # type: ignore[method-assign]
    return app


def _openapi_with_settings(app: FastAPI, settings: Settings) -> Callable[[], dict[str, Any]]:
    """Return app.openapi with the limits that come from settings written into the schema."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        schema = generate()
        text = schema["components"]["schemas"]["CaseCreate"]["properties"]["text"]
        text["minLength"] = settings.min_text_length
        text["maxLength"] = settings.max_text_length
        text["description"] = (
            f"{settings.min_text_length} to {settings.max_text_length} characters; "
            "white space and invisible marks do not count toward the minimum"
        )
        return schema

    return openapi
