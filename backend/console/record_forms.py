"""The record page's action forms: which fields each step of the records service asks for,
and the command a posted form makes (the service checks everything else).

The actions offered are those the service allows this user now
(`RecordPublic.allowed_actions`); this module holds no rule of its own about who may do what.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from backend.cases.models import STAFF_CONSOLE
from backend.records.commands import (
    MAX_DAYS,
    MAX_DOCUMENT_NUMBER,
    MAX_MONTHS,
    MAX_OBJECTOR_NAME,
    MAX_REASON,
    MAX_STATEMENT,
    RecordAction,
    RecordCommand,
)
from backend.records.models import Leniency, ObjectionOutcome, ObjectorKind, Severity

A = RecordAction


@dataclass(frozen=True)
class FormField:
    """One input of an action form: its name, kind and choices (texts "records.field.<name>")."""

    name: str
    kind: str = "text"  # text | textarea | number | choice
    required: bool = False
    choices: tuple[str, ...] = ()
    max_length: int = 10_000  # the browser's bound: the service's (commands.py), or the form's
    maximum: int = MAX_DAYS  # a number's largest (the service's bound, commands.py)


REASON = FormField("reason", "textarea", required=True, max_length=MAX_REASON)
REASON_OPTIONAL = FormField("reason", "textarea", max_length=MAX_REASON)
DAYS = FormField("days", "number", maximum=MAX_DAYS)
WHO = (
    FormField("objector_kind", "choice", required=True, choices=tuple(k for k in ObjectorKind)),
    FormField("objector_name", required=True, max_length=MAX_OBJECTOR_NAME),
)
SEVERITY = FormField("severity", "choice", choices=tuple(s for s in Severity))
UPHELD = FormField("upheld", "choice", required=True, choices=("yes", "no"))
# A corrected summary's bound is the deployment's text limit (INTAKE_MAX_TEXT_LENGTH), the one
# the service checks it against (records.service.check_summary): set by fields_of.
SUMMARY = FormField("summary", "textarea")
FIELDS: dict[RecordAction, tuple[FormField, ...]] = {
    A.report: (FormField("document_number", max_length=MAX_DOCUMENT_NUMBER), SEVERITY),
    A.order_rectification: (DAYS,),
    A.submit_rectification: (
        FormField("explanation", "textarea", required=True, max_length=MAX_STATEMENT),
        FormField("report", "textarea", required=True, max_length=MAX_STATEMENT),
    ),
    A.accept_rectification: (),
    A.return_rectification: (REASON, DAYS),
    A.object: (*WHO, REASON),
    # Upheld and corrected: the corrected summary and severity (each left as it is when empty).
    A.decide_objection: (
        UPHELD,
        FormField("outcome", "choice", choices=tuple(o for o in ObjectionOutcome)),
        SUMMARY,
        SEVERITY,
        REASON,
    ),
    A.apply_repair: (*WHO, REASON),
    A.accept_repair: (REASON_OPTIONAL,),
    A.refuse_repair: (REASON,),
    A.decide_repair: (UPHELD, REASON_OPTIONAL),
    A.leniency: (
        FormField(
            "leniency", "choice", required=True, choices=(Leniency.reduced, Leniency.waived)
        ),
        REASON,
    ),
    # The severity for a record that has none (migrated, 0022); one that has a severity keeps it.
    A.publish: (SEVERITY, FormField("months", "number", maximum=MAX_MONTHS)),
}


def fields_of(
    action: RecordAction, severity: str | None, *, text_limit: int
) -> tuple[FormField, ...]:
    """Return the fields of an action's form for a record of this severity.

    Publishing asks for the severity only of a record that has none (migrated, 0022): the
    service keeps the one a record has, so offering a choice there would only invite a refusal.
    A corrected summary takes `text_limit` characters, the service's summary limit (the
    settings' `max_text_length`).
    """
    fields = FIELDS[action]
    if action is A.publish and severity is not None:
        return tuple(f for f in fields if f is not SEVERITY)
    return tuple(replace(f, max_length=text_limit) if f is SUMMARY else f for f in fields)


class FormProblem(Exception):
    """A posted value the form itself cannot read (the console text under `key` says why,
    with `params` in it)."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


FIELD_NAMES = tuple(sorted({f.name for fields in FIELDS.values() for f in fields}))


def _number(values: dict[str, str], name: str, maximum: int) -> int | None:
    raw = values.get(name, "").strip()
    if not raw:
        return None
    # isdecimal: isdigit() also takes ², which int() refuses
    if not raw.isdecimal() or not 0 < int(raw) <= maximum:
        raise FormProblem(f"records.bad.{name}")
    return int(raw)


def _upheld(values: dict[str, str]) -> bool | None:
    return {"yes": True, "no": False}.get(values.get("upheld", ""))


def command_of(action: RecordAction, version: int, values: dict[str, str]) -> RecordCommand:
    """Return the service's command for a posted form (empty fields: not given)."""

    def text(name: str) -> str | None:
        return values.get(name, "").strip() or None

    return RecordCommand(
        action=action,
        version=version,
        reason=text("reason"),
        days=_number(values, "days", MAX_DAYS),
        document_number=text("document_number"),
        severity=text("severity"),
        explanation=text("explanation"),
        report=text("report"),
        upheld=_upheld(values),
        outcome=text("outcome"),
        summary=text("summary"),
        objector_kind=text("objector_kind"),
        objector_name=text("objector_name"),
        leniency=text("leniency"),
        months=_number(values, "months", MAX_MONTHS),
        channel=STAFF_CONSOLE,  # the web console's form, not the terminal chat ("console")
    )
