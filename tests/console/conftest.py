"""The console runs as `intake chat` in a subprocess over the test database."""

from __future__ import annotations
