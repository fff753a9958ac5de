"""Action and note forms on the case page: POST, 303 back with a message; stale; CSRF."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlmodel import select

from backend.bootstrap import Container
from backend.cases.models import Case, CaseEvent
from backend.cases.repeats import REPEAT_WINDOW
from backend.cases.workflow import Action
from backend.db import session_scope
from backend.notifications.models import InboxItem
from backend.people.models import StaffAccount
from tests.case_fixtures import ARREARS, UNCLEAR, act, file_case, updates_for_chat
from tests.fakes import FakeClock
from tests.staff_console.case_visits import (
    clerk,
    coordinator,
    offered_actions,
    page_path,
    signed_in,
)


def stored(container: Container, number: str) -> Case:
    with session_scope(container.engine) as session:
        return session.exec(select(Case).where(Case.number == number)).one()


def form_values(html: str, action: str) -> dict[str, str]:
    """Return the hidden values of an action's form (version, seen)."""
    form = re.search(rf'<form[^>]*id="action-{action}".*?</form>', html, re.DOTALL)
    assert form is not None, f"no form for {action}"
    hidden = re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form.group(0))
    return {name: value for name, value in hidden if name != "csrf_token"}


def test_a_clerk_signs_through_the_form_and_comes_back_with_a_message(
    client: TestClient, container: Container
) -> None:
    number = file_case(container, ARREARS)
    visitor = signed_in(client, clerk(container))
    page = visitor.get(page_path(number)).text

    response = visitor.post(f"{page_path(number)}/actions", form_values(page, "sign"))

    assert response.status_code == 303
    assert response.headers["location"] == f"{page_path(number)}?done=sign"
    assert stored(container, number).status == "signed"
    assert "已签收。" in visitor.get(response.headers["location"]).text


def test_a_coordinator_places_a_triage_case_with_a_unit_and_category(
    client: TestClient, container: Container
) -> None:
    number = file_case(container, UNCLEAR)
    visitor = signed_in(client, coordinator(container))
    values = form_values(visitor.get(page_path(number)).text, "reassign")

    response = visitor.post(
        f"{page_path(number)}/actions", {**values, "department": "czj", "category": "arrears"}
    )

    assert response.status_code == 303
    case = stored(container, number)
    assert (case.status, case.department_code, case.category_id) == ("routed", "czj", "arrears")


def test_a_stale_version_shows_what_changed_and_keeps_the_typed_reason(
    client: TestClient, container: Container
) -> None:
    li = clerk(container)
    number = file_case(container, ARREARS)
    act(container, number, li, Action.sign)
    visitor = signed_in(client, li)
    values = form_values(visitor.get(page_path(number)).text, "pause")
    act(container, number, clerk(container, login="zhou"), Action.start)  # another clerk

    response = visitor.post(
        f"{page_path(number)}/actions", {**values, "reason": "等待投诉人补充材料"}
    )

    assert response.status_code == 409
    assert "案件已被他人修改" in response.text
    changed = re.search(r"data-stale>.*?</section>", response.text, re.DOTALL)
    assert changed is not None and 'data-event="start"' in changed.group(0)
    assert 'data-event="sign"' not in changed.group(0)  # seen before the form was shown
    assert "等待投诉人补充材料" in response.text  # kept for the retry
    fresh = form_values(response.text, "pause")
    assert fresh["version"] == str(stored(container, number).version)
    retried = visitor.post(
        f"{page_path(number)}/actions", {**fresh, "reason": "等待投诉人补充材料"}
    )
    assert retried.status_code == 303


def test_an_action_form_without_its_csrf_token_is_refused(
    client: TestClient, container: Container
) -> None:
    number = file_case(container, ARREARS)
    visitor = signed_in(client, clerk(container))
    values = form_values(visitor.get(page_path(number)).text, "sign")

    response = visitor.post(f"{page_path(number)}/actions", values, token="")

    assert response.status_code == 403
    assert stored(container, number).status == "routed"


def test_a_note_form_without_its_csrf_token_is_refused(
    client: TestClient, container: Container
) -> None:
    number = file_case(container, ARREARS)
    visitor = signed_in(client, clerk(container))
    visitor.get(page_path(number))

    response = visitor.post(f"{page_path(number)}/notes", {"text": "内部"}, token="0" * 64)

    assert response.status_code == 403


