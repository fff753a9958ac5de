"""The ledger (台账) and assessment (考核评价) pages, and their spreadsheets from the console.

Both read what the API reads (backend.exports, backend.assessment) with the signed-in user's
permissions: a clerk its own unit's, the lead office and the evaluator every unit's.
"""

from __future__ import annotations

from functools import partial
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from backend.api.deps import ContainerDep, SessionDep
from backend.assessment.api import assessment_for
from backend.assessment.measures import Assessed
from backend.console import texts
from backend.console.books_view import (
    assessment_charts,
    ratio_cell,
    record_lines,
    style_specs,
)
from backend.console.charts import chart_stylesheet
from backend.console.deps import ConsoleUser, VisitDep
from backend.console.period_form import Department, From, To, period_choice
from backend.console.rendering import console_path, render_page
from backend.exports.api import assessment_ledger, records_ledger
from backend.exports.labels import unit_name
from backend.exports.record_rows import LedgerQuery, ledger_rows
from backend.records.service import is_lead_office

router = APIRouter()


@router.get("/ledger", response_class=HTMLResponse, name="ledger")
def ledger_page(
    request: Request,
    user: ConsoleUser,
    visit: VisitDep,
    session: SessionDep,
    container: ContainerDep,
    start: From = None,
    end: To = None,
    department: Department = None,
) -> HTMLResponse:
    """Show the records of the period and unit, with both ledgers' downloads."""
    language, taxonomy = visit.language, container.taxonomy
    chosen = period_choice(container=container, language=language, start=start, end=end)
    window, today = chosen.window, chosen.today
    own = user.is_clerk and not is_lead_office(user, taxonomy.lead_office)
    unit = department or (user.department if own else None)  # another unit: ledger_rows 403
    query = LedgerQuery(window.start, window.end, unit)
    rows = ledger_rows(
        session=session,
        actor=user,
        query=query,
        known=taxonomy.unit_codes,
        lead_office=taxonomy.lead_office,
    )
    name = partial(unit_name, taxonomy, language=language)
    params = [("from", window.start.isoformat()), ("to", window.end.isoformat())]
    if unit:
        params.insert(0, ("department", unit))
    address = urlencode(params)
    t = partial(texts.render, language)
    return render_page(
        request,
        "ledger.html",
        window=window,
        department=unit,
        chooses_unit=not own,
        unit_label=name(unit) if unit else t("ledger.all_units"),
        units=chosen.units,
        lines=record_lines(rows, name, language, today, masked=user.is_evaluator),
        total=len(rows),
        records_link=f"{console_path(request, 'export_records')}?{address}",
        # 工单台账: the complaints (dishonesty records are the other ledger's)
        cases_link=f"{console_path(request, 'export_cases')}?{address}&kind=complaint",
    )


@router.get("/ledger/records.xlsx", name="export_records")
def export_records_page(
    user: ConsoleUser,
    visit: VisitDep,
    session: SessionDep,
    container: ContainerDep,
    start: From = None,
    end: To = None,
    department: Department = None,
) -> Response:
    """Download the records ledger (a clerk: the own unit's records)."""
    return records_ledger(
        session=session,
        actor=user,
        container=container,
        language=visit.language,
        query=LedgerQuery(start, end, department or None),
    )


@router.get("/assessment", response_class=HTMLResponse, name="assessment")
def assessment_page(
    request: Request,
    user: ConsoleUser,
    visit: VisitDep,
    session: SessionDep,
    container: ContainerDep,
    start: From = None,
    end: To = None,
    department: Department = None,
) -> HTMLResponse:
    """Show each unit's measures, score and rank over the period (or one unit's), with charts.

    `department`: one unit, checked as the API checks it (unknown: 400; another unit than a
    clerk's own: 403).
    """
    language, taxonomy = visit.language, container.taxonomy
    department = department or None  # the form's "every unit" sends it empty
    chosen = period_choice(container=container, language=language, start=start, end=end)
    found = assessment_for(
        session=session,
        actor=user,
        container=container,
        start=start,
        end=end,
        department=department,
    )
    name = partial(unit_name, taxonomy, language=language)
    t = partial(texts.render, language)
    params = [("from", found.window.start.isoformat()), ("to", found.window.end.isoformat())]
    if department:
        params.insert(0, ("department", department))
    own = user.is_clerk and not is_lead_office(user, taxonomy.lead_office)
    return render_page(
        request,
        "assessment.html",
        department=department,
        units=None if own else chosen.units,
        window=found.window,
        measures=list(Assessed),
        weights=found.weights,
        rows=[
            (
                u.rank,
                name(u.department),
                u.score,
                {m: ratio_cell(r) for m, r in u.measures.items()},
            )
            for u in found.units
        ],
        charts=assessment_charts(found, name, t),
        export=f"{console_path(request, 'export_assessment')}?{urlencode(params)}",
    )


@router.get("/assessment.xlsx", name="export_assessment")
def export_assessment_page(
    user: ConsoleUser,
    visit: VisitDep,
    session: SessionDep,
    container: ContainerDep,
    start: From = None,
    end: To = None,
    department: Department = None,
) -> Response:
    """Download the assessment for the third-party evaluator (one unit's: as the page)."""
    return assessment_ledger(
        session=session,
        actor=user,
        container=container,
        language=visit.language,
        period=(start, end),
        department=department or None,
    )


@router.get("/assessment/charts.css", name="assessment_charts_css")
def assessment_charts_css() -> Response:
    """Return the charts' stylesheet (pygal's rules; a page may not carry inline style)."""
    return Response(chart_stylesheet(style_specs()), media_type="text/css")
