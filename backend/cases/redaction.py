"""Keep other units' case numbers out of what a clerk reads (free text included)."""

from __future__ import annotations

import re
from typing import Any

from sqlmodel import Session, col, select

from backend.actors import Actor
from backend.cases.models import Case
from backend.cases.numbers import canonical_number
from backend.cases.workflow import can_see
from backend.messages import render

# A case number as people write it: HQ-261127-0042, hq2611270042, HQ 261127 0042.
_MENTION = re.compile(r"(?<![0-9A-Za-z])[A-Za-z]{1,4}[- ]?\d{6}[- ]?\d{4,6}(?![0-9A-Za-z])")


class Redactor:
    """Replace each number of a case the actor may not see with a neutral "another case".

    Free text (a complaint, a reason, a reply) is written by people who see more than a
    clerk does: a coordinator's reason may quote another unit's case. Numbers of no case,
    and everything a coordinator reads, stay as written.
    """

    def __init__(self, *, session: Session, actor: Actor, language: str) -> None:
        self.session, self.actor, self.language = session, actor, language
        self._hidden: dict[str, bool] = {}

    def text(self, value: str | None) -> str | None:
        """Return the text with the numbers of hidden cases replaced."""
        if not value or self.actor.is_coordinator:
            return value
        mentions = {m.group(0): canonical_number(m.group(0)) for m in _MENTION.finditer(value)}
        self._learn({number for number in mentions.values() if number})
        if not any(self._hidden.get(number or "") for number in mentions.values()):
            return value
        neutral = render("another_case", self.language)
        return _MENTION.sub(
            lambda m: neutral if self._hidden.get(canonical_number(m.group(0)) or "") else m[0],
            value,
        )

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
