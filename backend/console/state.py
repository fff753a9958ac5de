"""What the console is built with, once per process: templates, assets, session limits."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment

from backend.assets import StaticAssets
from backend.bootstrap import Container
from backend.people.sessions import SessionLimits
from backend.templating import template_environment

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
STATIC_PREFIX = "/console/static"


@dataclass(frozen=True)
class ConsoleState:
    """The console's parts, built with the app and kept on `app.state.console`."""

    container: Container
    templates: Environment
    assets: StaticAssets
    limits: SessionLimits

    @property
    def secret(self) -> str:
        """Return the key that signs CSRF tokens."""
        return self.container.secret_key.get_secret_value()

    @classmethod
    def build(cls, container: Container) -> ConsoleState:
        """Return the state for a container (templates and assets from the package)."""
        settings = container.settings
        return cls(
            container=container,
            templates=template_environment(TEMPLATES),
            assets=StaticAssets(STATIC, STATIC_PREFIX),
            limits=SessionLimits.of(
                idle_minutes=settings.console_idle_minutes,
                lifetime_hours=settings.console_session_hours,
            ),
        )