def test_resolving_without_a_reply_shows_the_form_again_with_the_reason(
    client: TestClient, container: Container
) -> None:
    li = clerk(container)
    number = file_case(container, ARREARS)
    act(container, number, li, Action.sign)
    visitor = signed_in(client, li)
    values = form_values(visitor.get(page_path(number)).text, "resolve")

    response = visitor.post(f"{page_path(number)}/actions", {**values, "reply": "   "})

    assert response.status_code == 400
    assert "办结需要填写给投诉人的答复。" in response.text
    assert stored(container, number).status == "signed"


def test_extension_days_that_are_not_a_whole_number_are_refused_with_the_policys_bounds(
    client: TestClient, container: Container
) -> None:
    li = clerk(container)
    number = file_case(container, ARREARS)
    act(container, number, li, Action.sign)
    visitor = signed_in(client, li)
    values = form_values(visitor.get(page_path(number)).text, "request_extension")
    most = container.policy.extension_max_days  # 10: what "11" is refused with too

    # ² is a digit to str.isdigit(), not to int()
    for days in ("十", "²", "1²", "2.5", "0"):
        response = visitor.post(
            f"{page_path(number)}/actions", {**values, "days": days, "reason": "需要现场核查"}
        )
        assert response.status_code == 400, days
        assert f"天数须是 1 到 {most} 之间的整数。" in response.text, days
    visitor.post("/console/language", {"language": "en", "next": page_path(number)})
    english = visitor.post(
        f"{page_path(number)}/actions", {**values, "days": "2.5", "reason": "on site"}
    )
    assert f"The days must be a whole number from 1 to {most}." in english.text
    assert stored(container, number).version == 2  # nothing was taken


def test_other_days_that_are_not_a_whole_number_are_refused_with_their_bounds(
    client: TestClient, container: Container
) -> None:
    number = file_case(container, ARREARS)
    visitor = signed_in(client, coordinator(container))
    values = form_values(visitor.get(page_path(number)).text, "set_rectification")

    response = visitor.post(f"{page_path(number)}/actions", {**values, "days": "2.5"})

    assert response.status_code == 400
    assert "天数须是 1 到 365 之间的整数。" in response.text


def test_a_form_sent_twice_by_its_own_user_says_so_not_that_someone_else_changed_it(
    client: TestClient, container: Container
) -> None:
    li = clerk(container)
    number = file_case(container, ARREARS)
    visitor = signed_in(client, li)
    values = form_values(visitor.get(page_path(number)).text, "sign")

    first = visitor.post(f"{page_path(number)}/actions", values)
    again = visitor.post(f"{page_path(number)}/actions", values)  # a second click

    assert (first.status_code, again.status_code) == (303, 409)
    assert "您刚才已经提交过" in again.text and "案件已被他人修改" not in again.text
    assert event_actions(container, number).count("sign") == 1


def test_an_extension_the_deadline_rules_refuse_leaves_no_trace_in_the_case(
    client: TestClient, container: Container
) -> None:
    li = clerk(container)
    number = file_case(container, ARREARS)
    act(container, number, li, Action.sign)
    before = stored(container, number)
    visitor = signed_in(client, li)
    values = form_values(visitor.get(page_path(number)).text, "request_extension")

    refused = visitor.post(
        f"{page_path(number)}/actions", {**values, "days": "20", "reason": "需要现场核查"}
    )
    after = stored(container, number)
    again = visitor.post(
        f"{page_path(number)}/actions", {**values, "days": "10", "reason": "需要现场核查"}
    )

    assert refused.status_code == 400 and "延期天数须在 1 到 10 个工作日之间" in refused.text
    assert (after.version, after.updated_at) == (before.version, before.updated_at)
    assert again.status_code == 303  # the form's version still holds: nothing changed
    assert event_actions(container, number).count("request_extension") == 1


