"""A district whose staff are reached by email, robots and the inbox, against real servers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from backend.actors import SYSTEM
from backend.api.app import create_app
from backend.bootstrap import Container, build, prepare_database
from backend.cases.intake import Draft, Receipt, submit
from backend.db import session_scope
from backend.notifications.models import ContactChannel, InboxItem, Notification
from backend.notifications.setup import (
    add_robot,
    confirm_email,
    send_verification,
    set_staff_email,
    try_robot,
)
from backend.notifications.wiring import register_staff_channels
from backend.people.models import StaffAccount
from backend.people.service import create_staff
from backend.routing.router import Router
from backend.scheduler import jobs
from backend.settings import load_settings
from bot.channels import ChannelNotifier
from tests.fakes import FakeClock, PublishedCalendar, RecordingNotifier
from tests.notifications.servers import RobotServer, SmtpServer

ARREARS = "区里的项目做完了，工程款一直拖欠不付，已经拖了半年"  # routed to czj
PUBLIC_URL = "https://intake.hongqiao.test"
LINK = re.compile(r"https?://\S+")


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def robots() -> Iterator[RobotServer]:
    server = RobotServer()
    server.start()
    yield server
    server.stop()


@dataclass
class District:
    """The container wired with email and robots; a clerk of czj and a coordinator."""

    container: Container
    clock: FakeClock
    smtp: SmtpServer
    robots: RobotServer
    chats: RecordingNotifier
    clerk: StaffAccount
    coordinator: StaffAccount

    def file(self, text: str = ARREARS, **draft: object) -> Receipt:
        with session_scope(self.container.engine) as session:
            return submit(
                session=session,
                draft=Draft(text=text, **draft),  # type: ignore[arg-type]
                actor=SYSTEM,
                env=self.container.case_env,
            )

    def tick(self) -> None:
        jobs.sweep_job(self.container)

    def confirmation_link(self, address: str) -> str:
        """Send what is due; return the path of the newest confirmation link sent to address."""
        self.tick()
        links = [
            link
            for mail in self.smtp.to(address)
            for link in re.findall(
                rf"{re.escape(PUBLIC_URL)}(/public/email/\S+)", mail.part("plain")
            )
        ]
        assert links, f"a confirmation message went to {address}"
        return links[-1]

    def confirm_reporter_email(self, address: str) -> None:
        """Open the confirmation link sent to address and press its button, as its owner."""
        link = self.confirmation_link(address)
        with TestClient(create_app(self.container)) as client:
            assert client.post(link).status_code == 200

    def give_email(self, staff: StaffAccount, address: str) -> None:
        """Set an address, and confirm it with the link of the test message it received."""
        with session_scope(self.container.engine) as session:
            account = session.get(StaffAccount, staff.id)
            assert account is not None
            channel, token = set_staff_email(
                session=session, staff=account, address=address, now=self.clock.now()
            )
        send_verification(settings=self.container.settings, address=address, token=token)
        link = LINK.findall(self.smtp.to(address)[-1].part("plain"))[-1]
        with session_scope(self.container.engine) as session:
            confirm_email(session=session, token=link.rsplit("/", 1)[1], now=self.clock.now())

    def give_robot(self, unit: str, kind: str, path: str, secret: str | None = None) -> int:
        with session_scope(self.container.engine) as session:
            robot = add_robot(
                session=session,
                department=unit,
                kind=kind,
                url=self.robots.url(path),
                secret=secret,
                now=self.clock.now(),
            )
        assert robot.id is not None
        error = try_robot(
            engine=self.container.engine,
            channel_id=robot.id,
            settings=self.container.settings,
            clock=self.clock,
        )
        assert error is None
        return robot.id

    def robot(self, robot_id: int) -> ContactChannel:
        with session_scope(self.container.engine) as session:
            found = session.get(ContactChannel, robot_id)
            assert found is not None
            return found

    def rows(self, channel: str) -> list[Notification]:
        with session_scope(self.container.engine) as session:
            statement = select(Notification).where(Notification.channel == channel)
            return list(session.exec(statement.order_by(Notification.id)).all())  # type: ignore[arg-type]

    def inbox(self, staff: StaffAccount) -> list[InboxItem]:
        with session_scope(self.container.engine) as session:
            return list(
                session.exec(select(InboxItem).where(InboxItem.staff_id == staff.id)).all()
            )


@pytest.fixture
def district(
    database_url: str,
    tmp_path: Path,
    clock: FakeClock,
    router: Router,
    smtp: SmtpServer,
    robots: RobotServer,
) -> Iterator[District]:
    settings = load_settings(
        env="test",
        database_url=database_url,
        data_dir=tmp_path / "var",
        smtp_host="127.0.0.1",
        smtp_port=smtp.port,
        smtp_security="none",
        smtp_from="intake@hongqiao.test",
        public_url=PUBLIC_URL,
        channel_failing_after=3,
    )
    container = build(
        settings, clock=clock, router=router.clone(), published_calendar=PublishedCalendar()
    )
    prepare_database(container)
    notifier = ChannelNotifier()
    chats = RecordingNotifier()
    notifier.register("telegram", chats)
    register_staff_channels(notifier, container)
    container.notifier = notifier
    with session_scope(container.engine) as session:
        clerk, _ = create_staff(
            session=session, name="财政局 李", role="clerk", department="czj", clock=clock
        )
        boss, _ = create_staff(
            session=session, name="协调员 王", role="coordinator", department="fgw", clock=clock
        )
    yield District(container, clock, smtp, robots, chats, clerk, boss)
    container.engine.dispose()
