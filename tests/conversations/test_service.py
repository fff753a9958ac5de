"""The conversation service: dialogs on the real database, idempotent, restartable."""

from __future__ import annotations

from sqlmodel import func, select

from backend.actors import Actor
from backend.bootstrap import Container, build, prepare_database
from backend.cases.merge import merge_into
from backend.cases.models import Case, CaseEvent
from backend.cases.queries import get_case
from backend.cases.workflow import Action, Command, transition
from backend.conversations.service import ConversationService
from backend.db import session_scope
from backend.deadlines.models import Deadline
from backend.notifications.models import Notification
from backend.people.invites import issue_invite
from backend.people.models import Reporter, Role, StaffAccount
from backend.people.service import create_staff
from backend.records.models import DishonestyRecord
from dialogs.model import ChatRef
from tests.conversations.driver import Chat, file_complaint

ARREARS = "区里的项目做完了，工程款一直拖欠不付，已经拖了半年"


def sign_as_czj_clerk(container: Container, number: str) -> None:
    """Sign for a case as a clerk of the finance bureau (czj)."""
    clerk = Actor("staff", id=None, name="李", role=Role.clerk, department="czj")
    with session_scope(container.engine) as session:
        row = get_case(session=session, number=number, actor=clerk)
        transition(
            session=session,
            case=row,
            actor=clerk,
            env=container.case_env,
            command=Command(action=Action.sign, version=row.version),
        )


def bind_code_for_a_czj_clerk(container: Container) -> str:
    """Create a clerk of the finance bureau (czj) and return a one-time bind code for them."""
    with session_scope(container.engine) as session:
        staff, _ = create_staff(
            session=session,
            name="财政局 李",
            role="clerk",
            department="czj",
            clock=container.clock,
        )
        return issue_invite(session=session, staff=staff, clock=container.clock)


def cases(container: Container) -> list[Case]:
    with session_scope(container.engine) as session:
        return list(session.exec(select(Case)).all())


def test_a_complaint_filed_in_a_chat_is_routed_and_remembers_the_chat(
    service: ConversationService, container: Container
) -> None:
    text = file_complaint(Chat(service), ARREARS)
    [case] = cases(container)
    assert (case.category_id, case.department_code, case.status) == ("arrears", "czj", "routed")
    assert case.number in text and "提取码" in text
    with session_scope(container.engine) as session:
        reporter = session.get(Reporter, case.reporter_id)
        assert reporter is not None
        assert (reporter.channel, reporter.chat_id, reporter.name) == ("console", "c1", None)


def test_the_same_event_twice_files_one_case_and_gives_the_receipt_again(
    service: ConversationService, container: Container
) -> None:
    chat = Chat(service)
    for label in ("report",):
        chat.command(label)
    chat.say(ARREARS)
    chat.tap("✅ 对")
    chat.tap("今天")
    chat.tap("跳过")
    chat.tap("🕶 匿名")
    submit = chat.button("✅ 确认提交").payload
    first = chat.send("button", event_id="tap-submit", payload=submit)
    again = chat.send("button", event_id="tap-submit", payload=submit)
    assert "提取码" in first[0].text
    assert again == first  # the first answer may never have arrived; its PIN is shown once
    assert len(cases(container)) == 1


def test_a_restarted_service_continues_the_dialog_where_it_was(
    service: ConversationService, container: Container
) -> None:
    chat = Chat(service)
    chat.command("report")
    chat.say(ARREARS)
    chat.tap("✅ 对")
    restarted = build(container.settings, clock=container.clock, router=container.router)
    prepare_database(restarted)
    chat.service = ConversationService(restarted)
    chat.tap("今天")
    chat.tap("跳过")
    chat.tap("🕶 匿名")
    chat.tap("✅ 确认提交")
    assert [c.department_code for c in cases(container)] == ["czj"]
    restarted.engine.dispose()


def test_a_clerk_binds_with_a_code_and_signs_from_a_reminder_button(
    service: ConversationService, container: Container
) -> None:
    file_complaint(Chat(service), ARREARS)
    [case] = cases(container)
    code = bind_code_for_a_czj_clerk(container)
    clerk_chat = Chat(service, chat=ChatRef("console", "clerk"))
    clerk_chat.command("bind", code)
    assert "绑定成功" in clerk_chat.text
    clerk_chat.send("button", payload=f"sign:{case.number}")
    assert [c.status for c in cases(container)] == ["signed"]
    assert clerk_chat.command("bind", code) and "无效" in clerk_chat.text  # used up