def test_reassigning_a_case_to_the_unit_that_holds_it_is_refused_in_words(
    client: TestClient, container: Container
) -> None:
    li = clerk(container)
    number = file_case(container, ARREARS)  # to czj
    act(container, number, li, Action.sign)
    visitor = signed_in(client, coordinator(container))
    values = form_values(visitor.get(page_path(number)).text, "reassign")

    response = visitor.post(f"{page_path(number)}/actions", {**values, "department": "czj"})

    assert response.status_code == 400
    assert "本案已由区财政局（czj）办理" in response.text
    assert stored(container, number).status == "signed"
    assert "reassign" not in event_actions(container, number)


def test_moving_a_signed_case_asks_the_coordinator_why_and_a_routed_one_may_say_why(
    client: TestClient, container: Container
) -> None:
    signed = file_case(container, ARREARS)  # to czj
    routed = file_case(container, ARREARS)
    act(container, signed, clerk(container), Action.sign)
    visitor = signed_in(client, coordinator(container))
    signed_page = visitor.get(page_path(signed)).text
    routed_page = visitor.get(page_path(routed)).text
    values = form_values(signed_page, "reassign")

    bare = visitor.post(f"{page_path(signed)}/actions", {**values, "department": "sfj"})

    assert re.search(r'name="reason"[^>]*\brequired', reassign_form(signed_page))
    assert not re.search(r'name="reason"[^>]*\brequired', reassign_form(routed_page))
    assert 'name="reason"' in reassign_form(routed_page)
    assert bare.status_code == 400 and "改派请填写理由" in bare.text
    assert stored(container, signed).department_code == "czj"
    moved = visitor.post(
        f"{page_path(signed)}/actions", {**values, "department": "sfj", "reason": "属执法事项"}
    )
    assert moved.status_code == 303 and stored(container, signed).department_code == "sfj"
    history = visitor.get(page_path(signed)).text
    assert re.search(r"<dt>原单位</dt><dd[^>]*>区财政局</dd>", history)  # who lost it, by name


def reassign_form(html: str) -> str:
    form = re.search(r'<form[^>]*id="action-reassign".*?</form>', html, re.DOTALL)
    assert form is not None, "no reassign form"
    return form.group(0)


def test_the_extension_days_field_stops_at_the_policys_most(
    client: TestClient, container: Container
) -> None:
    li = clerk(container)
    number = file_case(container, ARREARS)
    act(container, number, li, Action.sign)
    page = signed_in(client, li).get(page_path(number)).text
    form = re.search(r'<form[^>]*id="action-request_extension".*?</form>', page, re.DOTALL)
    assert form is not None
    most = container.policy.extension_max_days
    assert f'name="days" type="number" min="1" max="{most}"' in form.group(0)


def test_a_reply_typed_while_the_case_was_reassigned_away_is_given_back_to_copy(
    client: TestClient, container: Container
) -> None:
    li = clerk(container)
    number = file_case(container, ARREARS)  # to czj
    act(container, number, li, Action.sign)
    visitor = signed_in(client, li)
    page = visitor.get(page_path(number)).text
    resolve, note = form_values(page, "resolve"), note_values(page)
    act(
        container,
        number,
        coordinator(container),
        Action.reassign,
        department="sfj",
        reason="属执法事项",
    )

    answers = [
        visitor.post(
            f"{page_path(number)}/actions", {**resolve, "reply": "已协调付款，本周内到账"}
        ),
        visitor.post(f"{page_path(number)}/notes", {**note, "text": "已电话联系施工方"}),
    ]

    for answer, typed in zip(answers, ("已协调付款，本周内到账", "已电话联系施工方"), strict=True):
        assert answer.status_code == 404
        assert f"案件 {number} 已不在您可以办理的案件中" in answer.text
        assert re.search(r"<textarea[^>]*readonly>\s*" + typed, answer.text)
    assert stored(container, number).status == "routed"


def test_a_rating_that_is_none_of_the_three_is_refused_in_chinese(
    client: TestClient, container: Container
) -> None:
    li = clerk(container)
    number = file_case(container, ARREARS)
    act(container, number, li, Action.sign)
    act(container, number, li, Action.resolve, reply="已协调付款")
    visitor = signed_in(client, coordinator(container))
    values = form_values(visitor.get(page_path(number)).text, "rate_by_phone")

    response = visitor.post(f"{page_path(number)}/actions", {**values, "rating": "excellent"})

    assert response.status_code == 400
    assert "没有这个评价：excellent" in response.text and "unknown rating" not in response.text
    assert stored(container, number).status == "resolved"


