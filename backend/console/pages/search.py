"""Search and filters (/console/cases): the filters live in the URL, so a view is a bookmark.

The filters are read by backend/console/case_search.py into the API's `CaseFilter`; the
cases come from `list_cases`, as the API's list does. A case number that names a case the
visitor may see goes straight to its page.
"""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from backend.api.deps import ContainerDep, SessionDep
from backend.cases.queries import get_case, list_cases
from backend.console.case_lists import PAGE_SIZE, ListView, rows_of
from backend.console.case_rows import Names
from backend.console.case_search import Choices, Problem, Search, read_search
from backend.console.deps import ConsoleUser
from backend.console.pages.navigation import see_other
from backend.console.rendering import console_path, render_page
from backend.console.visit import resolve_visit
from backend.errors import Forbidden, NotFound, ValidationFailed

router = APIRouter()
CASE_PAGE = "/console/cases/{number}"  # the case page (pages of its own)


@router.get("/cases", response_class=HTMLResponse, name="cases")
def search_page(
    request: Request, user: ConsoleUser, session: SessionDep, container: ContainerDep
) -> Response:
    """Show the filters and the cases that match them, newest first unless sorted otherwise."""
    taxonomy = container.taxonomy
    choices = Choices.of(taxonomy)
    now = container.clock.now()
    search = read_search(
        request.query_params, actor=user, choices=choices, zone=container.settings.zone, now=now
    )
    problems = list(search.problems)
    if search.number and not problems:
        try:
            case = get_case(session=session, number=search.number, actor=user)
        except NotFound:
            problems.append(Problem("search.no_such_number", "number", {"number": search.number}))
        else:
            return see_other(CASE_PAGE.format(number=case.number))
    kept = {name: value for name, value in search.typed.items() if value and name != "sort"}
    view = ListView(path="/console/cases", params=kept).sorted(
        search.order, explicit=bool(search.typed["sort"])
    )
    if not problems:
        try:
            page = list_cases(
                session=session,
                actor=user,
                where=search.where,
                cursor=search.cursor,
                limit=PAGE_SIZE,
                order=search.order,
            )
        except ValidationFailed as refused:
            if refused.code == "evaluator_contact_search":
                problems.append(Problem("search.contact_refused", "q"))
            else:
                problems.append(Problem("search.bad_cursor", "cursor"))
        except Forbidden:  # read_search already refused the phone; the service is the guard
            problems.append(Problem("search.phone_refused", "phone"))
        else:
            rows = rows_of(request, session=session, cases=page.cases, now=now)
            view = view.with_page(rows, page.next_cursor, paged=bool(search.cursor))
    return render_page(
        request,
        "search.html",
        status_code=400 if problems else 200,
        typed=search.typed,
        choices=choices,
        names=Names.of(taxonomy, resolve_visit(request).language),
        view=view,
        problems=problems,
        export=_export_link(request, search) if not problems else None,
    )


def _export_link(request: Request, search: Search) -> str | None:
    """Return the spreadsheet of the listed cases (None when it could not be the same)."""
    query = search.export_query()
    if query is None or not search.asked:
        return None
    return f"{console_path(request, 'export_cases')}?{urlencode(query)}"
