"""The Telegram channel: python-telegram-bot over the conversation service (a thin adapter)."""
