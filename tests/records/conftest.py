"""Fixtures of the record tests: the clocks' world (bound chats, a recording notifier)."""

from tests.deadlines.conftest import world  # noqa: F401 - the fixture, shared