def test_the_reporter_rates_in_the_chat_and_satisfied_closes_the_case(
    service: ConversationService, container: Container
) -> None:
    reporter = Chat(service)
    file_complaint(reporter, ARREARS)
    [case] = cases(container)
    clerk = Actor("staff", id=None, name="李", role=Role.clerk, department="czj")
    env = container.case_env
    with session_scope(container.engine) as session:
        row = get_case(session=session, number=case.number, actor=clerk)
        for action, extra in ((Action.sign, {}), (Action.resolve, {"reply": "已付款"})):
            row = transition(
                session=session,
                case=row,
                actor=clerk,
                env=env,
                command=Command(action=action, version=row.version, **extra),
            )
        service.ask_rating(session=session, case=row, chat=reporter.chat, language="zh")
    with session_scope(container.engine) as session:
        question = session.exec(select(Notification).where(Notification.kind == "follow_up")).one()
    assert case.number in question.text
    labels = {label: payload for row in question.buttons or [] for label, payload in row}
    reporter.send("button", payload=labels["😊 满意"])
    reporter.tap("跳过")
    [rated] = cases(container)
    assert (rated.status, rated.rating) == ("closed", "satisfied")


def test_status_by_number_and_pin_from_another_chat_and_a_neutral_not_found(
    service: ConversationService, container: Container
) -> None:
    text = file_complaint(Chat(service), ARREARS)
    [case] = cases(container)
    pin = text.split("提取码：")[1][:6]
    other = Chat(service, chat=ChatRef("web", "someone-else"))
    other.command("status", case.number, pin)
    found = other.text
    other.command("status", case.number, "000000" if pin != "000000" else "111111")
    wrong_pin = other.text
    other.command("status", "HQ-261127-9999", pin)
    assert "拖欠企业账款" in found and "区财政局" in found
    assert wrong_pin == other.text  # a wrong PIN and a wrong number answer alike


def test_the_reporter_is_told_when_the_unit_signs_for_the_case(
    service: ConversationService, container: Container
) -> None:
    file_complaint(Chat(service), ARREARS)
    [case] = cases(container)
    with session_scope(container.engine) as session:
        clerk_account, _ = create_staff(
            session=session, name="李", role="clerk", department="czj", clock=container.clock
        )
        clerk = Actor.staff(clerk_account)
        row = get_case(session=session, number=case.number, actor=clerk)
        transition(
            session=session,
            case=row,
            actor=clerk,
            env=container.case_env,
            command=Command(action=Action.sign, version=row.version),
        )
    with session_scope(container.engine) as session:
        updates = session.exec(select(Notification).where(Notification.kind == "update")).all()
        staff_count = session.exec(select(func.count()).select_from(StaffAccount)).one()
    assert [(n.chat_id, "区财政局签收" in n.text) for n in updates] == [("c1", True)]
    assert staff_count == 1


def test_the_reporter_of_a_merged_duplicate_hears_of_the_case_it_joined(
    service: ConversationService, container: Container
) -> None:
    file_complaint(Chat(service), ARREARS)
    file_complaint(Chat(service, chat=ChatRef("web", "second")), ARREARS + "，同一个项目")
    first, second = sorted(cases(container), key=lambda c: c.id or 0)
    coordinator = Actor("staff", id=None, name="王", role=Role.coordinator, department="fgw")
    with session_scope(container.engine) as session:
        repeat = get_case(session=session, number=second.number, actor=coordinator)
        merge_into(
            session=session,
            case=repeat,
            into=first.number,
            version=repeat.version,
            reason="同一件事",
            actor=coordinator,
            env=container.case_env,
        )
    sign_as_czj_clerk(container, first.number)
    with session_scope(container.engine) as session:
        updates = session.exec(select(Notification).where(Notification.kind == "update")).all()
    told = sorted((n.chat_id, n.text.split("，")[0]) for n in updates)
    assert [chat for chat, _ in told] == ["c1", "second", "second"]
    assert any(first.number in text for chat, text in told if chat == "second")


def test_a_second_reporter_follows_the_open_case_and_hears_of_it(
    service: ConversationService, container: Container
) -> None:
    file_complaint(Chat(service), ARREARS)
    [case] = cases(container)
    second = Chat(service, chat=ChatRef("web", "neighbour"))
    second.command("report")
    second.say("区里的项目做完了，工程款一直拖欠不付，我们公司也是")
    second.tap("✅ 对")
    second.tap(f"👀 关注 {case.number}")
    assert len(cases(container)) == 1
    sign_as_czj_clerk(container, case.number)
    with session_scope(container.engine) as session:
        updates = session.exec(select(Notification).where(Notification.kind == "update")).all()
    assert sorted(n.chat_id for n in updates) == ["c1", "neighbour"]


