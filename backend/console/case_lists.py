"""What a list of cases on a console page needs: its rows, its sort and page links.

Used by the queues (pages/home.py) and the search page (pages/search.py); the template
side is partials/case_list.html (sort links, the table, the next-page link) and
partials/case_row.html (one case).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from fastapi import Request
from sqlmodel import Session

from backend.cases.models import Case
from backend.cases.ordering import CaseOrder
from backend.console.case_rows import CaseRow, Names, case_rows
from backend.console.links import view_link
from backend.console.visit import console_state, resolve_visit

PAGE_SIZE = 50
ORDERS = (CaseOrder.due, CaseOrder.received, CaseOrder.waiting)


@dataclass(frozen=True)
class ListView:
    """One page of a list: its address and parameters, its order, rows and next cursor."""

    path: str
    params: dict[str, str]  # the view's parameters, kept by its links (never the cursor)
    order: CaseOrder = CaseOrder.received
    rows: list[CaseRow] = field(default_factory=list)
    next_cursor: str | None = None
    paged: bool = False  # this is not the first page
    listed: bool = False  # the list was read (no problem stood in the way)

    @property
    def orders(self) -> tuple[CaseOrder, ...]:
        """Return the orders offered as sort links."""
        return ORDERS

    def sorted(self, order: CaseOrder, *, explicit: bool) -> ListView:
        """Return the view in an order (kept in its links when it was asked for)."""
        params = {**self.params, "sort": order.value} if explicit else self.params
        return replace(self, order=order, params=params)

    def with_page(self, rows: list[CaseRow], next_cursor: str | None, *, paged: bool) -> ListView:
        """Return the view with the page that was read."""
        return replace(self, rows=rows, next_cursor=next_cursor, paged=paged, listed=True)

    def link(self, **changes: str | None) -> str:
        """Return this view's address with some parameters changed (first page unless a
        cursor is given)."""
        return view_link(self.path, self.params, **changes)

    def sort_link(self, order: CaseOrder) -> str:
        """Return the address of this view in another order, from its first page."""
        return self.link(sort=order.value)

    def next_link(self) -> str | None:
        """Return the address of the next page, or None on the last one."""
        return self.link(cursor=self.next_cursor) if self.next_cursor else None


def rows_of(
    request: Request, *, session: Session, cases: Sequence[Case], now: datetime
) -> list[CaseRow]:
    """Return the rows of cases in the visitor's language and the district's time zone."""
    container = console_state(request).container
    names = Names.of(container.taxonomy, resolve_visit(request).language)
    zone = container.settings.zone
    return case_rows(session=session, cases=cases, names=names, now=now, zone=zone)
