"""The dashboard: a unit's or the district's figures over a Tianjin period, with charts.

The figures are `backend.stats`' (the API's own); this page only chooses the period and the
unit (a clerk: the own unit, always) and draws them. Every number links to the cases behind
it on the case list (/console/cases, with the API list's filter names).
"""

from __future__ import annotations

from functools import partial

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from backend.api.deps import ContainerDep, SessionDep
from backend.console import texts
from backend.console.charts import chart_stylesheet
from backend.console.dashboard_view import cells, charts, export_link, style_specs
from backend.console.deps import ConsoleUser, VisitDep
from backend.console.period_form import Department, From, To, period_choice
from backend.console.rendering import console_path, render_page
from backend.deadlines.views import overdue_by_kind
from backend.duty.roster import duty_gap
from backend.exports.labels import unit_name
from backend.notifications.channels import failing_channels
from backend.stats.dashboard import dashboard_view

router = APIRouter()


@router.get("/dashboard", response_class=HTMLResponse, name="dashboard")
def dashboard_page(
    request: Request,
    user: ConsoleUser,
    visit: VisitDep,
    session: SessionDep,
    container: ContainerDep,
    start: From = None,
    end: To = None,
    department: Department = None,
) -> HTMLResponse:
    """Show the figures of the chosen unit (or the district) over the chosen period."""
    zone, now, language = container.settings.zone, container.clock.now(), visit.language
    chosen = period_choice(container=container, language=language, start=start, end=end)
    view = dashboard_view(
        session=session,
        actor=user,
        window=chosen.window,
        department=department or None,
        now=now,
        zone=zone,
        taxonomy=container.taxonomy,
        language=language,
    )
    taxonomy = container.taxonomy
    name = partial(unit_name, taxonomy, language=language)
    t = partial(texts.render, language)
    return render_page(
        request,
        "dashboard.html",
        view=view,
        figures=cells(view.figures.measures),
        unit_rows=[(name(u.department), cells(u.measures)) for u in view.units],
        trend_rows=[(b.label, b.start, b.end, cells(b.measures)) for b in view.trend],
        category_rows=[(r.label, cells(r.measures)) for r in view.categories],
        channel_rows=[(r.label, cells(r.measures)) for r in view.channels],
        charts={chart.name: chart for chart in charts(view, t)},
        units=chosen.units,
        unit_label=name(view.department) if view.department else t("dashboard.district"),
        export=export_link(view, console_path(request, "export_cases")),
        failing=failing_channels(session) if user.is_coordinator else [],
        overdue_kinds=overdue_by_kind(session=session, now=now, department=view.department),
        gap=duty_gap(session=session, now=now, zone=zone, urgent=container.keeper.policy.urgent)
        if user.is_coordinator
        else None,
    )


@router.get("/dashboard/charts.css", name="dashboard_charts_css")
def dashboard_charts_css() -> Response:
    """Return the charts' stylesheet (pygal's rules; a page may not carry inline style)."""
    return Response(chart_stylesheet(style_specs()), media_type="text/css")
