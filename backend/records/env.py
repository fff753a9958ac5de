"""What the record services need: the case services' ports and the clocks' policy and calendar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from backend.bootstrap import Container
from backend.cases.env import CaseEnv
from backend.deadlines.service import ClockEnv


@dataclass(frozen=True)
class RecordEnv:
    """Configuration and ports of the record services."""

    cases: CaseEnv
    clocks: ClockEnv

    @property
    def lead_office(self) -> str:
        """Return the lead office's unit code (区发展改革委, `fgw`)."""
        return self.cases.taxonomy.lead_office

    def today(self) -> date:
        """Return today's date in the district's zone."""
        return self.clocks.today()


def record_env(*, container: Container, session: Session) -> RecordEnv:
    """Return the record services' env, with the calendar as it is now."""
    return RecordEnv(cases=container.case_env, clocks=container.keeper.env(session))
