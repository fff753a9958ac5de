"""The webhook route: check Telegram's secret header, then process the update in the request.

Processing before answering (rather than queueing and answering at once, as PTB's
customwebhookbot does) means a process that dies mid-update never said 200, so Telegram
delivers the update again; the conversation service ignores what it already handled.
"""

from __future__ import annotations

import hmac
import logging

from fastapi import Request, Response, status
from telegram import Update
from telegram.ext import BaseUpdateProcessor

from backend.api.bodies import load_json
from bot.telegram.application import TelegramApp

log = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


class WebhookReceiver:
    """A FastAPI endpoint that hands authentic updates to the running application."""

    def __init__(
        self, application: TelegramApp, processor: BaseUpdateProcessor, secret: str
    ) -> None:
        self.application = application
        self.processor = processor
        self.secret = secret.encode()

    async def __call__(self, request: Request) -> Response:
        """Answer 403 without the right secret, 503 before the bot runs, else process."""
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, self.secret):
            return Response(status_code=status.HTTP_403_FORBIDDEN)
        if not self.application.running:
            return Response(status_code=status.HTTP_503_SERVICE_UNAVAILABLE)
        # The body is counted as it streams in (the app's max_body_size: 413 past it), then
        # parsed within the nesting limit.
        try:
            update = Update.de_json(load_json(await request.body()), self.application.bot)
        except (
            ValueError,
            TypeError,
            KeyError,
            AttributeError,
        ):  # bad or too deep JSON, no update
            log.warning("telegram webhook: a body that is no update")
            return Response(status_code=status.HTTP_400_BAD_REQUEST)
        # Handler errors go to the application's error handler (logs the update id, counts it
        # in intake_updates_failed_total, apologises); 200 even then: Telegram re-sends any
        # other answer over and over, so an update that always fails would loop (failures.py).
        await self.processor.process_update(update, self.application.process_update(update))
        return Response(status_code=status.HTTP_200_OK)
