"""The steps of a record after filing: rectification, objection, credit repair, leniency."""

from __future__ import annotations

from sqlmodel import Session

from backend.actors import Actor
from backend.records.commands import RecordAction, RecordCommand
from backend.records.env import RecordEnv
from backend.records.service import RecordView


def allowed_actions(
    *, session: Session, view: RecordView, actor: Actor, env: RecordEnv
) -> list[RecordAction]:
    """Return the actions the actor may take on the record now."""
    raise NotImplementedError


def act(
    *, session: Session, view: RecordView, command: RecordCommand, actor: Actor, env: RecordEnv
) -> RecordView:
    """Apply one action to a record: check role, state and version, change it, log the event."""
    raise NotImplementedError
