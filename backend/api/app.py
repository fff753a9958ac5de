"""The FastAPI application: admin API under /api/v1, its docs at /docs, the console at /console."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AbstractAsyncContextManager, AsyncExitStack, asynccontextmanager

import anyio.to_thread
from fastapi import APIRouter, FastAPI
from fastapi_offline import FastAPIOffline
from sqlalchemy import text

from backend.api.admission import AdmissionGate
from backend.api.deps import SessionDep
from backend.api.errors import install_error_handlers
from backend.bootstrap import Container
from backend.cases.api import router as cases_router
from backend.cases.schemas import Health
from backend.console.app import mount_console
from backend.deadlines.api import router as stats_router
from backend.people.api import router as staff_router
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
    )
    app.state.container = container
    app.add_middleware(AdmissionGate, capacity=container.capacity)
    install_error_handlers(app)
    api = APIRouter(prefix=API_PREFIX)

    @api.get("/health", response_model=Health, tags=["health"])
    def health(session: SessionDep) -> Health:
        """Answer ok when the service and its database answer."""
        session.execute(text("SELECT 1"))
        return Health(status="ok", database="ok")

    api.include_router(cases_router)
    api.include_router(taxonomy_router)
    api.include_router(calendar_router)
    api.include_router(stats_router)
    api.include_router(staff_router)
    app.include_router(api)
    mount_console(app, container)
    return app
