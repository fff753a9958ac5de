"""Follow-up (回访): the backend asks, the reporter rates, a dissatisfied rating passes through."""

from __future__ import annotations

from dialogs import texts
from tests.dialogs.driver import ChatDriver, reach
from tests.dialogs.fakes import FakeServices

NUMBER = "HQ-261101-0007"


def test_dissatisfied_rating_with_a_comment_reaches_the_services(
    zh: ChatDriver, services: FakeServices
) -> None:
    zh.rating_request(NUMBER)
    assert NUMBER in zh.text and zh.labels == ["😊 满意", "🙂 基本满意", "🙁 不满意"]
    zh.tap("🙁 不满意")
    assert zh.text.startswith(texts.render("zh", "rating.why"))
    zh.say("路灯还是没修好")
    assert services.ratings == [(NUMBER, "dissatisfied", "路灯还是没修好")]
    assert texts.render("zh", "rating.reopened") in zh.text
    assert zh.step == (None, None)


def test_satisfied_rating_may_skip_the_comment(zh: ChatDriver, services: FakeServices) -> None:
    zh.rating_request(NUMBER)
    zh.tap("😊 满意")
    zh.tap("跳过 ➡️")
    assert services.ratings == [(NUMBER, "satisfied", None)]
    assert texts.render("zh", "rating.reopened") not in zh.text


def test_a_rating_asked_during_a_complaint_waits_for_the_complaint_to_end(
    zh: ChatDriver, services: FakeServices
) -> None:
    reach(zh, "when")
    before = zh.saved()
    zh.rating_request(NUMBER)
    assert zh.replies == ()
    assert zh.saved()["data"] == before["data"] and zh.step == ("complaint", "when")
    zh.command("cancel")
    assert NUMBER in zh.text and zh.step == ("rating", "score")


def test_asking_the_same_rating_twice_asks_once(zh: ChatDriver) -> None:
    zh.rating_request(NUMBER)
    before = zh.saved()
    zh.rating_request(NUMBER)
    assert zh.replies == () and zh.saved() == before


def test_a_rating_whose_case_closed_while_the_comment_was_typed_becomes_a_note(
    zh: ChatDriver, services: FakeServices
) -> None:
    zh.rating_request(NUMBER)
    zh.tap("🙁 不满意")
    services.closed.add(NUMBER)  # closed unrated, or by a coordinator, meanwhile
    zh.say("钱只付了一半，剩下的还是没给")
    assert services.notes == [(NUMBER, "dissatisfied", "钱只付了一半，剩下的还是没给")]
    assert services.ratings == [] and zh.step == (None, None)
    assert zh.text.startswith(texts.render("zh", "rating.noted", number=NUMBER))
    assert texts.render("zh", "refused.not_ratable") not in zh.text


def test_a_dissatisfied_tap_after_the_case_closed_asks_what_is_wrong_and_keeps_it_as_a_note(
    zh: ChatDriver, services: FakeServices
) -> None:
    zh.rating_request(NUMBER)
    services.closed.add(NUMBER)
    zh.tap("🙁 不满意")
    assert zh.step == ("rating", "comment")
    assert zh.text.startswith(texts.render("zh", "rating.why_late"))
    zh.say("钱只付了一半")
    assert services.notes == [(NUMBER, "dissatisfied", "钱只付了一半")]
    assert services.ratings == [] and zh.step == (None, None)
    assert zh.text.startswith(texts.render("zh", "rating.noted", number=NUMBER))


def test_a_satisfied_tap_after_the_case_closed_is_kept_as_a_note_at_once(
    zh: ChatDriver, services: FakeServices
) -> None:
    zh.rating_request(NUMBER)
    services.closed.add(NUMBER)
    zh.tap("😊 满意")
    assert services.notes == [(NUMBER, "satisfied", None)] and zh.step == (None, None)


def test_a_command_ends_the_late_question_and_keeps_the_rating_chosen(
    zh: ChatDriver, services: FakeServices
) -> None:
    zh.rating_request(NUMBER)
    zh.tap("🙁 不满意")
    services.closed.add(NUMBER)
    zh.command("report")
    assert zh.step == ("complaint", "what")
    assert services.notes == [(NUMBER, "dissatisfied", None)]


def test_the_late_question_says_the_case_closed_when_asked_again(
    zh: ChatDriver, services: FakeServices
) -> None:
    zh.rating_request(NUMBER)
    services.closed.add(NUMBER)
    zh.send("sticker")
    assert texts.render("zh", "rating.ask_late", number=NUMBER) in zh.text
    assert zh.step == ("rating", "score")


def test_text_typed_instead_of_a_tap_after_the_case_closed_becomes_a_note(
    zh: ChatDriver, services: FakeServices
) -> None:
    zh.rating_request(NUMBER)
    services.closed.add(NUMBER)
    zh.say("钱只付了一半")
    assert services.notes == [(NUMBER, None, "钱只付了一半")] and zh.step == (None, None)


def test_skip_at_the_comment_after_the_case_closed_keeps_the_rating_as_a_note(
    zh: ChatDriver, services: FakeServices
) -> None:
    zh.rating_request(NUMBER)
    zh.tap("😊 满意")
    services.closed.add(NUMBER)
    zh.tap("跳过 ➡️")
    assert services.notes == [(NUMBER, "satisfied", None)] and zh.step == (None, None)


def test_after_the_case_closed_report_starts_a_complaint_instead_of_asking_the_rating(
    zh: ChatDriver, services: FakeServices
) -> None:
    zh.rating_request(NUMBER)
    services.closed.add(NUMBER)
    zh.command("report")
    assert zh.step == ("complaint", "what")
    assert texts.render("zh", "rating.lapsed", number=NUMBER) in zh.text
    assert services.notes == []


def test_a_queued_rating_whose_case_closed_is_not_asked(
    zh: ChatDriver, services: FakeServices
) -> None:
    reach(zh, "when")
    zh.rating_request(NUMBER)
    services.closed.add(NUMBER)
    zh.command("cancel")
    assert NUMBER not in zh.text and zh.step == (None, None)
    assert zh.saved()["pending_ratings"] == []


def test_a_new_rating_is_asked_at_once_when_the_one_asked_before_lapsed(
    zh: ChatDriver, services: FakeServices
) -> None:
    zh.rating_request(NUMBER)
    services.closed.add(NUMBER)
    zh.rating_request("HQ-261102-0001")
    assert "HQ-261102-0001" in zh.text and zh.step == ("rating", "score")


def test_a_rating_button_after_the_rating_is_stale(zh: ChatDriver, services: FakeServices) -> None:
    zh.rating_request(NUMBER)
    zh.tap("😊 满意")
    zh.tap("跳过 ➡️")
    zh.tap("🙁 不满意")
    assert zh.text == texts.render("zh", "input.stale")
    assert len(services.ratings) == 1
