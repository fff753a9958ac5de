"""Days outside the statistics are Tianjin days too: case numbers, the daily complaint limit."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from backend.attachments.store import ContentStore
from backend.bootstrap import Container
from backend.conversations.dialog_services import BackendDialogServices
from backend.db import session_scope
from dialogs.model import ChatRef
from tests.api.helpers import file_case
from tests.conftest import Staff
from tests.deadlines.conftest import tianjin
from tests.fakes import FakeClock
from tests.stats.helpers import ARREARS_TEXT, filed_from


def test_a_case_filed_at_0710_tianjin_on_1_december_is_numbered_for_1_december(
    client: TestClient, staff: Staff, clock: FakeClock
) -> None:
    clock.current = tianjin(2026, 12, 1, 7, 10)  # 30 November in UTC
    assert file_case(client, staff.coordinator)["number"] == "HQ-261201-0001"


def test_the_daily_complaint_limit_counts_the_tianjin_day(
    container: Container, clock: FakeClock, tmp_path: Path
) -> None:
    chat = ChatRef("telegram", "telegram-chat")
    clock.current = tianjin(2026, 11, 30, 23, 30)
    filed_from(container, ARREARS_TEXT, "telegram")
    clock.current = tianjin(2026, 12, 1, 7, 10)
    filed_from(container, ARREARS_TEXT, "telegram")
    clock.current = tianjin(2026, 12, 1, 23, 50)
    with session_scope(container.engine) as session:
        services = BackendDialogServices(
            session=session, container=container, fetchers={}, store=ContentStore(tmp_path)
        )
        assert services.complaints_today(chat) == 1
        clock.current = tianjin(2026, 12, 2, 0, 5)
        assert services.complaints_today(chat) == 0
