"""The photos of an album share one running answer: how many came in and how many did not."""

from __future__ import annotations

from tests.dialogs.driver import ChatDriver, reach

BIG = 30 * 1024 * 1024  # over the size a file may have


def test_an_album_at_the_evidence_step_has_one_running_answer_with_the_counts(
    zh: ChatDriver,
) -> None:
    reach(zh, "evidence")
    answers = []
    for index in range(10):
        turn = zh.photo(size=BIG if index == 1 else 200_000, album="a1")
        answers.append(turn.replies)

    assert all(len(replies) == 1 for replies in answers)
    assert {replies[0].replaces for replies in answers} == {"album:a1"}
    last = answers[-1][0].text
    assert "这一组收到 5 个附件（共 5/5）" in last
    assert "4 个未收下：附件最多 5 个" in last and "1 个未收下：每个文件不能超过" in last
    assert "完成（5 个）" in [b.label for row in answers[-1][0].buttons for b in row]


def test_an_album_before_the_evidence_step_is_counted_without_asking_again(
    zh: ChatDriver,
) -> None:
    reach(zh, "when")
    for _ in range(3):
        zh.photo(album="a2")
    assert [r.text for r in zh.replies] == ["这一组收到 3 个附件（共 3/5）。"]
    assert zh.replies[0].replaces == "album:a2"


def test_an_album_refused_outside_a_complaint_names_one_answer(zh: ChatDriver) -> None:
    zh.command("start")
    turns = [zh.photo(album="a3").replies for _ in range(4)]
    assert {replies[0].replaces for replies in turns} == {"album:a3"}
    assert len({replies[0].text for replies in turns}) == 1


def test_a_photo_on_its_own_is_answered_as_before(zh: ChatDriver) -> None:
    reach(zh, "evidence")
    zh.photo()
    assert zh.replies[0].replaces == "" and "已收到附件（1/5）" in zh.replies[0].text
