"""The reporters' side of the follow-up (回访) in the dialog port: rate, or note a late answer."""

from __future__ import annotations

from abc import ABC, abstractmethod

from sqlmodel import Session

from backend.bootstrap import Container
from backend.cases.models import Case
from backend.cases.numbers import canonical_number
from backend.cases.rating import note_late_rating, rate_case, waits_for_rating
from backend.errors import DomainError
from dialogs import ports as dp
from dialogs.model import ChatRef


class RatingDialogServices(ABC):
    """Methods of DialogServices that take a reporter's rating, or keep a late one as a note."""

    session: Session
    container: Container

    @abstractmethod
    def _reporters_case(self, number: str, chat: ChatRef, pin: str | None) -> Case | None:
        """Return the case to the chat it was filed from (BackendDialogServices)."""

    @abstractmethod
    def _own_case(self, number: str | None, chat: ChatRef) -> Case | None:
        """Return the case if this chat filed it (BackendDialogServices)."""

    def rating_open(self, number: str, chat: ChatRef) -> bool:
        """Return whether this chat's case still waits for its rating (resolved, unrated)."""
        case = self._own_case(canonical_number(number), chat)
        return case is not None and waits_for_rating(case)

    def rate_case(
        self, number: str, rating: dp.Rating, comment: str | None, chat: ChatRef
    ) -> bool:
        """Record the reporter's rating of a resolved case; False: it was kept as a note.

        The case's row is locked first, so it cannot close between the check and the rating:
        a case that no longer waits gets the rating and comment as a note instead.
        """
        case = self._reporters_case(number, chat, None)
        if case is None:
            raise dp.SubmissionRefused("not_ratable")
        self.session.refresh(case, with_for_update=True)
        if not waits_for_rating(case):
            self._note(case, rating, comment)
            return False
        try:
            rate_case(
                session=self.session,
                case=case,
                rating=rating,
                comment=comment,
                env=self.container.case_env,
            )
        except DomainError:
            raise dp.SubmissionRefused("not_ratable") from None
        return True

    def note_rating(
        self, number: str, rating: dp.Rating | None, comment: str | None, chat: ChatRef
    ) -> None:
        """Keep a late rating or comment on the chat's own case as a note."""
        case = self._reporters_case(number, chat, None)
        if case is None:
            raise dp.SubmissionRefused("not_ratable")
        self._note(case, rating, comment)

    def _note(self, case: Case, rating: str | None, comment: str | None) -> None:
        note_late_rating(
            session=self.session,
            case=case,
            rating=rating,
            comment=comment,
            env=self.container.case_env,
        )