def test_a_note_form_sent_twice_adds_one_note_and_a_fresh_form_may_repeat_it_later(
    client: TestClient, container: Container, clock: FakeClock
) -> None:
    li = clerk(container)
    number = file_case(container, ARREARS)
    visitor = signed_in(client, li)
    note = note_values(visitor.get(page_path(number)).text)
    posted = {**note, "text": "已电话联系施工方"}

    first = visitor.post(f"{page_path(number)}/notes", posted)
    again = visitor.post(f"{page_path(number)}/notes", posted)  # a second click
    # Back: the page comes afresh (never cached) and the browser types the note back in.
    fresh = note_values(visitor.get(page_path(number)).text)
    resent = visitor.post(f"{page_path(number)}/notes", {**fresh, "text": "已电话联系施工方"})
    clock.advance(minutes=REPEAT_WINDOW.total_seconds() / 60 + 1)
    fresh = note_values(visitor.get(page_path(number)).text)
    later = visitor.post(f"{page_path(number)}/notes", {**fresh, "text": "已电话联系施工方"})

    statuses = [first.status_code, again.status_code, resent.status_code, later.status_code]
    assert statuses == [303, 303, 303, 303]
    assert "seen" in note
    assert event_actions(container, number).count("note") == 2


def test_a_supervision_sent_again_after_back_is_not_taken_twice_nor_told_twice(
    client: TestClient, container: Container, clock: FakeClock
) -> None:
    # Reviewer, 2026-12-03: 督办, Back, 督办 again: two events, two 【督办】 notices.
    li = clerk(container)
    number = file_case(container, ARREARS)
    act(container, number, li, Action.sign)
    wang = signed_in(client, coordinator(container))
    supervise = {"action": "supervise", "reason": "请三日内答复投诉人"}

    first = wang.post(
        f"{page_path(number)}/actions",
        {**form_values(wang.get(page_path(number)).text, "supervise"), **supervise},
    )
    resent = wang.post(  # the page shown afresh after Back, the reason typed back in
        f"{page_path(number)}/actions",
        {**form_values(wang.get(page_path(number)).text, "supervise"), **supervise},
    )
    other_words = wang.post(
        f"{page_path(number)}/actions",
        {
            **form_values(wang.get(page_path(number)).text, "supervise"),
            **supervise,
            "reason": "请今天答复",
        },
    )

    assert (first.status_code, resent.status_code, other_words.status_code) == (303, 409, 303)
    assert "您刚才已经提交过" in resent.text and "请三日内答复投诉人" in resent.text
    assert event_actions(container, number).count("supervise") == 2
    assert inbox_items(container, li, "supervise") == 2  # the first and the other words


def inbox_items(container: Container, account: StaffAccount, kind: str) -> int:
    """Return how many notices of a kind (their key's first part) the account's inbox holds."""
    with session_scope(container.engine) as session:
        rows = session.exec(select(InboxItem).where(InboxItem.staff_id == account.id))
        return sum(1 for row in rows if row.key.startswith(f"{kind}:"))


def test_a_clerk_is_told_why_a_case_can_no_longer_be_returned(
    client: TestClient, container: Container, clock: FakeClock
) -> None:
    li = clerk(container)
    number = file_case(container, ARREARS)
    clock.advance(days=7)  # past the return window (the first working day after receiving)
    page = signed_in(client, li).get(page_path(number)).text

    assert "return" not in offered_actions(page)
    assert "退单须在收到案件后" in page  # why, where the button would be


def note_values(html: str) -> dict[str, str]:
    """Return the hidden values of the note form."""
    form = re.search(r'<form[^>]*action="[^"]*/notes".*?</form>', html, re.DOTALL)
    assert form is not None, "no note form"
    hidden = re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form.group(0))
    return {name: value for name, value in hidden if name != "csrf_token"}


def event_actions(container: Container, number: str) -> list[str]:
    with session_scope(container.engine) as session:
        case = session.exec(select(Case).where(Case.number == number)).one()
        events = session.exec(select(CaseEvent).where(CaseEvent.case_id == case.id)).all()
        return [event.action for event in events]


