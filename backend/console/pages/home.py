"""The landing page after sign-in: the signed-in staff member's work queues (待办队列).

Which queues a role has and what each holds come from backend.cases.queues; the page counts
and lists them with the API's own `count_cases` and `list_cases` (keyset pages).
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from backend.api.deps import ContainerDep, SessionDep
from backend.cases.queries import count_cases, list_cases
from backend.cases.queues import DEFAULT_ORDER, Queue, QueueTimes, queue_filter, queues_for
from backend.cases.workflow import Action
from backend.console.case_lists import PAGE_SIZE, ListView, rows_of
from backend.console.case_search import Problem, read_order
from backend.console.deps import ConsoleUser
from backend.console.rendering import render_page
from backend.deadlines.views import due_soon_until
from backend.errors import ValidationFailed
from dialogs.parsing import parse_case_number

router = APIRouter()


@router.get("/", response_class=HTMLResponse, name="home")
def home_page(
    request: Request, user: ConsoleUser, session: SessionDep, container: ContainerDep
) -> HTMLResponse:
    """Show the staff member's queues with their counts, and one queue's cases."""
    params = request.query_params
    queues = queues_for(user)
    problems: list[Problem] = []
    queue = queues[0] if queues else None
    asked = params.get("queue", "")
    if asked and asked in {q.value for q in queues}:
        queue = Queue(asked)
    elif asked:
        problems.append(Problem("queues.unknown", "queue"))
    now = container.clock.now()
    times = QueueTimes(now=now, due_soon_until=due_soon_until(container.keeper.env(session)))
    counts = {
        q: count_cases(session=session, actor=user, where=queue_filter(q, times)) for q in queues
    }
    view = ListView(path="/console/", params={"queue": queue.value} if queue else {})
    if queue is not None:
        order = read_order(params.get("sort", ""), DEFAULT_ORDER[queue], problems)
        view = view.sorted(order, explicit=bool(params.get("sort")))
    if queue is not None and not problems:
        try:
            page = list_cases(
                session=session,
                actor=user,
                where=queue_filter(queue, times),
                cursor=params.get("cursor") or None,
                limit=PAGE_SIZE,
                order=view.order,
            )
        except ValidationFailed:
            problems.append(Problem("search.bad_cursor", "cursor"))
        else:
            rows = rows_of(request, session=session, cases=page.cases, now=now)
            view = view.with_page(rows, page.next_cursor, paged=bool(params.get("cursor")))
    return render_page(
        request,
        "home.html",
        done=_done(params.get("done", ""), params.get("case", "")),
        status_code=400 if problems else 200,
        queues=queues,
        queue=queue,
        counts=counts,
        view=view,
        problems=problems,
    )


def _done(action: str, number: str) -> tuple[str, str] | None:
    """Return the action just taken on a case the user no longer sees (退单), and its number.

    The case page sends the user here after such an action, as it cannot show the case.
    """
    if action not in {a.value for a in Action}:
        return None
    return action, parse_case_number(number[:40]) or ""
