"""Find the console's forms: POST routes with limited text fields (from the app), their pages.

`limited_routes` reads the console app's routes, so a form added later is found without
editing the tests; `SAMPLES` says, per route name, who opens which page to see its form.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from annotated_types import MaxLen
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from starlette.routing import Mount

from backend.actors import SYSTEM
from backend.bootstrap import Container
from backend.cases.queries import get_case
from backend.db import session_scope
from backend.notifications.rating_links import rating_link
from backend.people.password_links import issue_password_link, password_link_path
from tests.api.helpers import act, file_case
from tests.conftest import Staff
from tests.records.helpers import filed
from tests.staff_accounts import staff_with_password
from tests.staff_console.admin_helpers import clerk, signed_in
from tests.staff_console.helpers import ConsoleVisitor


def console_app(app: FastAPI) -> FastAPI:
    """Return the console's sub-app of the main app."""
    (mount,) = [r for r in app.routes if isinstance(r, Mount) and r.path == "/console"]
    assert isinstance(mount.app, FastAPI)
    return mount.app


def _routes(routes: list[Any]) -> Iterator[tuple[str, set[str], APIRoute]]:
    for route in routes:
        if hasattr(route, "effective_route_contexts"):  # an included router, kept whole
            for context in route.effective_route_contexts():
                if isinstance(context.original_route, APIRoute):
                    yield context.path, context.methods, context.original_route
        elif isinstance(route, APIRoute):
            yield route.path, route.methods, route


def _body_params(dependant: Any) -> list[Any]:
    found = list(dependant.body_params)
    for sub in dependant.dependencies:
        found += _body_params(sub)
    return found


@dataclass(frozen=True)
class LimitedRoute:
    """A console POST route's address (a template) and its text fields' limits."""

    path: str  # under /console, e.g. /cases/{number}/actions
    limits: dict[str, int]

    def posts_to(self, action: str) -> bool:
        """Return whether a form's action is this route's address."""
        pattern = re.sub(r"\{[^}]+\}", "[^/]+", self.path)
        return re.fullmatch(f"/console{pattern}", urlsplit(action).path) is not None


def limited_routes(app: FastAPI) -> dict[str, LimitedRoute]:
    """Return, by route name, each POST route with text fields and their limits (characters)."""
    found: dict[str, LimitedRoute] = {}
    for path, methods, route in _routes(list(console_app(app).routes)):
        if "POST" not in methods:
            continue
        limits = {
            param.alias: meta.max_length
            for param in _body_params(route.dependant)
            for meta in param.field_info.metadata
            if isinstance(meta, MaxLen) and param.field_info.annotation is str
        }
        if limits:
            found[route.name] = LimitedRoute(path, limits)
    return found


def route_names_at_collection() -> list[str]:
    """Return the limited routes' names, read from an app built for the purpose."""
    from backend.api.app import create_app
    from backend.bootstrap import build
    from backend.settings import load_settings

    place = Path(tempfile.mkdtemp(prefix="console-forms-"))
    settings = load_settings(
        env="test", database_url=f"sqlite:///{place}/routes.db", data_dir=place / "var"
    )
    return sorted(limited_routes(create_app(build(settings, warm_router=False))))


@dataclass
class FormField:
    """A field of a form on a page: its element, type, name, value and label."""

    tag: str
    kind: str
    name: str
    value: str
    label: str = ""


@dataclass
class Form:
    """A form on a page: where it posts and its fields."""

    action: str
    fields: list[FormField] = field(default_factory=list)

    def payload(self) -> dict[str, str]:
        """Return what a visitor would post: the values shown, an empty text field filled in
        (a browser refuses to send a required one empty), a choice made in each select and
        radio group."""
        values: dict[str, str] = {}
        for f in self.fields:
            if f.kind in ("submit", "button", "checkbox"):
                continue  # a radio group: its first choice, as a required one must be made
            typed = f.kind in TYPED and f.kind != "password"
            values.setdefault(f.name, f.value or ("1" if typed else ""))
        return values


