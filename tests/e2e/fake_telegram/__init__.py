"""A fake Telegram Bot API server for end-to-end tests with the real python-telegram-bot."""

from .controller import FakeTelegram
from .params import UploadedFile
from .webhook import SECRET_HEADER, Delivery

__all__ = ["SECRET_HEADER", "Delivery", "FakeTelegram", "UploadedFile"]
