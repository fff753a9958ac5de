"""The "due soon" window ends where the policy's earliest reminder before a due date reaches."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from backend.bootstrap import Container
from backend.db import session_scope
from backend.deadlines.views import due_soon_until
from tests.fakes import FakeClock


@pytest.mark.parametrize(
    ("now", "until"),
    [
        # Friday 27 November 10:00 in Tianjin: two working days on is Tuesday 1 December.
        (datetime(2026, 11, 27, 2, 0, tzinfo=UTC), datetime(2026, 12, 1, 16, 0, tzinfo=UTC)),
        # Saturday 28 November: Monday and Tuesday are the next two working days.
        (datetime(2026, 11, 28, 2, 0, tzinfo=UTC), datetime(2026, 12, 1, 16, 0, tzinfo=UTC)),
        # Wednesday 2 December: Friday the 4th.
        (datetime(2026, 12, 2, 2, 0, tzinfo=UTC), datetime(2026, 12, 4, 16, 0, tzinfo=UTC)),
    ],
)
def test_due_soon_reaches_as_far_as_the_first_reminder_before_a_due_date(
    container: Container, clock: FakeClock, now: datetime, until: datetime
) -> None:
    clock.current = now
    with session_scope(container.engine) as session:
        env = container.keeper.env(session)

        assert due_soon_until(env) == until
