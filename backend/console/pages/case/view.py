"""Gather what the case page shows, from the services the API uses (no rule of its own)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlmodel import Session

from backend.actors import Actor
from backend.attachments.evidence import attachments_of, is_inline_image
from backend.attachments.names import file_name_of
from backend.bootstrap import Container
from backend.cases.duplicates import find_duplicates
from backend.cases.models import Case, CaseKind, CaseStatus
from backend.cases.presenters import present
from backend.cases.redaction import Redactor
from backend.cases.reply_templates import ReplyTemplate, load_reply_templates
from backend.cases.schemas import CaseEventPublic, CasePublic
from backend.cases.workflow import HELD, Action, can_see, rule_refusals
from backend.console.pages.case.forms import ActionForm, action_form
from backend.console.pages.case.sketch import Sketch, sketch
from backend.errors import ConfigError
from backend.taxonomy.models import Taxonomy

log = logging.getLogger(__name__)
SIMILAR_LIMIT = 5
# Where the values of a dishonesty record's event details are named (texts/zh_records.py):
# its case page tells a record's history as the record page does, in words.
RECORD_VALUES = {
    "state": "records.state",
    "rectification_state": "records.rectification_state",
    "objection_state": "records.objection_state",
    "repair_state": "records.repair_state",
    "publicity_state": "records.publicity_state",
    "leniency": "records.leniency_value",
    "objector_kind": "records.field.objector_kind",
    "applicant_kind": "records.field.objector_kind",
    "outcome": "records.field.outcome",
    "severity": "records.severity",
    "severity_before": "records.severity",
}


@dataclass(frozen=True)
class Unit:
    """A unit (department or street office) or category as a select shows it."""

    code: str
    name: str


@dataclass(frozen=True)
class Evidence:
    """One evidence file as the page lists it."""

    id: int
    filename: str
    content_type: str
    size: int
    inline: bool  # a raster image shown on the page


@dataclass(frozen=True)
class Similar:
    """An open case that looks like this one."""

    number: str
    status: str
    text: str
    score: int  # percent


@dataclass
class CasePageData:
    """Everything case.html needs besides the visitor."""

    view: CasePublic
    names: dict[str, str]  # category, unit, street, nearest: display names
    evidence: list[Evidence]
    similar: list[Similar]
    forms: list[ActionForm]
    units: list[Unit]
    categories: list[Unit]
    templates: list[ReplyTemplate]
    zone: ZoneInfo
    sketch: Sketch | None = None  # the shared location among the street centres
    changed: list[CaseEventPublic] = field(default_factory=list)  # since the form was shown
    blocked: list[str] = field(default_factory=list)  # why a rule keeps a step from the user

    def detail(self, key: str, value: object) -> str:
        """Return an event detail's value as shown: a unit's or category's name, else as is."""
        codes = {u.code: u.name for u in (*self.units, *self.categories)}
        if key in ("department", "from_department", "category", "street") and isinstance(
            value, str
        ):
            return codes.get(value, value)
        return str(value)

    def unit_choices(self, action: str) -> list[Unit]:
        """Return the units an action's form offers: none that its rule would refuse.

        改派 (reassign) leaves out the unit holding the case (workflow.HELD), 协办 (assist)
        the lead unit and the units assisting already.
        """
        view = self.view
        if action == Action.assist.value:
            taken = {view.department, *view.assisting_units}
        else:
            taken = {view.department} if view.status in HELD else set()
        return [unit for unit in self.units if unit.code not in taken]

    def value_labels(self, key: str) -> str | None:
        """Return the text prefix naming a record detail's values (`RECORD_VALUES`), if any."""
        return RECORD_VALUES.get(key) if self.view.kind == CaseKind.dishonesty_record else None

    def local(self, moment: datetime) -> str:
        """Return a moment in the district's time, to the minute."""
        return moment.astimezone(self.zone).strftime("%Y-%m-%d %H:%M")

    @property
    def seen(self) -> int:
        """Return how many history entries the page shows (forms carry it back)."""
        return len(self.view.events)


