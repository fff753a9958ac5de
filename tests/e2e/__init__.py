"""End-to-end tests that drive the real python-telegram-bot against a fake Bot API server."""
