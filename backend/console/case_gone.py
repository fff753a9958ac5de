"""A case form posted for a case the visitor may no longer see: what was typed comes back.

A clerk types a reply or a note while a coordinator reassigns the case to another unit (or
it is returned): the post then finds no case this clerk may see. Nothing is saved; the page
says so, whatever the reason (a number never theirs gets the same words, so nothing is told
about other units' cases), and gives every typed text back read-only to copy. The README's
promise: nothing typed is lost.
"""

from __future__ import annotations


class CaseGone(Exception):
    """A case form's post found no case the visitor may see; `typed` is the form's fields."""

    def __init__(self, number: str, typed: dict[str, str]) -> None:
        super().__init__(number)
        self.number = number
        self.typed = typed
