"""Register the channels beside the chats on a process's notifier: email and robots."""

from __future__ import annotations

from typing import Protocol

from backend.bootstrap import Container
from backend.notifications.channels import EMAIL, ROBOT
from backend.notifications.email import EmailNotifier
from backend.notifications.robots import RobotNotifier
from backend.ports import Notifier


class Registry(Protocol):
    """A notifier that routes by channel (bot.channels.ChannelNotifier)."""

    def register(self, channel: str, notifier: Notifier) -> None: ...


def register_staff_channels(registry: Registry, container: Container) -> None:
    """Send `email` rows by SMTP and `robot` rows to the units' robots from this process."""
    secret = container.secret_key.get_secret_value()
    engine, settings, clock = container.engine, container.settings, container.clock
    registry.register(
        EMAIL, EmailNotifier(engine=engine, settings=settings, clock=clock, secret=secret)
    )
    registry.register(ROBOT, RobotNotifier(engine=engine, settings=settings, clock=clock))
