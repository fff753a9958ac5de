"""Keep other units' case numbers out of what a clerk reads (free text included)."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, select

from backend.actors import Actor
from backend.cases.models import Case
from backend.cases.workflow import can_see
from backend.contacts import mask_contacts
from backend.messages import render
from dialogs.parsing import case_numbers_in


class Redactor:
    """Replace each number of a case the actor may not see with a neutral "another case".

    For an evaluator (第三方评估), who may see every case, mask contact details instead.

    Free text (a complaint, a reason, a reply) is written by people who see more than a
    clerk does: a coordinator's reason may quote another unit's case. Numbers of no case,
    and everything a coordinator reads, stay as written.
    """

    def __init__(self, *, session: Session, actor: Actor, language: str) -> None:
        self.session, self.actor, self.language = session, actor, language
        self._hidden: dict[str, bool] = {}

    def text(self, value: str | None) -> str | None:
        """Return the text with the numbers of hidden cases replaced.

        A number is found however it is written (hq2611270042, ＨＱ－２６１１２７－００４２):
        `dialogs.parsing.case_numbers_in` reads it as the chat and the API do.
        """
        if not value or self.actor.is_coordinator:
            return value
        if self.actor.is_evaluator:  # sees every case, never a contact detail in its words
            return mask_contacts(value)
        mentions = case_numbers_in(value)
        self._learn({number for _, _, number in mentions})
        hidden = [(start, end) for start, end, number in mentions if self._hidden.get(number)]
        if not hidden:
            return value
        neutral = render("another_case", self.language)
        parts, done = [], 0
        for start, end in hidden:
            parts += [value[done:start], neutral]
            done = end
        return "".join([*parts, value[done:]])

    def details(self, value: dict[str, Any] | None) -> dict[str, Any] | None:
        """Return event details with the text of each value redacted."""
        if not value or self.actor.is_coordinator:
            return value
        return {key: self._any(item) for key, item in value.items()}

    def _any(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, dict):
            return self.details(value)
        if isinstance(value, list):
            return [self._any(item) for item in value]
        return value

    def _learn(self, numbers: set[str]) -> None:
        unknown = numbers - self._hidden.keys()
        if not unknown:
            return
        cases = self.session.exec(select(Case).where(col(Case.number).in_(sorted(unknown)))).all()
        found = {case.number: not can_see(self.actor, case) for case in cases}
        self._hidden |= {number: found.get(number, False) for number in unknown}