def case_page_data(
    *, session: Session, container: Container, case: Case, actor: Actor, language: str
) -> CasePageData:
    """Return the case page's data for an actor who may see the case."""
    env = container.case_env
    now = container.clock.now()
    view = present(session=session, case=case, actor=actor, env=env, now=now, language=language)
    taxonomy = container.taxonomy
    most = container.policy.extension_max_days
    status = CaseStatus(case.status)
    forms = [action_form(Action(a), most, status) for a in view.allowed_actions]
    resolvable = any(f.action == Action.resolve.value for f in forms)
    return CasePageData(
        view=view,
        names=_names(taxonomy, case, container, language),
        evidence=[
            Evidence(
                a.id or 0, file_name_of(a), a.content_type, a.size, is_inline_image(a.content_type)
            )
            for a in attachments_of(session=session, case=case)
            if not actor.is_evaluator  # evidence may show the reporter
        ],
        similar=_similar(session, case, actor, now, language),
        forms=forms,
        units=_units(taxonomy, language),
        categories=[Unit(c.id, _name(c.zh, c.en, language)) for c in taxonomy.categories],
        templates=_templates(container, case) if resolvable else [],
        zone=container.settings.zone,
        sketch=(
            sketch(taxonomy, case.latitude, case.longitude, language)
            if case.latitude is not None and case.longitude is not None
            else None
        ),
        blocked=[
            refused.message(language)
            for refused in rule_refusals(
                session=session, case=case, actor=actor, env=env, offered=view.allowed_actions
            )
        ],
    )


def _name(zh: str, en: str, language: str) -> str:
    return en if language == "en" and en else zh


def _units(taxonomy: Taxonomy, language: str) -> list[Unit]:
    units = [Unit(d.code, _name(d.zh, d.en, language)) for d in taxonomy.departments]
    return units + [Unit(s.code, _name(s.zh, s.en, language)) for s in taxonomy.streets]


def _names(taxonomy: Taxonomy, case: Case, container: Container, language: str) -> dict[str, str]:
    """Return the display names of the case's category, unit, street and nearest street."""
    units = {u.code: u.name for u in _units(taxonomy, language)}
    category = taxonomy.category(case.category_id or "")
    names = {
        "category": _name(category.zh, category.en, language) if category else "",
        "unit": units.get(case.department_code or "", case.department_code or ""),
        "street": units.get(case.street_code or "", case.street_code or ""),
        "nearest": "",
    }
    if case.latitude is not None and case.longitude is not None:
        nearest = container.router.street_at(case.latitude, case.longitude)
        names["nearest"] = units.get(nearest or "", "")
    return names


def _similar(
    session: Session, case: Case, actor: Actor, now: datetime, language: str
) -> list[Similar]:
    """Return open cases of the same unit and category that read alike (duplicates.py).

    Their texts are redacted for the reader like the case's own (other units' numbers).
    """
    if not case.department_code or not case.category_id or case.kind != CaseKind.complaint:
        return []
    found = find_duplicates(
        session=session,
        department=case.department_code,
        category=case.category_id,
        text=case.text,
        words=case.words,
        now=now,
        limit=SIMILAR_LIMIT + 1,
    )
    alike = [(c, s) for c, s in found if c.id != case.id and can_see(actor, c)]
    redactor = Redactor(session=session, actor=actor, language=language)
    return [
        Similar(c.number, c.status, redactor.text(c.text) or "", round(score * 100))
        for c, score in alike[:SIMILAR_LIMIT]
    ]


def _templates(container: Container, case: Case) -> list[ReplyTemplate]:
    """Return the reply templates of the case's category; none when the file is broken."""
    try:
        loaded = load_reply_templates(container.settings.reply_templates_file, container.taxonomy)
    except ConfigError as exc:
        log.error("reply templates not shown: %s", exc)
        return []
    return loaded.for_category(case.category_id)
