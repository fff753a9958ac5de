"""The hand-off tests use the clocks' world: bound clerk and coordinator chats, a fake clock."""

from __future__ import annotations

from tests.deadlines.conftest import world

__all__ = ["world"]
