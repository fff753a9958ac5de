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


def test_a_refused_rating_keeps_the_comment_question(
    zh: ChatDriver, services: FakeServices
) -> None:
    zh.rating_request(NUMBER)
    zh.tap("🙂 基本满意")
    before = zh.saved()
    services.refuse_with = "already_rated"
    zh.say("还行")
    assert zh.saved() == before
    assert zh.text.startswith(texts.render("zh", "refused.already_rated"))


def test_a_rating_button_after_the_rating_is_stale(zh: ChatDriver, services: FakeServices) -> None:
    zh.rating_request(NUMBER)
    zh.tap("😊 满意")
    zh.tap("跳过 ➡️")
    zh.tap("🙁 不满意")
    assert zh.text == texts.render("zh", "input.stale")
    assert len(services.ratings) == 1
