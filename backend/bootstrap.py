"""The composition root: settings, database, taxonomy, router, clock and ports, wired once."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from pydantic import SecretStr
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from backend.capacity import Capacity
from backend.cases.env import CaseEnv
from backend.cases.numbers import pin_key as derive_pin_key
from backend.cases.updates import ReporterUpdates
from backend.clock import Clock, SystemClock
from backend.db import dialect_of, make_engine, session_scope
from backend.deadlines.keeper import DeadlineKeeper
from backend.deadlines.policy import Policy, load_policy
from backend.deadlines.supervision import SupervisionKeeper
from backend.errors import ConfigError
from backend.handoff.notices import HandOffNotices
from backend.handoff.rules import HandOffRules
from backend.migrate import alembic_config
from backend.ports import CaseListener, Notifier, NullNotifier
from backend.request_types.catalogue import (
    RequestTypes,
    default_request_types,
    load_request_types,
)
from backend.routing.corrections import CorrectionRecorder, recent_examples
from backend.routing.danger import DangerWords
from backend.routing.router import Router
from backend.secret_key import signing_secret
from backend.settings import Settings, get_settings
from backend.taxonomy.loader import load_taxonomy
from backend.taxonomy.models import Taxonomy
from backend.taxonomy.tables import sync_taxonomy
from backend.workdays.changes import sync_calendar
from backend.workdays.seed import ChineseCalendarPackage, PublishedCalendar
from backend.workdays.store import CalendarCache


@dataclass
class Container:
    """Everything a process needs, built once at start-up."""

    settings: Settings
    engine: Engine
    taxonomy: Taxonomy
    router: Router
    clock: Clock
    notifier: Notifier
    policy: Policy
    keeper: DeadlineKeeper
    capacity: Capacity
    listeners: list[CaseListener] = field(default_factory=list)
    published_calendar: PublishedCalendar = field(default_factory=ChineseCalendarPackage)
    request_types: RequestTypes = field(default_factory=default_request_types)

    @cached_property
    def secret_key(self) -> SecretStr:
        """Return the signing secret: INTAKE_SECRET_KEY, else the one kept in the data folder."""
        return signing_secret(self.settings)

    @cached_property
    def danger_words(self) -> DangerWords:
        """Return the words of immediate danger of the policy, folded once."""
        return DangerWords({str(k): v for k, v in self.policy.urgent.danger.items()})

    @property
    def case_env(self) -> CaseEnv:
        """Return what the case services need."""
        s = self.settings
        return CaseEnv(
            taxonomy=self.taxonomy,
            router=self.router,
            clock=self.clock,
            timezone=s.timezone,
            min_text_length=s.min_text_length,
            max_text_length=s.max_text_length,
            max_returns=s.max_returns,
            listeners=tuple(self.listeners),
            guards=(self.keeper,),
            pin_key=self.pin_key,
            rules=(HandOffRules(self.keeper),),
            danger=self.danger_words,
            request_types=self.request_types,
            sends_email=s.sends_email,
        )

    @cached_property
    def pin_key(self) -> bytes:
        """Return the key of PIN hashes: derived from the signing secret, never stored."""
        return derive_pin_key(self.secret_key.get_secret_value())


def build(
    settings: Settings | None = None,
    *,
    clock: Clock | None = None,
    notifier: Notifier | None = None,
    engine: Engine | None = None,
    router: Router | None = None,
    published_calendar: PublishedCalendar | None = None,
    warm_router: bool = True,
) -> Container:
    """Wire the process: read the configuration (refusing a broken one) and open the database.

    `warm_router=False` leaves loading the router's word dictionary (a second or two) to
    `container.router.warm_up()` or the first complaint routed (`intake chat` starts faster).
    """
    settings = settings or get_settings()
    taxonomy = load_taxonomy(settings.taxonomy_file)
    policy = load_policy(settings.policy_file)
    router = router or Router(taxonomy, warm=warm_router)
    clock = clock or SystemClock()
    keeper = DeadlineKeeper(
        policy=policy, calendar=CalendarCache(), zone=settings.zone, clock=clock
    )
    capacity = Capacity.of(settings, dialect=dialect_of(settings.database_url))
    return Container(
        settings=settings,
        engine=engine or make_engine(settings.database_url, **capacity.pool_options()),
        capacity=capacity,
        taxonomy=taxonomy,
        router=router,
        clock=clock,
        notifier=notifier or NullNotifier(),
        policy=policy,
        keeper=keeper,
        listeners=[
            keeper,
            ReporterUpdates(taxonomy),
            CorrectionRecorder(lead_office=taxonomy.lead_office, router=router),
            HandOffNotices(keeper=keeper, taxonomy=taxonomy),
            SupervisionKeeper(keeper),
        ],
        published_calendar=published_calendar or ChineseCalendarPackage(),
        request_types=load_request_types(settings.request_types_file),
    )


def prepare_database(container: Container) -> None:
    """Refuse a database behind the migrations; sync the taxonomy and the calendar into it."""
    head = ScriptDirectory.from_config(
        alembic_config(container.settings.database_url)
    ).get_current_head()
    try:
        with container.engine.connect() as connection:
            current = MigrationContext.configure(connection).get_current_revision()
    except SQLAlchemyError as exc:
        cause = getattr(exc, "orig", None) or exc
        raise ConfigError(f"cannot open the database: {cause}") from None
    if current != head:
        raise ConfigError(
            f"the database is at revision {current or 'none'}, not {head}: run `intake db upgrade`"
        )
    with session_scope(container.engine) as session:
        sync_taxonomy(session=session, taxonomy=container.taxonomy)
    with session_scope(container.engine) as session:
        # A newer chinesecalendar or estimate moves the open clocks it reaches (and says so).
        sync_calendar(
            session=session, keeper=container.keeper, source=container.published_calendar
        )
    with session_scope(container.engine) as session:
        limit = container.taxonomy.routing.learned_examples
        container.router.learn(recent_examples(session=session, limit=limit))
