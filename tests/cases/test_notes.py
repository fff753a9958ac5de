"""Internal notes: staff only, the own unit's cases only, in the history, heard by nobody."""

from __future__ import annotations

import pytest
from sqlmodel import select

from backend.actors import REPORTER, SYSTEM, Actor
from backend.bootstrap import Container
from backend.cases.events import history
from backend.cases.models import Case
from backend.cases.notes import MAX_NOTE_LENGTH, add_note
from backend.db import session_scope
from backend.errors import Forbidden, NotFound, ValidationFailed
from backend.notifications.models import Notification
from backend.people.models import Role
from tests.case_fixtures import ARREARS, file_case

CZJ_CLERK = Actor("staff", 7, "财政局 李", Role.clerk, "czj")
SFJ_CLERK = Actor("staff", 8, "司法局 赵", Role.clerk, "sfj")


def test_a_note_joins_the_history_and_changes_nothing_else(container: Container) -> None:
    number = file_case(container, ARREARS, reporter_chat="chat-1")
    with session_scope(container.engine) as session:
        case = session.exec(select(Case).where(Case.number == number)).one()
        version, status = case.version, case.status
        told = len(session.exec(select(Notification)).all())  # the unit, of the new case

        add_note(
            session=session, case=case, text=" 已联系 ", actor=CZJ_CLERK, env=container.case_env
        )

        last = history(session=session, case=case)[-1]
        assert (last.action, last.reason, last.actor_name) == ("note", "已联系", "财政局 李")
        assert (case.version, case.status) == (version, status)
        assert len(session.exec(select(Notification)).all()) == told


@pytest.mark.parametrize(
    ("actor", "error"),
    [(SFJ_CLERK, NotFound), (REPORTER, Forbidden), (SYSTEM, Forbidden)],
)
def test_only_staff_who_see_the_case_write_notes(
    container: Container, actor: Actor, error: type[Exception]
) -> None:
    number = file_case(container, ARREARS)
    with session_scope(container.engine) as session:
        case = session.exec(select(Case).where(Case.number == number)).one()
        with pytest.raises(error):
            add_note(session=session, case=case, text="看看", actor=actor, env=container.case_env)


@pytest.mark.parametrize(
    ("text", "code"), [("  \n ", "note_required"), ("长" * (MAX_NOTE_LENGTH + 1), "note_too_long")]
)
def test_an_empty_or_overlong_note_is_refused(container: Container, text: str, code: str) -> None:
    number = file_case(container, ARREARS)
    with session_scope(container.engine) as session:
        case = session.exec(select(Case).where(Case.number == number)).one()
        with pytest.raises(ValidationFailed) as refused:
            add_note(
                session=session, case=case, text=text, actor=CZJ_CLERK, env=container.case_env
            )
        assert refused.value.code == code
