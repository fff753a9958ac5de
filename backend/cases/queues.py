"""The work queues of the staff console: which cases wait for whom (待办队列).

Coordinators (the lead office): triage, overdue, due soon, waiting for a decision (returns
and extension requests) and all open cases. Clerks: of the cases their unit leads (主办)
only, new (routed, not yet signed for, 待签收), in progress (signed or being handled), due
soon and overdue, whose deadlines are the lead unit's; and apart, the open cases their unit
assists on (协办), which it neither signs nor resolves.
A queue is a `CaseFilter` plus the order it is read in by default; what "overdue" and "due
soon" mean comes from backend.deadlines.views, and the clerk's unit from `list_cases`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from backend.actors import Actor
from backend.cases.models import CaseKind, CaseStatus
from backend.cases.ordering import CaseOrder
from backend.cases.queries import CaseFilter
from backend.cases.workflow import OPEN_STATES

S = CaseStatus


class Queue(StrEnum):
    """A queue of the console's landing page."""

    triage = "triage"  # 待分派: not yet placed with a unit (coordinators)
    new = "new"  # 待签收: routed to the unit, not yet signed for (clerks)
    in_progress = "in_progress"  # 办理中: signed for or being handled (clerks)
    due_soon = "due_soon"  # 即将到期
    overdue = "overdue"  # 已超期
    decisions = "decisions"  # 待决定: returned (退单) or an extension requested (coordinators)
    open = "open"  # 全部在办 (coordinators)
    assisting = "assisting"  # 协办案件: open cases the clerk's unit assists on (not its own)


COORDINATOR_QUEUES = (Queue.triage, Queue.overdue, Queue.due_soon, Queue.decisions, Queue.open)
CLERK_QUEUES = (Queue.new, Queue.in_progress, Queue.due_soon, Queue.overdue, Queue.assisting)

DEFAULT_ORDER = {
    Queue.triage: CaseOrder.waiting,
    Queue.new: CaseOrder.waiting,
    Queue.decisions: CaseOrder.waiting,
    Queue.in_progress: CaseOrder.due,
    Queue.due_soon: CaseOrder.due,
    Queue.overdue: CaseOrder.due,
    Queue.open: CaseOrder.received,
    Queue.assisting: CaseOrder.received,
}


@dataclass(frozen=True)
class QueueTimes:
    """The moments the queues are cut at: now, and the end of the "due soon" window."""

    now: datetime
    due_soon_until: datetime  # deadlines.views.due_soon_until


def queues_for(actor: Actor) -> tuple[Queue, ...]:
    """Return the queues an actor works from, in the order the page shows them."""
    if actor.is_coordinator:
        return COORDINATOR_QUEUES
    if actor.is_clerk:
        return CLERK_QUEUES
    return ()


def queue_filter(queue: Queue, times: QueueTimes) -> CaseFilter:
    """Return the filter of a queue (the clerk's unit is added by `list_cases`).

    Complaints only: a dishonesty record is a case too, but it is worked on the records
    screens (its case page offers no action), so in 待分派 it would wait for good."""
    return replace(_filter_of(queue, times), kind=CaseKind.complaint.value)


def _filter_of(queue: Queue, times: QueueTimes) -> CaseFilter:
    if queue in CLERK_QUEUES:  # a clerk's: of its own cases, or of those it assists on
        return replace(_cases_of(queue, times), assisting=queue is Queue.assisting)
    return _cases_of(queue, times)


def _cases_of(queue: Queue, times: QueueTimes) -> CaseFilter:
    if queue is Queue.triage:
        return CaseFilter(statuses=(S.received.value, S.triage.value), returned=False)
    if queue is Queue.new:
        return CaseFilter(statuses=(S.routed.value,))
    if queue is Queue.in_progress:
        return CaseFilter(statuses=(S.signed.value, S.in_progress.value))
    if queue is Queue.due_soon:
        return CaseFilter(due_soon=(times.now, times.due_soon_until))
    if queue is Queue.overdue:
        return CaseFilter(overdue_at=times.now)
    if queue is Queue.decisions:
        return CaseFilter(awaiting_decision=True)
    return CaseFilter(statuses=tuple(s.value for s in OPEN_STATES))
