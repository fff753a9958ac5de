"""Build python-telegram-bot objects from the settings: the Application, or a bot to send with."""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import (
    Application,
    ApplicationBuilder,
    BaseUpdateProcessor,
    ExtBot,
    TypeHandler,
)

from backend.settings import Settings
from bot.telegram.handlers import DialogHandlers
from bot.telegram.limiter import ChatRateLimiter
from bot.telegram.transport import POOL, AiohttpRequest

TelegramApp = Application[Any, Any, Any, Any, Any, Any]
Builder = ApplicationBuilder[Any, Any, Any, Any, Any, Any]
OFFICIAL_API = "https://api.telegram.org/bot"
OFFICIAL_FILES = "https://api.telegram.org/file/bot"


def build_application(
    settings: Settings, handlers: DialogHandlers, processor: BaseUpdateProcessor
) -> TelegramApp:
    """Return the Application: one handler for every update, an error handler, rate limits;
    an Updater only when polling (no webhook URL)."""
    builder: Builder = (
        ApplicationBuilder()
        .token(_token(settings))
        .base_url(settings.telegram_base_url or OFFICIAL_API)
        .base_file_url(settings.telegram_base_file_url or OFFICIAL_FILES)
        .rate_limiter(ChatRateLimiter())
        .concurrent_updates(processor)
        .job_queue(None)  # deadlines live in the database (ARCHITECTURE decision 4)
    )
    builder = with_transport(
        builder,
        read_timeout=settings.telegram_read_timeout_seconds,
        connect_timeout=settings.telegram_connect_timeout_seconds,
        proxy=settings.telegram_proxy,
    )
    if settings.telegram_webhook_url:
        builder = builder.updater(None)
    application = builder.build()
    application.add_handler(TypeHandler(Update, handlers.on_update))
    application.add_error_handler(handlers.on_error)
    return application


def with_transport(
    builder: Builder,
    *,
    read_timeout: float = 5.0,
    connect_timeout: float = 5.0,
    proxy: str | None = None,
) -> Builder:
    """Return the builder sending its Bot API calls, getUpdates too, through aiohttp.

    Timeouts in seconds; `proxy` an HTTP proxy's URL. Every bot of ours is built with it,
    the dialog bench's echo bot too (bot.telegram.transport says why).
    """

    def request(connections: int) -> AiohttpRequest:
        return AiohttpRequest(
            connections=connections,
            read_timeout=read_timeout,
            connect_timeout=connect_timeout,
            proxy=proxy,
        )

    return builder.request(request(POOL)).get_updates_request(request(1))  # one long poll


def build_bot(settings: Settings) -> ExtBot[Any]:
    """Return a bot that only sends (no Application), configured like the Application's."""
    return ExtBot(
        _token(settings),
        base_url=settings.telegram_base_url or OFFICIAL_API,
        base_file_url=settings.telegram_base_file_url or OFFICIAL_FILES,
        request=AiohttpRequest(
            proxy=settings.telegram_proxy,
            read_timeout=settings.telegram_read_timeout_seconds,
            connect_timeout=settings.telegram_connect_timeout_seconds,
        ),
        rate_limiter=ChatRateLimiter(),
    )


def has_token(settings: Settings) -> bool:
    """Return whether a bot token is set (Telegram runs only then)."""
    return bool(settings.telegram_token and settings.telegram_token.get_secret_value())


def _token(settings: Settings) -> str:
    if settings.telegram_token is None:
        raise ValueError("INTAKE_TELEGRAM_TOKEN is not set")
    return settings.telegram_token.get_secret_value()
