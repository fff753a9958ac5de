"""Words of immediate danger to life, health or property (the router's urgent flag).

The words come from the policy (`urgent.danger`), grouped by the emergency number the
reporter is told to call (110 police, 119 fire and rescue, 120 ambulance; "other": danger
with no emergency service of its own). The text is folded the way the router folds it, so
traditional characters, full-width letters and case do not hide a word.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from backend.routing.normalize import normalize

# When words of several groups appear, the reporter is told the most pressing number.
PRECEDENCE = ("120", "119", "110", "other")


class DangerWords:
    """Flag a text that speaks of immediate danger, and the number the reporter should call."""

    def __init__(self, words: Mapping[str, Sequence[str]]) -> None:
        self._words = {
            group: tuple(w for w in (normalize(word) for word in found) if w)
            for group, found in words.items()
        }

    def flag(self, text: str) -> str | None:
        """Return the emergency number the text calls for ("other": none), or None."""
        folded = normalize(text)
        padded = f" {folded} "
        for group in PRECEDENCE:
            for word in self._words.get(group, ()):
                # An English word must stand alone ("fire" is not "firewall"); Chinese has
                # no spaces to look for.
                found = f" {word}" in padded if word.isascii() else word in folded
                if found:
                    return group
        return None
