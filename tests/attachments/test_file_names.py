"""A file's name keeps no folder, control or direction mark, on every channel and page.

A reviewer uploaded `a\u202egpj.exe` through the web chat: U+202E (right-to-left override)
made the console list a program as "aexe.jpg", and the download header carried the mark.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlmodel import col, update

from backend.attachments.names import clean_file_name
from backend.bootstrap import Container
from backend.cases.models import Attachment
from backend.db import session_scope
from tests.api.helpers import file_case
from tests.case_fixtures import PNG, add_evidence
from tests.conftest import Staff
from tests.staff_console.case_visits import clerk, signed_in

SPOOFED = "a\u202egpj.exe"  # shown as "aexe.jpg" where the override is obeyed


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        (SPOOFED, "agpj.exe"),
        ("\u200freport\u2066.pdf\u2069", "report.pdf"),
        ("\u061c现场\u200e照片.jpg", "现场照片.jpg"),
        ("../..\\etc/pass\x85wd", "passwd"),
        ("bad\x00name\n.txt", "badname.txt"),
        ("\u202e", None),
        ("", None),
        ("名" * 300, "名" * 255),
    ],
)
def test_a_name_loses_folders_controls_and_direction_marks(name: str, kept: str | None) -> None:
    assert clean_file_name(name) == kept


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("名" * 300 + ".pdf", "名" * 251 + ".pdf"),
        ("照片" * 200 + ".tar.gz", "照片" * 126 + ".gz"),
        ("a" * 300 + "." + "x" * 40, "a" * 255),  # no type is 40 letters long: plain cut
    ],
)
def test_a_long_name_is_cut_before_its_extension(name: str, kept: str) -> None:
    # A name cut at 255 lost ".pdf": the download no longer opened as what was sent.
    assert clean_file_name(name) == kept
    assert len(kept) <= 255


def test_a_file_is_kept_under_its_clean_name_whatever_the_channel(
    client: TestClient, container: Container, staff: Staff
) -> None:
    case = file_case(client, staff.coordinator)

    add_evidence(container, case["number"], PNG, SPOOFED, "image/png")

    body = client.get(f"/api/v1/cases/{case['number']}", headers=staff.czj_clerk).json()
    assert [a["filename"] for a in body["attachments"]] == ["agpj.exe"]


def test_a_name_kept_before_the_rule_is_shown_and_served_clean(
    client: TestClient, container: Container, staff: Staff
) -> None:
    case = file_case(client, staff.coordinator)
    file_id = add_evidence(container, case["number"], PNG, "photo.png", "image/png")
    with session_scope(container.engine) as session:  # as an older release kept it
        session.execute(
            update(Attachment).where(col(Attachment.id) == file_id).values(filename=SPOOFED)
        )

    listed = client.get(f"/api/v1/cases/{case['number']}", headers=staff.czj_clerk).json()
    served = client.get(
        f"/api/v1/cases/{case['number']}/attachments/{file_id}", headers=staff.czj_clerk
    )
    page = signed_in(client, clerk(container, "czj", "li")).get(f"/console/cases/{case['number']}")

    assert [a["filename"] for a in listed["attachments"]] == ["agpj.exe"]
    assert served.headers["content-disposition"] == "inline; filename*=UTF-8''agpj.exe"
    assert "agpj.exe" in page.text and "\u202e" not in page.text
