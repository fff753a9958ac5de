"""What the multi-instance test puts in the database before the instances start: staff,
clerks' web chats for reminders, today a working day, and clocks that come due mid-run.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlmodel import col, select, update

from backend.actors import SYSTEM, Actor
from backend.bootstrap import build, prepare_database
from backend.cases.intake import Draft, submit
from backend.db import make_engine, session_scope
from backend.deadlines.models import Deadline
from backend.people.models import StaffChat
from backend.people.service import create_staff
from backend.settings import load_settings
from backend.workdays.changes import change_day
from bot.webchat.tokens import TokenSigner
from tests.deploy.cluster import SECRET

ARREARS = "区里的项目做完了，工程款一直拖欠不付，已经拖了半年"  # owned by czj
ENFORCEMENT = "执法队没收了我的三轮车，没有任何手续，也没出示执法证"  # owned by sfj
NAMED = {"name": "张先生", "phone": "13800000000"}


@dataclass
class Seeded:
    """Tokens and chats the test uses, and the clocks it made due within the window."""

    coordinator: dict[str, str]
    clerk_tokens: dict[str, str]  # unit -> web-chat token of the clerk's bound chat
    clerk_chats: dict[str, str]  # unit -> chat id
    due_in_window: list[int]  # deadline ids


def seed(*, database_url: str, zone: str, folder: Path, clocks: int) -> Seeded:
    """Prepare the database; file `clocks` cases whose sign clocks wait for `make_due`."""
    settings = load_settings(
        env="test", database_url=database_url, timezone=zone, data_dir=folder / "seed"
    )
    container = build(settings)
    prepare_database(container)
    signer = TokenSigner(SECRET, clock=container.clock, days=settings.webchat_token_days)
    with session_scope(container.engine) as session:
        env = container.keeper.env(session)
        if not env.calendar.is_working_day(env.today()):  # reminders wait for a working day
            change_day(
                session=session,
                keeper=container.keeper,
                day=env.today(),
                working=True,
                reason="multi-instance test",
                actor=SYSTEM,
            )
        account, token = create_staff(
            session=session,
            name="协调员 王",
            role="coordinator",
            department="fgw",
            clock=container.clock,
        )
        coordinator = Actor.staff(account)
        tokens, chats = {}, {}
        for unit in ("czj", "sfj"):
            clerk, _ = create_staff(
                session=session,
                name=f"{unit} 经办人",
                role="clerk",
                department=unit,
                clock=container.clock,
            )
            chat_id, tokens[unit] = signer.new_chat()
            chats[unit] = chat_id
            session.add(
                StaffChat(
                    staff_id=clerk.id,
                    channel="web",
                    chat_id=chat_id,
                    language="zh",
                    bound_at=container.clock.now(),
                )
            )
    case_ids = []
    for n in range(clocks):
        text = f"{ARREARS if n % 2 else ENFORCEMENT}（提醒第{n}号）"
        draft = Draft(
            text=text,
            anonymous=False,
            reporter_name=NAMED["name"],
            reporter_phone=NAMED["phone"],
        )
        with session_scope(container.engine) as session:
            receipt = submit(
                session=session, draft=draft, actor=coordinator, env=container.case_env
            )
            case_ids.append(receipt.case.id)
    with session_scope(container.engine) as session:
        statement = select(col(Deadline.id)).where(
            col(Deadline.case_id).in_(case_ids), Deadline.kind == "sign"
        )
        due = sorted(d for d in session.exec(statement).all() if d is not None)
        parked = container.clock.now() + timedelta(days=1)  # no scheduler takes them yet
        session.exec(
            update(Deadline).where(col(Deadline.id).in_(due)).values(next_action_at=parked)
        )
    container.engine.dispose()
    return Seeded(
        coordinator={"Authorization": f"Bearer {token}"},
        clerk_tokens=tokens,
        clerk_chats=chats,
        due_in_window=due,
    )


def make_due(*, database_url: str, deadlines: list[int], spread: float) -> None:
    """Make the clocks come due one after another over the next `spread` seconds.

    A clock set today has passed its reminders that fell before it (its next stage is
    tomorrow's); from its first stage again, its sweep sends the latest reminder reached.
    """
    engine = make_engine(database_url)
    start = datetime.now(UTC)
    with session_scope(engine) as session:
        for n, deadline in enumerate(deadlines):
            at = start + timedelta(seconds=spread * (n + 1) / len(deadlines))
            session.exec(
                update(Deadline)
                .where(col(Deadline.id) == deadline)
                .values(next_action_at=at, next_stage=0)
            )
    engine.dispose()
