"""The header's inbox link: how many notices the signed-in staff member has not read."""

from __future__ import annotations

from fastapi import Request
from sqlalchemy.exc import SQLAlchemyError

from backend.console.visit import Visit
from backend.db import read_scope
from backend.notifications.inbox import unread_count


def inbox_unread(request: Request, visit: Visit) -> int:
    """Return the visitor's unread notices (0 before sign-in); asked by the header only."""
    if visit.actor is None or visit.actor.id is None:
        return 0
    container = request.app.state.container
    try:
        with read_scope(container.engine) as session:
            return unread_count(session=session, staff_id=visit.actor.id)
    except SQLAlchemyError:  # an error page while the database is away still renders
        return 0
