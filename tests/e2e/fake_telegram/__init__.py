"""A fake Telegram Bot API server for end-to-end tests with the real python-telegram-bot."""

from .controller import FakeTelegram
from .params import UploadedFile
from .store import PATIENCE
from .webhook import SECRET_HEADER, Delivery

__all__ = ["PATIENCE", "SECRET_HEADER", "Delivery", "FakeTelegram", "UploadedFile"]