class FormReader(HTMLParser):
    """Collect the forms of a page with their fields and labels."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._open: FormField | None = None  # a textarea, or a select awaiting its option
        self._labels: dict[str, str] = {}
        self._label_for: str | None = None
        self._label_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self._form = Form(a.get("action", ""))
            self.forms.append(self._form)
        elif tag == "label":
            self._label_for, self._label_text = a.get("for"), []
        elif self._form is not None and tag in ("input", "textarea", "select") and "name" in a:
            kind = a.get("type", "text") if tag == "input" else tag
            new = FormField(tag, kind, a["name"], a.get("value", ""), a.get("id", ""))
            self._form.fields.append(new)
            self._open = new if tag in ("textarea", "select") else None
        elif tag == "option" and self._open is not None and self._open.tag == "select":
            if "selected" in a:  # chosen; else the first real choice, as a visitor would
                self._open.value, self._open.kind = a.get("value", ""), "chosen"
            elif not self._open.value and self._open.kind == "select":
                self._open.value = a.get("value", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "label" and self._label_for:
            self._labels[self._label_for] = " ".join("".join(self._label_text).split())
            self._label_for = None
        elif tag in ("textarea", "select"):
            if self._open is not None and self._open.tag == "textarea":
                # HTML drops one newline right after <textarea>, as a browser reads it.
                self._open.value = self._open.value.removeprefix("\n")
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._label_for is not None:
            self._label_text.append(data)
        if self._open is not None and self._open.tag == "textarea":
            self._open.value += data

    def read(self, html: str) -> list[Form]:
        """Return the page's forms, each field's label (by its id) filled in."""
        self.feed(html)
        for form in self.forms:
            for f in form.fields:
                f.label = self._labels.get(f.label, f.name) if f.label else f.name
        return self.forms


TYPED = frozenset({"text", "textarea", "email", "url", "search", "tel", "password", "number"})


@dataclass
class World:
    """What the forms need: the app, the staff's API tokens, the container."""

    client: TestClient
    container: Container
    staff: Staff

    def coordinator(self) -> ConsoleVisitor:
        staff_with_password(self.container, login="wang")
        return signed_in(self.client, "wang")

    def signed_in_clerk(self, login: str, department: str) -> ConsoleVisitor:
        clerk(self.container, login=login, department=department)
        return signed_in(self.client, login)

    def stranger(self) -> ConsoleVisitor:
        return ConsoleVisitor(TestClient(self.client.app))

    def case(self) -> str:
        return str(file_case(self.client, self.staff.coordinator)["number"])

    def record(self) -> str:
        return str(filed(self.client, self.staff.czj_clerk)["number"])

    def password_path(self) -> str:
        account = staff_with_password(
            self.container, login="li", role="clerk", department="czj", password=None
        )
        with session_scope(self.container.engine) as session:
            token = issue_password_link(
                session=session,
                staff=account,
                clock=self.container.clock,
                valid_for=timedelta(hours=48),
            )
        return password_link_path(token)

    def rating_path(self) -> str:
        case = file_case(self.client, self.staff.coordinator, reporter={"phone": "13812345678"})
        case = act(self.client, self.staff.czj_clerk, case, "sign").json()
        act(self.client, self.staff.czj_clerk, case, "resolve", reply="已处理完毕")
        with session_scope(self.container.engine) as session:
            row = get_case(session=session, number=case["number"], actor=SYSTEM)
            case_id, reporter_id = row.id, row.reporter_id
        assert case_id is not None and reporter_id is not None
        secret = self.container.secret_key.get_secret_value()
        expires = int(self.container.clock.now().timestamp()) + 3600
        return f"/console/rate/{rating_link(secret, case_id, reporter_id, expires)}"


Sample = Callable[[World], tuple[ConsoleVisitor, str]]  # (who, the page showing the form)
SAMPLES: dict[str, Sample] = {
    "sign_in_form": lambda w: (w.stranger(), "/console/sign-in"),
    "password_form": lambda w: (w.stranger(), w.password_path()),
    "language": lambda w: (w.coordinator(), "/console/"),
    "case_action": lambda w: (w.coordinator(), f"/console/cases/{w.case()}"),
    "case_note": lambda w: (w.coordinator(), f"/console/cases/{w.case()}"),
    "new_staff_form": lambda w: (w.coordinator(), "/console/admin/staff/new"),
    "admin_staff_deactivate": lambda w: (
        w.coordinator(),
        f"/console/admin/staff/{clerk(w.container).id}",
    ),
    "admin_calendar_add": lambda w: (w.coordinator(), "/console/admin/calendar"),
    "admin_channels_email": lambda w: (w.coordinator(), "/console/admin/channels"),
    "admin_channels_robot_add": lambda w: (w.coordinator(), "/console/admin/channels"),
    "rate_link_post": lambda w: (w.stranger(), w.rating_path()),
    "record_action": lambda w: (
        w.signed_in_clerk("wangf", "fgw"),
        f"/console/records/{w.record()}",
    ),
    "record_file": lambda w: (w.signed_in_clerk("li", "czj"), "/console/records/new"),
    "admin_duty_add": lambda w: (w.coordinator(), "/console/admin/duty"),
    "admin_duty_remove": lambda w: (w.coordinator(), "/console/admin/duty"),
}
