"""A day of cases in every queue, and reading case numbers off console pages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from fastapi.testclient import TestClient

from backend.bootstrap import Container
from tests.api.helpers import ARREARS, ENFORCEMENT, act, file_case
from tests.conftest import Staff
from tests.fakes import FakeClock
from tests.staff_accounts import PASSWORD, staff_with_password
from tests.staff_console.helpers import ConsoleVisitor

TRIAGE_TEXT = "请问怎么注册账号呢？"
_NUMBER = re.compile(r'href="/console/cases/([A-Z]+-[0-9]{6}-[0-9]{4})"')


def numbers_on(html: str) -> set[str]:
    """Return the case numbers a page links to."""
    return set(_NUMBER.findall(html))


@dataclass
class Day:
    """Cases filed on 27 November 2026 and on 2 December, when the console is looked at.

    triage: not yet placed; czj_late and sfj_late: routed on the 27th, never signed for
    (their sign clock ran out on the 30th); czj_signed: signed for; czj_extension: signed
    for, more time asked; returned: returned by czj to triage; czj_fresh: routed on the 2nd
    (sign due the 3rd: due soon).
    """

    triage: str
    czj_late: str
    sfj_late: str
    czj_signed: str
    czj_extension: str
    returned: str
    czj_fresh: str

    def all(self) -> set[str]:
        return {
            self.triage,
            self.czj_late,
            self.sfj_late,
            self.czj_signed,
            self.czj_extension,
            self.returned,
            self.czj_fresh,
        }


def file_day(client: TestClient, staff: Staff, clock: FakeClock) -> Day:
    """File the cases of `Day` and move the clock to 2 December, 10:00 in Tianjin."""
    coordinator, czj = staff.coordinator, staff.czj_clerk

    def number(case: dict[str, Any]) -> str:
        return str(case["number"])

    triage = file_case(client, coordinator, text=TRIAGE_TEXT)
    czj_late = file_case(client, coordinator)
    sfj_late = file_case(client, coordinator, text=ENFORCEMENT)
    signed = act(client, czj, file_case(client, coordinator), "sign").json()
    extension = act(client, czj, file_case(client, coordinator), "sign").json()
    asked = act(client, czj, extension, "request_extension", days=5, reason="需要财政审批")
    assert asked.status_code == 200, asked.text
    returned = act(client, czj, file_case(client, coordinator), "return", reason="不是我们的")
    assert returned.json()["status"] == "triage"
    clock.advance(days=5)
    fresh = file_case(client, coordinator, text=ARREARS + "，第二次反映")
    assert fresh["department"] == "czj"
    return Day(
        triage=number(triage),
        czj_late=number(czj_late),
        sfj_late=number(sfj_late),
        czj_signed=number(signed),
        czj_extension=number(extension),
        returned=number(returned.json()),
        czj_fresh=number(fresh),
    )


def signed_in(client: TestClient, container: Container, who: str) -> ConsoleVisitor:
    """Return a visitor signed in as the coordinator wang, the clerk li (czj) or zhao (sfj)."""
    accounts = {
        "wang": ("coordinator", "fgw", "协调员 王"),
        "li": ("clerk", "czj", "联络员 李"),
        "zhao": ("clerk", "sfj", "联络员 赵"),
    }
    role, department, name = accounts[who]
    staff_with_password(container, login=who, role=role, department=department, name=name)
    visitor = ConsoleVisitor(TestClient(client.app))  # a browser of its own (its cookies)
    assert visitor.sign_in(who, PASSWORD).status_code == 303
    return visitor
