"""The administration's start page and the routing configuration, read-only (coordinators).

The configuration is the taxonomy file the process loaded (decision 6: routing is data); to
change it, edit the file and restart. This page shows what the router works with.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from backend.api.deps import ContainerDep
from backend.console.deps import CoordinatorUser
from backend.console.flash import render_with_flash
from backend.taxonomy.models import Taxonomy

router = APIRouter(prefix="/admin")


def unit_names(taxonomy: Taxonomy) -> dict[str, tuple[str, str]]:
    """Return each unit's code with its Chinese and English names."""
    names = {d.code: (d.zh, d.en) for d in taxonomy.departments}
    names |= {s.code: (s.zh, s.en or s.zh) for s in taxonomy.streets}
    return names


@router.get("/", response_class=HTMLResponse, name="admin")
def admin_page(request: Request, user: CoordinatorUser) -> HTMLResponse:
    """Show what the administration offers."""
    return render_with_flash(request, "admin/index.html")


@router.get("/routing", response_class=HTMLResponse, name="admin_routing")
def routing_page(request: Request, user: CoordinatorUser, container: ContainerDep) -> HTMLResponse:
    """Show the categories, units, keywords, streets and communities the router uses."""
    taxonomy = container.taxonomy
    return render_with_flash(
        request,
        "admin/routing.html",
        taxonomy=taxonomy,
        units=unit_names(taxonomy),
        file_name=container.settings.taxonomy_file.name,
    )