def test_a_bound_clerk_files_a_dishonesty_record_for_the_lead_offices_ledger(
    service: ConversationService, container: Container
) -> None:
    code = bind_code_for_a_czj_clerk(container)
    clerk = Chat(service, chat=ChatRef("console", "clerk"))
    clerk.command("bind", code)
    clerk.command("record")
    clerk.say("王某")
    clerk.tap("跳过")  # no post given
    clerk.tap("本单位：区财政局")
    clerk.tap("纪律处分")
    clerk.say("区纪委监委")  # the deciding authority
    clerk.tap("一般")
    clerk.say("红纪发〔2026〕12号")
    clerk.tap("昨天")
    clerk.say("违规承诺招商优惠政策且未兑现，给予警告处分")
    clerk.tap("跳过")  # not from a complaint
    clerk.tap("跳过")  # no files
    clerk.tap("✅ 确认提交")
    [record] = cases(container)
    # The record is the filing unit's: its clerks see it, the report clock is theirs.
    assert (record.kind, record.department_code, record.status) == (
        "dishonesty_record",
        "czj",
        "received",
    )
    assert record.category_id is None  # a record is no complaint: no complaint category
    with session_scope(container.engine) as session:
        fields = session.get(DishonestyRecord, record.id)
        report = session.exec(select(Deadline).where(Deadline.kind == "report")).one()
    assert fields is not None
    assert (fields.person_name, fields.department_code, fields.finding_type) == (
        "王某",
        "czj",
        "sanction",
    )
    assert (fields.document_number, fields.severity, fields.state) == (
        "红纪发〔2026〕12号",
        "general",
        "reported",
    )
    assert str(record.occurred_on) == "2026-11-26" and record.number in clerk.text
    assert (report.state, str(report.due_date), report.department_code) == (
        "met",
        "2026-12-07",
        "czj",
    )


def test_a_record_filed_in_the_chat_names_its_complaint_and_both_show_the_link(
    service: ConversationService, container: Container
) -> None:
    file_complaint(Chat(service), ARREARS)  # czj's complaint
    [complaint] = cases(container)
    clerk = Chat(service, chat=ChatRef("console", "clerk"))
    clerk.command("bind", bind_code_for_a_czj_clerk(container))
    clerk.command("record")
    clerk.say("王某")
    clerk.tap("跳过")  # no post given
    clerk.tap("本单位：区财政局")
    clerk.tap("纪律处分")
    clerk.say("区纪委监委")  # the deciding authority
    clerk.tap("一般")
    clerk.say("红纪发〔2026〕12号")
    clerk.tap("昨天")
    clerk.say("违规承诺工程款支付期限且未兑现，给予警告处分")
    clerk.say(complaint.number.lower())
    clerk.tap("跳过")  # no files
    assert f"来源投诉：{complaint.number}" in clerk.text
    clerk.tap("✅ 确认提交")
    _, record = cases(container)
    assert (record.category_id, (record.details or {}).get("complaint")) == (
        None,
        complaint.number,
    )
    with session_scope(container.engine) as session:
        linked = session.exec(
            select(CaseEvent).where(
                CaseEvent.case_id == complaint.id, CaseEvent.action == "record_filed"
            )
        ).one()
    assert linked.details == {"case": record.number}


def test_guessing_pins_pauses_lookups_by_pin_for_an_hour(
    service: ConversationService, container: Container, clock
) -> None:
    text = file_complaint(Chat(service), ARREARS)
    [case] = cases(container)
    pin = text.split("提取码：")[1][:6]
    wrong = "000000" if pin != "000000" else "111111"
    guesser = Chat(service, chat=ChatRef("web", "guesser"))
    guesser.command("status", case.number, pin)
    found = guesser.text
    for _ in range(5):
        guesser.command("status", case.number, wrong)
    not_found = guesser.text
    guesser.command("status", case.number, pin)
    assert guesser.text == not_found != found  # locked: even the right PIN finds nothing
    clock.advance(hours=1, minutes=1)
    guesser.command("status", case.number, pin)
    assert guesser.text == found


def test_a_complaint_dated_the_end_of_2024_keeps_the_span_and_the_words_with_its_case(
    service: ConversationService, container: Container
) -> None:
    chat = Chat(service)
    chat.command("report")
    chat.say(ARREARS)
    chat.tap("✅ 对")
    chat.say("2024年底")
    chat.tap("跳过")
    chat.tap("🕶 匿名")
    chat.tap("✅ 确认提交")
    [case] = cases(container)
    assert (str(case.occurred_on), case.details) == (
        "2024-12-01",
        {"occurred_as": "2024年底", "occurred_until": "2024-12-31"},
    )
