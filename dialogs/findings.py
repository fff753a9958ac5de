"""The findings a dishonesty record may rest on (认定依据), as dialogs and backend name them."""

from __future__ import annotations

from typing import Literal

Finding = Literal[
    "court_judgment", "administrative_penalty", "disciplinary_sanction", "accountability_decision"
]
FINDINGS: tuple[Finding, ...] = (
    "court_judgment",
    "administrative_penalty",
    "disciplinary_sanction",
    "accountability_decision",
)