def test_an_action_the_workflow_refuses_is_not_taken(
    client: TestClient, container: Container
) -> None:
    number = file_case(container, ARREARS)
    visitor = signed_in(client, clerk(container))
    values = form_values(visitor.get(page_path(number)).text, "sign")

    response = visitor.post(f"{page_path(number)}/actions", {**values, "action": "close"})

    assert response.status_code == 403
    assert (
        "你的角色（联络员）不能执行此操作：归档。" in response.text
    )  # who may not do what, in words
    assert stored(container, number).status == "routed"


def test_an_unknown_action_is_a_clear_refusal(client: TestClient, container: Container) -> None:
    number = file_case(container, ARREARS)
    visitor = signed_in(client, clerk(container))
    values = form_values(visitor.get(page_path(number)).text, "sign")

    response = visitor.post(f"{page_path(number)}/actions", {**values, "action": "explode"})

    assert response.status_code == 400
    assert "没有这个操作：explode。" in response.text


def test_a_clerk_of_another_unit_cannot_act_on_the_case(
    client: TestClient, container: Container
) -> None:
    number = file_case(container, ARREARS)
    version = str(stored(container, number).version)
    visitor = signed_in(client, clerk(container, "sfj", "zhao"))
    visitor.get("/console/")

    response = visitor.post(
        f"{page_path(number)}/actions", {"action": "sign", "version": version, "seen": "0"}
    )

    assert response.status_code == 404
    assert stored(container, number).status == "routed"


def test_a_coordinator_merges_a_repeat_through_the_form(
    client: TestClient, container: Container
) -> None:
    first = file_case(container, ARREARS)
    repeat = file_case(container, ARREARS + "。")
    visitor = signed_in(client, coordinator(container))
    values = form_values(visitor.get(page_path(repeat)).text, "merge")

    response = visitor.post(
        f"{page_path(repeat)}/actions", {**values, "into": first, "reason": "重复投诉"}
    )

    assert response.status_code == 303
    assert stored(container, repeat).status == "closed"


def test_a_note_is_in_the_history_and_never_sent_to_the_reporter(
    client: TestClient, container: Container
) -> None:
    li = clerk(container)
    number = file_case(container, ARREARS, reporter_chat="web-chat-1")
    visitor = signed_in(client, li)
    visitor.get(page_path(number))
    version = stored(container, number).version

    response = visitor.post(f"{page_path(number)}/notes", {"text": "已电话联系付款单位，下周回复"})

    assert response.status_code == 303
    page = visitor.get(response.headers["location"]).text
    assert "已电话联系付款单位，下周回复" in page and "内部备注（投诉人不可见）" in page
    assert updates_for_chat(container, "web-chat-1") == []
    assert stored(container, number).version == version  # no open form goes stale
    act(container, number, li, Action.sign)
    assert len(updates_for_chat(container, "web-chat-1")) == 1  # a real change is told


def test_an_empty_note_shows_the_form_again_with_the_reason(
    client: TestClient, container: Container
) -> None:
    number = file_case(container, ARREARS)
    visitor = signed_in(client, clerk(container))
    visitor.get(page_path(number))

    response = visitor.post(f"{page_path(number)}/notes", {"text": "  "})

    assert response.status_code == 400
    assert "请填写备注内容。" in response.text


def test_a_reply_template_fills_the_reply_without_javascript(
    client: TestClient, container: Container
) -> None:
    li = clerk(container)
    number = file_case(container, ARREARS)
    act(container, number, li, Action.sign)
    visitor = signed_in(client, li)

    page = visitor.get(f"{page_path(number)}?template=arrears_paid").text

    reply = re.search(r'<textarea id="field-resolve-reply"[^>]*>\n?(.*?)</textarea>', page, re.S)
    assert reply is not None and reply.group(1).startswith("您好，关于您反映的拖欠企业账款问题")
    assert 'data-reply-template="general_resolved"' in page  # every category's too


def test_an_unknown_or_foreign_reply_template_fills_nothing(
    client: TestClient, container: Container
) -> None:
    li = clerk(container)
    number = file_case(container, ARREARS)  # arrears: the property template is not its own
    act(container, number, li, Action.sign)
    visitor = signed_in(client, li)

    for template in ("property_rectified", "nope"):
        page = visitor.get(f"{page_path(number)}?template={template}")
        reply = re.search(
            r'<textarea id="field-resolve-reply"[^>]*>\n?(.*?)</textarea>', page.text, re.S
        )
        assert page.status_code == 200 and reply is not None and reply.group(1) == ""


