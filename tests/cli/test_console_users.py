"""`intake users` for the console: a login, a password from standard input, one-time links."""

from __future__ import annotations

from fastapi.testclient import TestClient

from backend.bootstrap import Container
from backend.settings import Settings
from tests.cli.test_cli import intake
from tests.staff_accounts import spare_coordinator, staff_with_password
from tests.staff_console.helpers import ConsoleVisitor

PASSWORD = "a long enough password"


def test_a_coordinator_created_with_a_login_signs_in_with_a_password_piped_in(
    settings: Settings, client: TestClient
) -> None:
    created = intake(
        settings, "users", "create", "--role", "coordinator", "--department", "fgw",
        "--name", "王协调", "--login", "Wang",
    )  # fmt: skip
    assert created.returncode == 0, created.stderr
    assert "console login wang" in created.stdout

    done = intake(settings, "users", "set-password", "wang", stdin=PASSWORD + "\n")

    assert done.returncode == 0, done.stderr
    assert PASSWORD not in done.stdout + done.stderr
    assert ConsoleVisitor(client).sign_in("wang", PASSWORD).status_code == 303


def test_set_password_refuses_empty_and_short_input_in_one_clear_line(
    settings: Settings, client: TestClient, container: Container
) -> None:
    staff_with_password(container, login="wang", password=None)

    empty = intake(settings, "users", "set-password", "wang", stdin="")
    short = intake(settings, "users", "set-password", "wang", stdin="short\n")

    assert empty.returncode == 1 and "no password on standard input" in empty.stderr
    assert short.returncode == 1
    assert short.stderr.strip() == "intake: The password is too short: use at least 10 characters."
    assert ConsoleVisitor(client).sign_in("wang", "short").status_code == 400


def test_set_password_for_an_unknown_login_says_so(settings: Settings, client: TestClient) -> None:
    done = intake(settings, "users", "set-password", "nobody", stdin=PASSWORD)

    assert done.returncode == 1
    assert done.stderr.strip() == "intake: No account has the login nobody."


def test_a_login_is_unique_and_well_formed(
    settings: Settings, client: TestClient, container: Container
) -> None:
    staff_with_password(container, login="wang", password=None)
    base = ["users", "create", "--role", "clerk", "--department", "czj", "--name", "李"]

    taken = intake(settings, *base, "--login", "WANG")
    odd = intake(settings, *base, "--login", "李四")

    assert taken.returncode == 1 and "The login wang is taken." in taken.stderr
    assert odd.returncode == 1 and "A login has 2 to 64 characters" in odd.stderr


def test_password_link_prints_a_console_path_that_sets_the_password(
    settings: Settings, client: TestClient, container: Container
) -> None:
    staff_with_password(container, login="wang", password=None)

    done = intake(settings, "users", "password-link", "wang")

    assert done.returncode == 0, done.stderr
    path = done.stdout.strip().splitlines()[-1]
    assert path.startswith("/console/password/")
    visitor = ConsoleVisitor(client)
    assert visitor.get(path).status_code == 200
    visitor.post(path, {"password": PASSWORD, "password_repeat": PASSWORD})
    assert visitor.sign_in("wang", PASSWORD).status_code == 303


def test_deactivate_signs_the_person_out_of_the_console(
    settings: Settings, client: TestClient, container: Container
) -> None:
    staff_with_password(container, login="wang", password=PASSWORD)
    spare_coordinator(container)
    visitor = ConsoleVisitor(client)
    visitor.sign_in("wang", PASSWORD)

    done = intake(settings, "users", "deactivate", "wang")

    assert done.returncode == 0, done.stderr
    assert not visitor.lands_on_home()
    listed = intake(settings, "users", "list")
    assert "wang" in listed.stdout and "(inactive)" in listed.stdout


def test_rotate_token_prints_a_new_token_and_the_old_one_stops(
    settings: Settings, client: TestClient
) -> None:
    created = intake(
        settings, "users", "create", "--role", "clerk", "--department", "czj",
        "--name", "李四", "--login", "li",
    )  # fmt: skip
    old = {"Authorization": f"Bearer {created.stdout.strip().splitlines()[-1]}"}

    done = intake(settings, "users", "rotate-token", "li")

    assert done.returncode == 0, done.stderr
    new = {"Authorization": f"Bearer {done.stdout.strip().splitlines()[-1]}"}
    assert client.get("/api/v1/cases", headers=old).status_code == 401
    assert client.get("/api/v1/cases", headers=new).status_code == 200


def test_a_coordinator_without_a_department_belongs_to_the_lead_office_a_clerk_is_refused(
    settings: Settings, client: TestClient
) -> None:
    coordinator = intake(settings, "users", "create", "--role", "coordinator", "--name", "王")
    clerk = intake(settings, "users", "create", "--role", "clerk", "--name", "李")

    assert coordinator.returncode == 0 and "(fgw)" in coordinator.stdout
    assert clerk.returncode == 1
    assert clerk.stderr.strip() == "intake: A clerk belongs to one unit: choose the unit."
