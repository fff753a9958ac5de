"""`intake duty`: the on-duty roster (值班表) from the command line."""

from __future__ import annotations

from fastapi.testclient import TestClient

from backend.bootstrap import Container
from backend.settings import Settings
from tests.cli.test_cli import intake
from tests.staff_accounts import staff_with_password


def test_duty_add_puts_a_coordinator_on_a_range_and_list_shows_it(
    settings: Settings, client: TestClient, container: Container
) -> None:
    staff_with_password(container, login="zhao", name="协调员 赵", password=None)

    added = intake(settings, "duty", "add", "zhao", "2026-11-30", "--to", "2026-12-01")
    listed = intake(settings, "duty", "list", "--from", "2026-11-30", "--days", "3")

    assert added.returncode == 0, added.stderr
    assert "zhao on duty for 2 day(s): 2026-11-30 .. 2026-12-01" in added.stdout
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.splitlines() == [
        "2026-11-30  zhao (协调员 赵)",
        "2026-12-01  zhao (协调员 赵)",
        "2026-12-02  - nobody on duty",
    ]
    removed = intake(settings, "duty", "remove", "zhao", "2026-12-01")
    assert (removed.returncode, removed.stdout.strip()) == (0, "zhao off duty for 1 day(s)")


def test_duty_add_refuses_an_unknown_login_and_a_bad_date_in_one_line(
    settings: Settings, client: TestClient, container: Container
) -> None:
    staff_with_password(container, login="zhao", password=None)

    unknown = intake(settings, "duty", "add", "nobody", "2026-11-30")
    bad_date = intake(settings, "duty", "add", "zhao", "2026-13-01")
    reversed_ = intake(settings, "duty", "add", "zhao", "2026-12-02", "--to", "2026-12-01")

    assert unknown.returncode == 1
    assert unknown.stderr.strip() == (
        "intake: No active coordinator has the login nobody: only coordinators go on duty."
    )
    assert bad_date.returncode == 2 and "not a date: '2026-13-01'" in bad_date.stderr
    assert reversed_.returncode == 1 and "before the first day" in reversed_.stderr
