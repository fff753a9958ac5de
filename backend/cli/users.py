"""`intake users`: staff accounts, their console passwords and one-time links."""

from __future__ import annotations

import sys
from datetime import timedelta
from typing import Annotated

import typer
from sqlmodel import Session

from backend.bootstrap import build, prepare_database
from backend.bounds import MAX_ROW_ID
from backend.cli.options import storable_text
from backend.db import session_scope
from backend.errors import ValidationFailed
from backend.people.deactivation import deactivate_staff
from backend.people.invites import issue_invite
from backend.people.models import Role, StaffAccount
from backend.people.password_links import issue_password_link, password_link_path
from backend.people.passwords import hash_password
from backend.people.roster import staff_roster
from backend.people.service import create_staff, find_by_login, rotate_token, set_password

app = typer.Typer(help="Staff accounts (coordinators and clerks).", no_args_is_help=True)


@app.command("create")
def create(
    role: Annotated[Role, typer.Option(help="coordinator, clerk or evaluator (read-only).")],
    name: Annotated[str, typer.Option(help="The person's name.", callback=storable_text)],
    department: Annotated[
        str | None,
        typer.Option(
            help="Unit code, e.g. czj or xyz (a clerk's is required; a coordinator's defaults "
            "to the lead office).",
            callback=storable_text,
        ),
    ] = None,
    login: Annotated[
        str | None,
        typer.Option(
            help="Console login (a-z, 0-9, . _ -); then `intake users set-password`.",
            callback=storable_text,
        ),
    ] = None,
) -> None:
    """Create a staff account; the API token is printed once, as the last line."""
    container = build()
    prepare_database(container)
    with session_scope(container.engine) as session:
        account, token = create_staff(
            session=session,
            name=name,
            role=role.value,
            department=department,
            clock=container.clock,
            login=login,
            lead_office=container.taxonomy.lead_office,
        )
    # Said only once committed: a token printed for an account that was never stored is a lie.
    signs_in = f", console login {account.login}" if account.login else ""
    unit = account.department_code
    typer.echo(f"created {account.role} #{account.id} {account.name} ({unit}){signs_in}")
    typer.echo("API token (shown only now):")
    typer.echo(token)


@app.command("invite")
def invite(
    staff_id: Annotated[
        int,
        typer.Option(
            "--id", min=1, max=MAX_ROW_ID, help="The staff account's id (intake users list)."
        ),
    ],
) -> None:
    """Issue a one-time code for `/bind CODE` in the clerk's chat; printed as the last line."""
    container = build()
    prepare_database(container)
    with session_scope(container.engine) as session:
        staff = session.get(StaffAccount, staff_id)
        if staff is None or not staff.active:
            raise ValidationFailed("bad_request", field="id", value=f"no active staff #{staff_id}")
        code = issue_invite(session=session, staff=staff, clock=container.clock)
    typer.echo(
        f"bind code for {staff.name} ({staff.department_code}), valid 7 days; "
        "send /bind CODE from the chat:"
    )
    typer.echo(code)


@app.command("deactivate")
def deactivate(
    login: Annotated[
        str | None, typer.Argument(help="The account's console login (or give --id).")
    ] = None,
    staff_id: Annotated[
        int | None,
        typer.Option("--id", min=1, max=2**31 - 1, help="The staff account's id (users list)."),
    ] = None,
) -> None:
    """Deactivate an account: its token, sessions, bound chats and queued notices stop at once."""
    if (login is None) == (staff_id is None):
        raise ValidationFailed("bad_request", field="id", value="give a LOGIN or --id, not both")
    container = build()
    prepare_database(container)
    with session_scope(container.engine) as session:
        if login is not None:
            staff_id = _account(session, login, active_only=False).id
        elif session.get(StaffAccount, staff_id) is None:
            raise ValidationFailed("bad_request", field="id", value=f"no staff #{staff_id}")
        staff = deactivate_staff(session=session, staff_id=staff_id or 0, clock=container.clock)
    typer.echo(f"deactivated {staff.role} #{staff.id} {staff.name} ({staff.department_code})")


@app.command("list")
def list_staff() -> None:
    """List the staff accounts (active first) with their last sign-in and bound chats."""
    container = build()
    prepare_database(container)
    with session_scope(container.engine) as session:
        rows = staff_roster(session=session)
        if not rows:
            typer.echo("no staff accounts")
        for row in rows:
            account = row.account
            state = "" if account.active else "  (inactive)"
            login = account.login or "-"
            last = (
                f"  last sign-in {account.last_sign_in_at:%Y-%m-%d %H:%M}Z"
                if account.last_sign_in_at
                else ""
            )
            chats = f"  {row.chats} chat(s)" if row.chats else ""
            typer.echo(
                f"#{account.id}  {account.role:<11}  {account.department_code:<5}  {login:<12}  "
                f"{account.name}{state}{last}{chats}"
            )


