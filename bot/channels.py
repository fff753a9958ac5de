"""Wiring of the chat channels: one notifier that routes by channel, the conversation service."""

from __future__ import annotations

import logging

from backend.bootstrap import Container
from backend.conversations.service import ConversationService
from backend.notifications.wiring import register_staff_channels
from backend.ports import DeliveryFailed, Notifier, OutboundMessage, PartsSent

log = logging.getLogger(__name__)


class ChannelNotifier:
    """Send each message through the notifier of its channel (telegram, web, console)."""

    def __init__(self) -> None:
        self.channels: dict[str, Notifier] = {}

    @property
    def idempotent_channels(self) -> frozenset[str]:
        """Return the channels whose notifier stores a message once per key (safe to resend)."""
        return frozenset(
            name
            for name, notifier in self.channels.items()
            if getattr(notifier, "idempotent", False)
        )

    def register(self, channel: str, notifier: Notifier) -> None:
        """Route messages of a channel to a notifier."""
        self.channels[channel] = notifier

    def send(self, message: OutboundMessage, progress: PartsSent | None = None) -> None:
        """Deliver through the message's channel; an unknown channel is a permanent failure."""
        notifier = self.channels.get(message.channel)
        if notifier is None:
            raise DeliveryFailed(f"no channel {message.channel!r} in this process", permanent=True)
        notifier.send(message, progress)


def wire_conversations(container: Container) -> tuple[ConversationService, ChannelNotifier]:
    """Give the container a channel notifier and the conversation service (for 回访)."""
    notifier = ChannelNotifier()
    container.notifier = notifier
    conversations = ConversationService(container)
    container.keeper.rating_asker = conversations
    register_staff_channels(notifier, container)  # email and the units' robots (issue 15)
    return conversations, notifier
