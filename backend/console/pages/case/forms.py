"""The action forms of the case page: the fields each action needs, and reading them back.

Which actions are offered comes from `workflow.allowed_actions` alone; which fields an
action's form has comes from its rule (`needs_reason`, `needs_days`) and from what the
action itself takes (a reply, a unit, a category, the case to merge into).
"""

from __future__ import annotations

from dataclasses import dataclass

from backend.cases.models import CaseStatus
from backend.cases.workflow import RULES, Action, Command, reason_needed
from backend.errors import ValidationFailed

# What an action takes besides a reason and days: (field, required).
_OWN_FIELDS: dict[Action, tuple[tuple[str, bool], ...]] = {
    Action.resolve: (("reply", True),),
    Action.reassign: (("department", True), ("category", False)),
    Action.merge: (("into", True),),
    Action.set_rectification: (("days", False),),
    # 电话回访: the rating, and the reporter's words (posted as the reason).
    Action.rate_by_phone: (("rating", True), ("comment", False)),
    Action.set_request_type: (("request_type", True),),
    Action.supervise: (("days", False),),
    Action.assist: (("department", True),),
}
FIELDS = ("reason", "reply", "days", "department", "category", "into", "rating", "request_type")


@dataclass(frozen=True)
class FormField:
    """One field of an action's form."""

    name: str  # reason | reply | days | department | category | into | rating | comment | ...
    required: bool
    maximum: int = 365  # a number field's largest value (days)


@dataclass(frozen=True)
class ActionForm:
    """The form of one action the user may take now."""

    action: str
    fields: tuple[FormField, ...]

    def has(self, name: str) -> bool:
        """Return whether the form has a field."""
        return any(f.name == name for f in self.fields)


def action_form(
    action: Action, extension_max_days: int = 365, status: CaseStatus | None = None
) -> ActionForm:
    """Return the form of an action: its own fields, then days and the reason it needs.

    An extension's days go up to the policy's `extension_max_days` (the deadline service's
    bound), so the browser says so before the server has to. The reason is required as the
    workflow requires it from the case's `status` (`reason_needed`: 改派 of a case a unit
    signed for); a reassign from elsewhere may give one.
    """
    rule = RULES[action]
    fields = [FormField(name, required) for name, required in _OWN_FIELDS.get(action, ())]
    if rule.needs_days and not any(f.name == "days" for f in fields):
        most = extension_max_days if action is Action.request_extension else 365
        fields.append(FormField("days", True, most))
    if rule.needs_reason or (status is not None and reason_needed(action, status)):
        fields.append(FormField("reason", True))
    elif action is Action.reassign:
        fields.append(FormField("reason", False))
    return ActionForm(action.value, tuple(fields))


@dataclass(frozen=True)
class PostedAction:
    """An action form as it was posted (the values kept to show the form again)."""

    action: Action
    version: int
    seen: int  # how many history entries the page showed when the form was sent
    values: dict[str, str]

    def command(self, *, extension_max_days: int) -> Command:
        """Return the workflow command; ValidationFailed for days that are no whole number
        of days, said with the action's bounds (an extension's: the policy's most)."""
        days = self.values.get("days", "").strip()
        # Too many days for an extension is the deadline service's to refuse, in its words.
        if days and not (days.isdecimal() and 1 <= int(days) <= 365):
            most = extension_max_days if self.action is Action.request_extension else 365
            raise ValidationFailed("bad_days", field="days", max=most)
        return Command(
            action=self.action,
            version=self.version,
            reason=self.values.get("reason") or None,
            reply=self.values.get("reply") or None,
            department=self.values.get("department") or None,
            category=self.values.get("category") or None,
            days=int(days) if days else None,
            rating=self.values.get("rating") or None,
            request_type=self.values.get("request_type") or None,
        )

    @property
    def into(self) -> str | None:
        """Return the number of the case to merge into, as typed."""
        return self.values.get("into", "").strip() or None