@app.command("rotate-token")
def rotate_token_command(
    login: Annotated[str, typer.Argument(help="The account's console login.")],
) -> None:
    """Give the account a new API token (printed once, as the last line); the old one stops."""
    container = build()
    prepare_database(container)
    with session_scope(container.engine) as session:
        account = _account(session, login)
        token = rotate_token(session=session, staff=account)
    typer.echo(f"new API token for {account.login} ({account.name}); the old one stopped:")
    typer.echo(token)


@app.command("set-password")
def set_password_command(
    login: Annotated[str, typer.Argument(help="The account's console login.")],
) -> None:
    """Set a console password, read from standard input (`echo "$PW" | intake users ...`).

    On a terminal it is asked for twice, without echo; from a pipe the first line is the
    password. Every session of the account ends.
    """
    password = _read_password()
    if not password:
        typer.echo(
            "intake: no password on standard input; pipe one in, e.g. "
            f"printf '%s\\n' \"$PASSWORD\" | intake users set-password {login}",
            err=True,
        )
        raise typer.Exit(1)
    new_hash = hash_password(password)  # refuses an empty or short one; slow: before the write
    container = build()
    prepare_database(container)
    with session_scope(container.engine) as session:
        account = _account(session, login)
        set_password(session=session, staff=account, password_hash=new_hash)
    typer.echo(f"password set for {account.login} ({account.name}); sign in at /console")


@app.command("password-link")
def password_link(
    login: Annotated[str, typer.Argument(help="The account's console login.")],
) -> None:
    """Issue a one-time link to set a password; its path is printed as the last line."""
    container = build()
    prepare_database(container)
    valid_for = timedelta(hours=container.settings.password_link_hours)
    with session_scope(container.engine) as session:
        account = _account(session, login)
        token = issue_password_link(
            session=session, staff=account, clock=container.clock, valid_for=valid_for
        )
    typer.echo(
        f"one-time link for {account.login} ({account.name}), valid "
        f"{container.settings.password_link_hours} hours; open it on the console's address:"
    )
    typer.echo(password_link_path(token))


def _read_password() -> str:
    """Return the new password: asked twice on a terminal, else the first line of stdin."""
    if sys.stdin.isatty():
        entered: str = typer.prompt("New password", hide_input=True, confirmation_prompt=True)
        return entered
    return sys.stdin.readline().rstrip("\r\n")


def _account(session: Session, login: str, *, active_only: bool = True) -> StaffAccount:
    account = find_by_login(session=session, login=login)
    if account is None:
        raise ValidationFailed("login_unknown", field="login", value=login.strip().lower())
    if active_only and not account.active:
        raise ValidationFailed("staff_inactive", field="login", value=account.login)
    return account


@app.command("email")
def email_command(
    login: Annotated[str, typer.Argument(help="The account's console login.")],
    address: Annotated[str, typer.Argument(help="The email address reminders go to.")],
) -> None:
    """Give an account an email address and send its test message (used once its link opens)."""
    from backend.notifications.setup import send_verification, set_staff_email
    from backend.ports import DeliveryFailed

    container = build()
    prepare_database(container)
    with session_scope(container.engine) as session:
        account = _account(session, login)
        channel, token = set_staff_email(
            session=session, staff=account, address=address, now=container.clock.now()
        )
    try:
        send_verification(settings=container.settings, address=channel.address, token=token)
    except DeliveryFailed as exc:
        typer.echo(f"intake: the test message to {channel.address} failed: {exc}", err=True)
        raise typer.Exit(1) from None
    typer.echo(
        f"test message sent to {channel.address} for {account.login}; the address is used "
        "once its link is opened"
    )


@app.command("email-remove")
def email_remove(
    login: Annotated[str, typer.Argument(help="The account's console login.")],
) -> None:
    """Remove an account's email address (notices not sent yet are dropped)."""
    from backend.notifications.channels import staff_email
    from backend.notifications.setup import ChannelRefused, remove_channel

    container = build()
    prepare_database(container)
    with session_scope(container.engine) as session:
        account = _account(session, login)
        channel = staff_email(session, account.id or 0)
        if channel is None or channel.id is None:
            raise ChannelRefused("no_email")
        remove_channel(session=session, channel_id=channel.id)
    typer.echo(f"email address of {account.login} removed")
