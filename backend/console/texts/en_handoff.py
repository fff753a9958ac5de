"""The console's words for the hand-off rules, urgent cases and ratings by phone (English)."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "case.action.declare_complex": "Say the matter is complex (2 working days to return it)",
    "case.action.rate_by_phone": "Record the rating taken by phone",
    "case.done.declare_complex": "Noted: the matter is complex.",
    "case.done.rate_by_phone": "Rating recorded.",
    "case.field.rating": "The reporter's rating",
    "case.field.comment": "The reporter's words",
    "case.rating.satisfied": "Satisfied",
    "case.rating.basically_satisfied": "Basically satisfied",
    "case.rating.dissatisfied": "Dissatisfied",
    "case.clock.dispatch": "Dispatch",
    "case.clock.urgent_sign": "Sign for (urgent)",
    "case.urgent": "Urgent: immediate danger",
}
