"""The staff console at /console: server-rendered pages for coordinators and clerks.

Layout
    app.py          the console's sub-app, mounted at /console by backend.api.app.create_app
    pages/          one module per page (or small group), each with its own `router`
    templates/      Jinja2, autoescaped: base.html, one template per page, partials/
    static/         console.css, console.js (served at /console/static/, versioned URLs)
    texts/          the zh/en catalogue (same mechanism as dialogs/texts), `t("key")`
    deps.py         ConsoleUser, VisitDep, check_csrf (the Annotated aliases pages use)
    rendering.py    render_page(request, "x.html", **context)
    errors.py       refusal pages (403/404/409/400/503) for domain errors
    headers.py      CSP and the other strict headers on every response
    cookies.py, csrf.py, visit.py, state.py   the machinery behind the above

Adding a page (e.g. the queues at /console/queues):

1. Services first. If the page needs data or an action the services do not offer, add it
   to the service in its domain package (backend/cases/queries.py, ...), with its test; the
   page holds no rule of its own.
2. `pages/queues.py` with `router = APIRouter()` and a sync route function::

       @router.get("/queues", response_class=HTMLResponse, name="queues")
       def queues_page(request: Request, user: ConsoleUser, session: SessionDep) -> HTMLResponse:
           rows = list_cases(session=session, actor=user, ...)   # the API's own service
           return render_page(request, "queues.html", rows=rows)

   `ConsoleUser` is the same `Actor` the API's `CurrentActor` is (a visitor without a live
   session is sent to the sign-in page and back); `SessionDep` is the API's unit of work,
   committed before the answer. Domain errors need no handling: `NotFound` becomes the 404
   page, `Forbidden` the 403 page. Catch `ValidationFailed` where the form should be shown
   again with `error=exc.message(visit.language)`.
3. A form posts to a route that calls one service and answers `see_other(path)` (303,
   pages/navigation.py). Every form includes `{% include "partials/csrf.html" %}`; the
   console app checks it before every POST. Give each action's submit button
   `data-action="..."`.
4. Add the module to `console_router()` in pages/__init__.py.
5. `templates/queues.html` extends base.html, fills `{% block title %}` and `{% block
   content %}` with one `<h1>`, then `<h2>`s in order; form fields come from the `field`
   macro in partials/forms.html (a label for every input). Repeated pieces (a case row, an
   action form) go to partials/. No `<script>` body, no `style=`, no `onclick=`: the CSP
   refuses them (tests/staff_console/test_headers.py checks the templates).
6. Every word goes into texts/zh.py and texts/en.py under the same key.
7. Styles go into static/console.css (or a new file linked from the template); behaviour
   into static/console.js, hooked to data- attributes. The page must work without it.
8. Tests: over HTTP with `tests/staff_console/helpers.py` (`ConsoleVisitor` signs in and
   posts forms with their CSRF token; `tests/staff_accounts.py` makes accounts with a
   password), and in the real browser with the `live_app` and `page` / `phone_page` /
   `open_page` fixtures of tests/browser (`screenshot(page, "queues")` for the record,
   `reading_problems(page)` for labels and headings).
"""
