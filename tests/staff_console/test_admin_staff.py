"""Staff administration in the console: create, set-password link, deactivate, token, bind code."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient

from backend.bootstrap import Container
from backend.db import session_scope
from backend.people.models import StaffAccount
from backend.people.roster import staff_roster
from backend.people.service import create_staff
from bot.serve import build_web_app
from tests.staff_accounts import spare_coordinator
from tests.staff_console.admin_helpers import clerk, shown_secret, signed_in, stored
from tests.staff_console.helpers import ConsoleVisitor
from tests.webchat.helpers import WebChat

NEW_PASSWORD = "a fresh clerk password"
CONFIRMED = {"confirm": "yes"}
NEW_CLERK = {"login": "Zhao", "name": "联络员 赵", "role": "clerk", "department": "czj"}


def test_a_coordinator_creates_a_clerk_who_signs_in_with_the_password_set_through_the_link(
    client: TestClient, coordinator: StaffAccount
) -> None:
    admin = signed_in(client, "wang")
    admin.get("/console/admin/staff/new")

    created = admin.post("/console/admin/staff/new", NEW_CLERK)
    assert created.status_code == 303
    page = admin.get(created.headers["location"])
    link = shown_secret(page.text)
    assert "已为 联络员 赵 建立账号" in page.text
    assert admin.get(created.headers["location"]).text.count('id="flash-secret"') == 0

    newcomer = ConsoleVisitor(TestClient(client.app))
    path = urlsplit(link).path
    newcomer.get(path)
    short = newcomer.post(path, {"password": "short", "password_repeat": "short"})
    assert short.status_code == 400 and "密码太短，至少需要 10 个字符。" in short.text
    done = newcomer.post(path, {"password": NEW_PASSWORD, "password_repeat": NEW_PASSWORD})
    assert done.status_code == 303
    assert newcomer.sign_in("zhao", NEW_PASSWORD).status_code == 303


def test_the_staff_list_shows_login_role_unit_state_last_sign_in_and_chats(
    client: TestClient, container: Container, coordinator: StaffAccount
) -> None:
    clerk(container)
    signed_in(client, "li")
    client.cookies.clear()
    admin = signed_in(client, "wang")

    page = admin.get("/console/admin/staff").text

    row = page[page.index('<tr data-login="li">') :].split("</tr>")[0]
    assert "联络员 李" in row and "联络员" in row and "财政局" in row and "在用" in row
    assert "2026-11-27 10:00" in row  # the sign-in, in Tianjin time
    assert 'data-label="绑定的聊天">0</td>' in row


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({**NEW_CLERK, "login": "wang"}, "登录名 wang 已被使用。"),
        ({**NEW_CLERK, "department": "nowhere"}, "没有这个单位：nowhere。"),
        ({**NEW_CLERK, "department": ""}, "联络员必须属于一个单位，请选择单位。"),
        ({**NEW_CLERK, "login": "a b"}, "登录名须为 2 到 64 个字符"),
        ({**NEW_CLERK, "name": "  "}, "请填写姓名"),
        ({**NEW_CLERK, "name": "\u202e\u200b\u2066"}, "请填写姓名"),  # marks a reader cannot see
        ({**NEW_CLERK, "role": "boss"}, "角色只能是协调员、联络员或第三方评估"),
        ({**NEW_CLERK, "name": "长" * 101}, "姓名太长，最多 100 个字符。"),
        ({**NEW_CLERK, "name": "a\x00b"}, "含有无法保存的字符"),
        # The evaluator is an account of the lead office (README), not of a unit it assesses.
        ({**NEW_CLERK, "role": "evaluator"}, "第三方评估账号属于牵头单位"),
    ],
)
def test_a_bad_new_account_is_refused_on_the_form_with_what_is_wrong(
    client: TestClient,
    container: Container,
    coordinator: StaffAccount,
    form: dict[str, str],
    message: str,
) -> None:
    admin = signed_in(client, "wang")
    admin.get("/console/admin/staff/new")

    refused = admin.post("/console/admin/staff/new", form)

    assert refused.status_code == 400
    assert message in refused.text and 'role="alert"' in refused.text
    assert f'value="{form["login"]}"' in refused.text  # what was typed stays
    assert stored(container, "zhao") is None


def test_the_refusal_is_in_english_for_an_english_visitor(
    client: TestClient, coordinator: StaffAccount
) -> None:
    admin = signed_in(client, "wang")
    admin.post("/console/language", {"language": "en", "next": "/console/admin/staff/new"})
    admin.get("/console/admin/staff/new")

    refused = admin.post("/console/admin/staff/new", {**NEW_CLERK, "department": ""})

    assert "A clerk belongs to one unit: choose the unit." in refused.text


def test_a_coordinator_without_a_unit_belongs_to_the_lead_office(
    client: TestClient, container: Container, coordinator: StaffAccount
) -> None:
    admin = signed_in(client, "wang")
    admin.get("/console/admin/staff/new")

    admin.post("/console/admin/staff/new", {**NEW_CLERK, "role": "coordinator", "department": ""})

    account = stored(container, "zhao")
    assert account is not None
    assert (account.role, account.department_code) == ("coordinator", "fgw")


def test_deactivating_a_clerk_signs_them_out_at_once(
    client: TestClient, container: Container, coordinator: StaffAccount
) -> None:
    account = clerk(container)
    clerks_browser = signed_in(TestClient(client.app), "li")
    assert clerks_browser.lands_on_home()
    admin = signed_in(client, "wang")
    admin.get(f"/console/admin/staff/{account.id}")

    done = admin.post(f"/console/admin/staff/{account.id}/deactivate", CONFIRMED)

    assert done.status_code == 303
    assert "联络员 李 的账号已停用" in admin.get(done.headers["location"]).text
    assert not clerks_browser.lands_on_home()
    assert clerks_browser.sign_in("li", "correct horse battery").status_code == 400


def test_a_coordinator_cannot_deactivate_the_own_account_and_is_told_why(
    client: TestClient, container: Container, coordinator: StaffAccount
) -> None:
    spare_coordinator(container)
    admin = signed_in(client, "wang")
    page = admin.get(f"/console/admin/staff/{coordinator.id}")
    assert 'data-action="deactivate"' not in page.text

    done = admin.post(f"/console/admin/staff/{coordinator.id}/deactivate", CONFIRMED)

    assert "不能停用自己的账号。" in admin.get(done.headers["location"]).text
    assert admin.lands_on_home()


def test_a_deactivated_account_shows_its_state_and_offers_no_actions(
    client: TestClient, container: Container, coordinator: StaffAccount
) -> None:
    # (The last active coordinator cannot be deactivated from the console at all: whoever
    # asks is an active coordinator too, and the own account is refused first.)
    other = spare_coordinator(container)
    admin = signed_in(client, "wang")
    admin.get(f"/console/admin/staff/{other.id}")
    admin.post(f"/console/admin/staff/{other.id}/deactivate", CONFIRMED)

    page = admin.get(f"/console/admin/staff/{other.id}").text

    assert "已停用" in page and "data-action=" not in page.split("</header>")[1]
    refused = admin.post(f"/console/admin/staff/{other.id}/token", {})
    assert "账号 spare 已停用。" in admin.get(refused.headers["location"]).text


def test_rotating_the_token_stops_the_old_one_on_the_api_and_the_new_one_works(
    client: TestClient, container: Container, coordinator: StaffAccount
) -> None:
    with session_scope(container.engine) as session:
        account, old = create_staff(
            session=session, name="财政局 李", role="clerk", department="czj",
            clock=container.clock, login="li",
        )  # fmt: skip
    assert client.get("/api/v1/cases", headers=bearer(old)).status_code == 200
    admin = signed_in(client, "wang")
    admin.get(f"/console/admin/staff/{account.id}")

    done = admin.post(f"/console/admin/staff/{account.id}/token", {})
    new = shown_secret(admin.get(done.headers["location"]).text)

    assert client.get("/api/v1/cases", headers=bearer(old)).status_code == 401
    assert client.get("/api/v1/cases", headers=bearer(new)).status_code == 200


def test_a_bind_code_from_the_console_binds_the_clerks_web_chat(
    container: Container, coordinator: StaffAccount
) -> None:
    account = clerk(container)
    client = TestClient(build_web_app(container))  # the console and the web chat
    admin = signed_in(client, "wang")
    admin.get(f"/console/admin/staff/{account.id}")

    done = admin.post(f"/console/admin/staff/{account.id}/bind-code", {})
    code = shown_secret(admin.get(done.headers["location"]).text)
    chat = WebChat(client)
    chat.start()
    replies = chat.command("bind", code)

    assert any("联络员 李" in reply.get("text", "") for reply in replies)
    with session_scope(container.engine) as session:
        chats = {row.account.login: row.chats for row in staff_roster(session=session)}
    assert chats["li"] == 1


def test_a_reset_link_replaces_the_earlier_one(
    client: TestClient, container: Container, coordinator: StaffAccount
) -> None:
    account = clerk(container)
    admin = signed_in(client, "wang")
    admin.get(f"/console/admin/staff/{account.id}")
    first = shown_secret(
        admin.get(admin.post(f"/console/admin/staff/{account.id}/password-link", {})
                  .headers["location"]).text
    )  # fmt: skip

    second = shown_secret(
        admin.get(admin.post(f"/console/admin/staff/{account.id}/password-link", {})
                  .headers["location"]).text
    )  # fmt: skip

    assert client.get(urlsplit(first).path).status_code == 404
    assert client.get(urlsplit(second).path).status_code == 200


def test_an_unknown_account_is_the_not_found_page(
    client: TestClient, coordinator: StaffAccount
) -> None:
    admin = signed_in(client, "wang")

    assert admin.get("/console/admin/staff/999").status_code == 404
    assert admin.post("/console/admin/staff/999/token", {}).status_code == 404
    assert admin.get("/console/admin/staff/abc").status_code in (400, 404)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_deactivating_without_ticking_the_box_changes_nothing_and_says_so(
    client: TestClient, container: Container, coordinator: StaffAccount
) -> None:
    account = clerk(container)
    admin = signed_in(client, "wang")
    admin.get(f"/console/admin/staff/{account.id}")

    done = admin.post(f"/console/admin/staff/{account.id}/deactivate", {})

    assert "请勾选确认框后再停用；账号未作改动。" in admin.get(done.headers["location"]).text
    still = stored(container, "li")
    assert still is not None and still.active
