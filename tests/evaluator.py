"""The third-party evaluator (第三方评估) as tests use it: an account of the read-only role."""

from __future__ import annotations

from backend.bootstrap import Container
from backend.db import session_scope
from backend.people.service import create_staff


def evaluator_token(container: Container, name: str = "评估机构 陈") -> dict[str, str]:
    """Create an evaluator (of the lead office) and return its Bearer header."""
    with session_scope(container.engine) as session:
        _, token = create_staff(
            session=session,
            name=name,
            role="evaluator",
            department=None,
            clock=container.clock,
            lead_office=container.taxonomy.lead_office,
        )
    return {"Authorization": f"Bearer {token}"}