def test_text_the_database_cannot_store_is_refused_in_the_page(
    client: TestClient, container: Container
) -> None:
    li = clerk(container)
    number = file_case(container, ARREARS)
    act(container, number, li, Action.sign)
    visitor = signed_in(client, li)
    values = form_values(visitor.get(page_path(number)).text, "pause")

    paused = visitor.post(f"{page_path(number)}/actions", {**values, "reason": "等待\x00补充"})
    noted = visitor.post(f"{page_path(number)}/notes", {"text": "备注\x00"})

    for response in (paused, noted):
        assert response.status_code == 400
        assert "含有无法保存的字符" in response.text
    assert stored(container, number).status == "signed"


def test_a_reason_longer_than_the_apis_limit_is_refused(
    client: TestClient, container: Container
) -> None:
    li = clerk(container)
    number = file_case(container, ARREARS)
    act(container, number, li, Action.sign)
    visitor = signed_in(client, li)
    values = form_values(visitor.get(page_path(number)).text, "pause")

    response = visitor.post(f"{page_path(number)}/actions", {**values, "reason": "长" * 2001})

    assert response.status_code == 400
    assert stored(container, number).status == "signed"


def test_a_clerk_who_returns_a_case_lands_on_the_queues_with_a_message_not_a_missing_page(
    client: TestClient, container: Container
) -> None:
    number = file_case(container, ARREARS)
    visitor = signed_in(client, clerk(container))
    values = form_values(visitor.get(page_path(number)).text, "return")

    response = visitor.post(f"{page_path(number)}/actions", {**values, "reason": "不属于本单位"})

    assert response.status_code == 303
    assert response.headers["location"] == f"/console/?done=return&case={number}"
    assert stored(container, number).status == "triage"
    landing = visitor.get(response.headers["location"])
    assert landing.status_code == 200
    assert f"案件 {number}：已退单。它已离开本单位" in landing.text


def test_the_landing_page_ignores_a_done_message_it_does_not_know(
    client: TestClient, container: Container
) -> None:
    visitor = signed_in(client, clerk(container))

    landing = visitor.get("/console/?done=<b>x</b>&case=<i>y</i>")

    assert landing.status_code == 200
    assert "<b>x</b>" not in landing.text and "<i>y</i>" not in landing.text


def test_a_note_at_its_limit_with_line_breaks_is_taken_as_the_browser_counted_it(
    client: TestClient, container: Container
) -> None:
    # A textarea's maxlength counts a line break once; the browser sends it as CR LF (%0D%0A).
    number = file_case(container, ARREARS)
    visitor = signed_in(client, clerk(container))
    visitor.get(page_path(number))
    typed = "\n".join(["已电话联系付款单位" * 11] * 20)  # 20 lines of 99: 1,980 + 19 breaks
    assert len(typed) == 1999

    response = visitor.post(f"{page_path(number)}/notes", {"text": typed.replace("\n", "\r\n")})

    assert response.status_code == 303, response.text
    with session_scope(container.engine) as session:
        notes = session.exec(select(CaseEvent.reason).where(CaseEvent.action == "note")).all()
    assert notes == [typed]


def test_pausing_a_paused_clock_by_hand_says_it_is_paused_already(
    client: TestClient, container: Container
) -> None:
    li = clerk(container)
    number = file_case(container, ARREARS)
    act(container, number, li, Action.sign)
    visitor = signed_in(client, li)
    values = form_values(visitor.get(page_path(number)).text, "pause")
    paused = visitor.post(f"{page_path(number)}/actions", {**values, "reason": "等待投诉人"})
    assert paused.status_code == 303

    fresh = form_values(visitor.get(page_path(number)).text, "resume")  # pause: not offered
    again = visitor.post(
        f"{page_path(number)}/actions", {**fresh, "action": "pause", "reason": "等待补充材料"}
    )

    assert again.status_code == 400
    assert "计时已经暂停，无需再次暂停" in again.text
    assert "案件当前的状态不允许这个操作" not in again.text
