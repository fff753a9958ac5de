"""PIN hashes after issue 13: an HMAC keyed outside the database; older scrypt ones still open."""

from __future__ import annotations

from sqlalchemy import update
from sqlmodel import col

from backend.bootstrap import Container
from backend.cases.models import Case
from backend.cases.numbers import pin_key
from backend.cases.pins import case_by_pin
from backend.db import session_scope
from tests.pin_helpers import case_row, file_case, scrypt_hash, wrong_pin


def look_up(container: Container, number: str, pin: str, key: bytes | None = None) -> str | None:
    """Look a case up by number and PIN from a web chat; return the number found."""
    with session_scope(container.engine) as session:
        found = case_by_pin(
            session=session,
            number=number,
            pin=pin,
            channel="web",
            chat_id="someone",
            now=container.clock.now(),
            key=container.pin_key if key is None else key,
        ).case
        return found.number if found else None


def test_a_new_case_stores_a_keyed_hash_of_its_pin(container: Container) -> None:
    number, pin = file_case(container)
    stored = case_row(container, number).pin_hash or ""
    assert (stored.split("$")[0], pin is not None and pin not in stored) == ("hmac-sha256", True)
    assert look_up(container, number, pin or "") == number


def test_a_case_filed_with_a_scrypt_pin_before_the_change_still_opens_with_it(
    container: Container,
) -> None:
    number, pin = file_case(container)
    assert pin is not None
    with session_scope(container.engine) as session:  # as a case filed before issue 13 is
        session.execute(
            update(Case).where(col(Case.number) == number).values(pin_hash=scrypt_hash(pin))
        )
    assert (look_up(container, number, wrong_pin(pin)), look_up(container, number, pin)) == (
        None,
        number,
    )


def test_the_pin_no_longer_opens_the_case_under_another_secret(container: Container) -> None:
    number, pin = file_case(container)
    assert (
        look_up(container, number, pin or "", key=pin_key("another installation's secret")) is None
    )
