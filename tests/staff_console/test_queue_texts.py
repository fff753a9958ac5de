"""Every text the queues and the search page build from a value exists in both languages."""

from __future__ import annotations

from backend.cases.models import CASE_CHANNELS as CHANNELS
from backend.cases.models import CaseKind, CaseStatus
from backend.cases.ordering import CaseOrder
from backend.cases.queues import Queue
from backend.console import texts
from backend.console.case_search import FIELDS


def test_every_status_kind_channel_queue_order_and_field_has_a_text() -> None:
    built = [
        *(f"status.{s.value}" for s in CaseStatus),
        *(f"kind.{k.value}" for k in CaseKind),
        *(f"channel.{c}" for c in CHANNELS),
        *(f"queue.{q.value}" for q in Queue),
        *(f"sort.{o.value}" for o in CaseOrder),
        *(f"field.{name}" for name in (*FIELDS, "queue")),
    ]

    assert sorted(key for key in built if not texts.has(key)) == []
