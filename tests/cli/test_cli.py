"""The `intake` command line, run as a user would run it, against the test database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from backend.settings import Settings
from tests.conftest import Staff

INTAKE = [sys.executable, "-m", "backend.cli.main"]


def intake(settings: Settings | None, *args: str, stdin: str = "", **env: str):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("INTAKE_")}
    if settings is not None:
        environment["INTAKE_DATABASE_URL"] = settings.database_url
    environment.update(env)
    return subprocess.run(
        [*INTAKE, *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )


def test_users_create_prints_a_working_token_as_the_last_line(
    settings: Settings, client: TestClient
) -> None:
    done = intake(
        settings, "users", "create", "--role", "clerk", "--department", "czj", "--name", "李四"
    )
    assert done.returncode == 0, done.stderr
    token = done.stdout.strip().splitlines()[-1]
    response = client.get("/api/v1/cases", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--role", "clerk", "--department", "nowhere", "--name", "x"], "Unknown department"),
        (["--role", "boss", "--department", "czj", "--name", "x"], "'boss' is not one of"),
        (["--role", "clerk", "--department", "czj", "--name", "  "], "name is empty"),
        (["--role", "clerk", "--department", "czj"], "Missing option '--name'"),
        (["--role", "coordinator", "--department", "czj", "--name", "x"], "the lead office"),
    ],
)
def test_users_create_refuses_bad_arguments_in_one_clear_message(
    settings: Settings, client: TestClient, args: list[str], words: str
) -> None:
    done = intake(settings, "users", "create", *args)
    assert done.returncode != 0
    assert words in done.stderr and "Traceback" not in done.stderr


def test_route_prints_the_category_department_and_candidates() -> None:
    done = intake(None, "route", "执法队没收了我的三轮车，没有任何手续")
    answer = json.loads(done.stdout)
    assert (answer["category"], answer["department"]) == ("enforcement", "sfj")
    assert {"confidence", "confident", "candidates"} <= answer.keys()


def test_route_jsonl_answers_line_by_line_and_reports_bad_lines() -> None:
    lines = '{"text": "工程款一直拖欠不付"}\nnot json\n{"nope": 1}\n{"text": "停车位被加了地锁"}\n'
    done = intake(None, "route", "--jsonl", stdin=lines)
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert [a.get("category") or a.get("error", "")[:5] for a in answers] == [
        "arrears",
        "Expec",
        "each ",
        "parking",
    ]
    assert done.returncode == 1 and "Traceback" not in done.stderr


def test_route_needs_text_or_jsonl() -> None:
    done = intake(None, "route")
    assert done.returncode == 2 and "give either TEXT or --jsonl" in done.stderr


def test_cases_list_shows_filed_cases(settings: Settings, client: TestClient, staff) -> None:
    client.post(
        "/api/v1/cases", json={"text": "工程款一直拖欠不付，拖了半年"}, headers=staff.coordinator
    )
    done = intake(settings, "cases", "list")
    assert done.returncode == 0, done.stderr
    assert "routed" in done.stdout and "czj" in done.stdout and "工程款" in done.stdout


def test_cases_list_refuses_a_status_that_no_case_can_have(
    settings: Settings, client: TestClient
) -> None:
    done = intake(settings, "cases", "list", "--status", "bogus")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "triage" in done.stderr  # the known ones are named, not "no cases"


@pytest.mark.parametrize("command", ["robot-test", "robot-remove"])
def test_a_robot_number_past_any_stored_id_is_refused_before_the_database_sees_it(
    settings: Settings, client: TestClient, command: str
) -> None:
    done = intake(settings, "units", command, str(2**40))  # ids are INTEGER on PostgreSQL
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_bad_settings_stop_the_command_with_one_line(settings: Settings) -> None:
    done = intake(None, "cases", "list", INTAKE_TIMEZONE="Mars/Olympus")
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "intake: configuration error: bad setting INTAKE_TIMEZONE: unknown time zone "
        "'Mars/Olympus'"
    ]


def test_a_misspelled_setting_is_named_with_the_one_meant_and_the_command_goes_on(
    settings: Settings,
) -> None:
    done = intake(
        settings, "cases", "list", INTAKE_SECRET_KY="x" * 40, INTAKE_TEST_ANYTHING="ignored"
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines() == [
        "intake: warning: INTAKE_SECRET_KY is no setting and is ignored "
        "(did you mean INTAKE_SECRET_KEY?)"
    ]


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///", "sqlite:///:memory:"])
def test_a_database_url_without_a_file_is_refused_since_it_would_keep_nothing(url: str) -> None:
    done = intake(None, "db", "upgrade", INTAKE_DATABASE_URL=url)
    assert done.returncode == 2
    assert "INTAKE_DATABASE_URL" in done.stderr and "keeps nothing" in done.stderr


def test_broken_taxonomy_file_stops_the_command_naming_it(tmp_path: Path) -> None:
    broken = tmp_path / "t.yaml"
    broken.write_text("departments: [", encoding="utf-8")
    done = intake(None, "route", "欠款", INTAKE_TAXONOMY_FILE=str(broken))
    assert done.returncode == 2 and f"{broken}: bad YAML" in done.stderr


def test_a_database_that_was_never_upgraded_is_refused(tmp_path: Path) -> None:
    done = intake(None, "cases", "list", INTAKE_DATABASE_URL=f"sqlite:///{tmp_path}/new.db")
    assert done.returncode == 2 and "run `intake db upgrade`" in done.stderr


def test_db_upgrade_creates_the_sqlite_file_and_its_folder(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/deep/er/intake.db"
    done = intake(None, "db", "upgrade", INTAKE_DATABASE_URL=url)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "deep/er/intake.db").exists()
    listed = intake(None, "cases", "list", INTAKE_DATABASE_URL=url)
    assert listed.stdout.strip() == "no cases"


def test_calendar_add_working_days_prints_the_date_and_provisional_when_it_is(
    settings: Settings, client: TestClient
) -> None:
    known = intake(settings, "calendar", "add-working-days", "2026-09-30", "7")
    guessed = intake(settings, "calendar", "add-working-days", "2026-12-28", "7")
    assert (known.stdout, guessed.stdout) == ("2026-10-15\n", "2027-01-07 provisional\n")


def test_calendar_is_working_day_prints_yes_or_no(settings: Settings, client: TestClient) -> None:
    answers = [
        intake(settings, "calendar", "is-working-day", d).stdout.strip()
        for d in ("2026-02-14", "2026-02-16")
    ]
    assert answers == ["yes", "no"]


def test_calendar_commands_say_provisional_where_the_api_does(
    settings: Settings, client: TestClient, staff: Staff
) -> None:
    # 2035 is far from published: its Spring Festival is estimated (eve 7 Feb, 1/1-1/3 on
    # 8-10 Feb, the Saturday made up on Monday 12 Feb).
    cli = [
        intake(settings, "calendar", "is-working-day", d).stdout.strip()
        for d in ("2026-02-14", "2035-02-09", "2035-02-13")
    ]
    api = [
        client.get(f"/api/v1/calendar/days/{d}", headers=staff.czj_clerk).json()
        for d in ("2026-02-14", "2035-02-09", "2035-02-13")
    ]
    counted = intake(settings, "calendar", "add-working-days", "2035-02-06", "1").stdout
    assert cli == ["yes", "no provisional", "yes provisional"]
    assert [a["provisional"] for a in api] == [False, True, True]
    assert counted == "2035-02-13 provisional\n"


def test_confirm_year_refuses_a_year_whose_statutory_days_are_not_entered(
    settings: Settings, client: TestClient
) -> None:
    done = intake(settings, "calendar", "confirm-year", "2035")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "2035-02-09" in done.stderr and "not entered" in done.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["is-working-day", "2026-02-30"],
        ["add-working-days", "tomorrow", "3"],
        ["add-working-days", "2026-01-01", "-2"],
        ["set", "2026-12-01", "--off", "--reason", " "],
        ["add-working-days", "9999-12-31", "1"],
        ["set", "2026-12-01", "--off", "--reason", "\udcff"],  # a byte that is not UTF-8
    ],
)
def test_calendar_commands_refuse_bad_input_clearly(
    settings: Settings, client: TestClient, args: list[str]
) -> None:
    done = intake(settings, "calendar", *args)
    assert done.returncode != 0 and "Traceback" not in done.stderr and done.stderr.strip()


def test_calendar_set_refuses_a_reason_longer_than_the_api_takes_and_keeps_nothing(
    settings: Settings, client: TestClient, staff: Staff
) -> None:
    done = intake(settings, "calendar", "set", "2026-12-30", "--off", "--reason", "停" * 501)
    kept = client.get("/api/v1/calendar/overrides", headers=staff.coordinator).json()
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.strip() == "intake: The reason is too long: at most 500 characters."
    assert "2026-12-30" not in str(kept)


def test_users_invite_prints_a_bind_code_and_list_shows_the_account(
    settings: Settings, client: TestClient
) -> None:
    created = intake(
        settings, "users", "create", "--role", "clerk", "--department", "czj", "--name", "李四"
    )
    assert created.returncode == 0, created.stderr
    listed = intake(settings, "users", "list")
    staff_id = listed.stdout.split()[0].lstrip("#")
    code = intake(settings, "users", "invite", "--id", staff_id).stdout.strip().splitlines()[-1]
    assert len(code) == 9 and code[4] == "-"
    missing = intake(settings, "users", "invite", "--id", "999")
    assert missing.returncode == 1 and "no active staff #999" in missing.stderr
    huge = intake(settings, "users", "invite", "--id", "878326802703905062912")
    assert huge.returncode == 2 and "Traceback" not in huge.stderr


def test_users_deactivate_cuts_the_account_off_and_list_shows_it(
    settings: Settings, client: TestClient
) -> None:
    created = intake(
        settings, "users", "create", "--role", "clerk", "--department", "czj", "--name", "李四"
    )
    token = created.stdout.strip().splitlines()[-1]
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/v1/cases", headers=headers).status_code == 200
    staff_id = intake(settings, "users", "list").stdout.split()[0].lstrip("#")
    done = intake(settings, "users", "deactivate", "--id", staff_id)
    assert done.returncode == 0 and "deactivated clerk" in done.stdout, done.stderr
    assert "(inactive)" in intake(settings, "users", "list").stdout
    assert client.get("/api/v1/cases", headers=headers).status_code == 401
    missing = intake(settings, "users", "deactivate", "--id", "999")
    assert missing.returncode == 1 and "no staff #999" in missing.stderr
    huge = intake(settings, "users", "deactivate", "--id", "878326802703905062912")
    assert huge.returncode != 0 and "Traceback" not in huge.stderr


def test_db_check_fails_on_a_database_behind_the_migrations(tmp_path: Path) -> None:
    done = intake(None, "db", "check", INTAKE_DATABASE_URL=f"sqlite:///{tmp_path}/new.db")
    assert done.returncode == 1
    assert done.stdout.splitlines()[:2] == ["database: ok", "migrations: failed"]


def test_db_check_passes_the_database_and_migration_checks_of_a_prepared_database(
    settings: Settings, client: TestClient
) -> None:
    done = intake(settings, "db", "check")
    assert done.stdout.splitlines()[:2] == ["database: ok", "migrations: ok"]


def test_search_rebuild_cuts_texts_without_words_and_finds_them(
    settings: Settings, client: TestClient, staff: Staff
) -> None:
    from sqlalchemy import create_engine, text

    from tests.api.helpers import ENFORCEMENT, file_case

    number = file_case(client, staff.coordinator, text=ENFORCEMENT)["number"]
    engine = create_engine(settings.database_url)
    with engine.begin() as connection:  # as a case filed before migration 0025 stands
        connection.execute(text("UPDATE cases SET words = NULL"))
    engine.dispose()

    done = intake(settings, "search", "rebuild")

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1].startswith("cut 1 case text(s) into words")
    found = client.get("/api/v1/cases", params={"q": "三轮车"}, headers=staff.coordinator)
    assert [c["number"] for c in found.json()["data"]] == [number]
    again = intake(settings, "search", "rebuild", "--all")
    assert again.stdout.strip().splitlines()[-1].startswith("cut 1 case text(s)"), again.stderr


def test_stats_rebuild_copies_each_case_onto_its_clocks_and_changes_nothing_when_in_step(
    settings: Settings, client: TestClient, staff: Staff
) -> None:
    from sqlalchemy import create_engine, text

    from tests.api.helpers import file_case

    file_case(client, staff.coordinator)  # routed: a sign and a resolve clock
    engine = create_engine(settings.database_url)
    with engine.begin() as connection:  # as clocks written before migration 0033 stand
        connection.execute(text("UPDATE deadlines SET case_kind = NULL, case_category = NULL"))

    done = intake(settings, "stats", "rebuild")
    again = intake(settings, "stats", "rebuild")

    with engine.begin() as connection:
        copies = connection.execute(
            text("SELECT DISTINCT case_kind, case_category, case_channel FROM deadlines")
        ).all()
    engine.dispose()
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1].endswith("onto 2 clock(s)")
    assert again.stdout.strip().splitlines()[-1].endswith("onto 0 clock(s)")
    assert [tuple(row) for row in copies] == [("complaint", "arrears", "api")]


@pytest.mark.parametrize(
    ("args", "env", "words"),
    [
        (
            ["db", "upgrade"],
            {"INTAKE_DATABASE_URL": "postgresql://nobody@127.0.0.1:9/none?connect_timeout=2"},
            "database",
        ),
        (["users", "list"], {"INTAKE_DATABASE_URL": "sqlite:////proc/nowhere/intake.db"}, ""),
        (["db", "backup", "/proc/nope/backup"], {}, ""),
    ],
)
def test_a_database_or_file_error_ends_in_one_line_not_a_traceback(
    tmp_path: Path, args: list[str], env: dict[str, str], words: str
) -> None:
    # An operator's review, 2026-12-02: the compose `migrate` step against a database not up
    # yet printed 158 lines of traceback.
    defaults = {"INTAKE_DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}"}
    done = intake(None, *args, **{**defaults, "INTAKE_DATA_DIR": str(tmp_path), **env})
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("intake: ") and words in lines[0], lines
