"""A field posted past its server-side limit re-shows its form: the text kept, the limit named.

The forms are found from the console app's routes (every POST route with a limited text
field), so a form added later is tested too; `form_pages.SAMPLES` says where each is shown.
"""

from __future__ import annotations

from html import unescape

import pytest
from fastapi.testclient import TestClient

from backend.bootstrap import Container
from backend.cases.workflow import Action
from backend.console import texts
from tests.case_fixtures import act, file_case
from tests.conftest import Staff
from tests.staff_console.case_visits import clerk, signed_in
from tests.staff_console.form_pages import (
    SAMPLES,
    TYPED,
    FormReader,
    World,
    limited_routes,
    route_names_at_collection,
)
from tests.staff_console.helpers import ConsoleVisitor

ROUTES = route_names_at_collection()
# Choices and hidden fields only: nothing the visitor types (the language, a confirmation).
NO_TYPED_TEXT = {"language", "admin_staff_deactivate"}


def test_every_form_with_a_limited_text_field_has_a_page_to_test_it_on() -> None:
    assert [name for name in ROUTES if name not in SAMPLES] == []


@pytest.mark.parametrize("route", ROUTES)
def test_an_over_long_field_shows_the_form_again_with_the_text_kept_and_the_limit_named(
    client: TestClient, container: Container, staff: Staff, route: str
) -> None:
    posted_to = limited_routes(client.app)[route]  # type: ignore[arg-type]
    limits = posted_to.limits
    visitor, page_path = SAMPLES[route](World(client, container, staff))
    page = visitor.get(page_path)
    assert page.status_code == 200, page.text
    forms = [f for f in FormReader().read(page.text) if posted_to.posts_to(f.action)]
    tried = 0
    for form in forms:
        for field in form.fields:
            if field.kind not in TYPED or field.name not in limits:
                continue
            limit = limits[field.name]
            typed = "长" * (limit + 1)
            if field.kind == "textarea":  # lines, the first one empty, come back as typed
                typed = "\n第一行\n" + "长" * (limit - 4)
            visitor.get(page_path)  # a fresh token, as the browser has
            answer = visitor.post(form.action, {**form.payload(), field.name: typed})

            assert answer.status_code == 400, (field.name, answer.text[:300])
            shown = unescape(answer.text)
            words = texts.render(
                "zh", "form.too_long", field=field.label, max=limit, length=limit + 1
            )
            assert words in shown, (field.name, shown[:2000])
            assert f'action="{form.action}"' in answer.text  # the form itself, again
            if field.kind != "password":  # a password is never sent back
                assert typed in shown
                again = [f for f in FormReader().read(answer.text) if f.action == form.action]
                assert typed in [f.value for a in again for f in a.fields if f.name == field.name]
            tried += 1
    assert tried > 0 or route in NO_TYPED_TEXT, f"no typed field of {route} on {page_path}"


def test_the_message_is_in_the_visitors_language_and_the_kept_text_stays_inert(
    client: TestClient,
) -> None:
    visitor = ConsoleVisitor(client)
    client.cookies.set("intake_lang", "en")
    visitor.get("/console/sign-in")
    typed = '"><script>alert(1)</script>' + "x" * 1000

    answer = visitor.post("/console/sign-in", {"login": typed, "password": "secret"})

    assert answer.status_code == 400
    assert "“Login” takes at most 1000 characters; you entered 1027." in unescape(answer.text)
    assert 'value="&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;xxx' in answer.text
    assert "<script>alert" not in answer.text
    assert 'aria-invalid="true" aria-describedby="error-login"' in answer.text
    assert "secret" not in answer.text  # a password is never sent back


def test_an_over_long_field_of_a_form_no_longer_offered_names_it_and_gives_the_text_back(
    client: TestClient, container: Container
) -> None:
    # Reviewer, 2026-12-01: a stale return form with a 2,400-character reason answered a bare
    # page naming "reason" and saying the text was kept, while it was lost.
    li = clerk(container)
    number = file_case(container)  # routed to czj
    visitor = signed_in(client, li)
    page = visitor.get(f"/console/cases/{number}").text
    assert 'name="action" value="return"' in page
    act(container, number, li, Action.sign)  # meanwhile, in another tab: return is gone
    typed = "退回理由" * 600

    answer = visitor.post(
        f"/console/cases/{number}/actions",
        {"action": "return", "version": "1", "seen": "1", "reason": typed},
    )

    assert answer.status_code == 400
    shown = unescape(answer.text)
    assert "“理由”最多 2000 个字，您填写了 2400 个字" in shown
    assert "“reason”" not in shown and "都保留着" not in shown
    assert typed in shown  # given back to copy, in a read-only box
    assert f'href="/console/cases/{number}"' in answer.text
