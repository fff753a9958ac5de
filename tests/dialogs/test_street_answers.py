"""At "where did it happen?", a typed community, short name, slip or pinyin finds the street."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from backend.routing.router import Router
from backend.taxonomy.models import Taxonomy
from dialogs.ports import StreetChoice
from tests.dialogs.driver import ChatDriver, reach
from tests.dialogs.fakes import FakeServices


@dataclass
class RouterStreets(FakeServices):
    """Fake services whose streets are the real router's (as the real services ask it)."""

    router: Router | None = field(default=None)
    taxonomy: Taxonomy | None = field(default=None)

    def streets(self) -> list[StreetChoice]:
        assert self.taxonomy is not None
        return [StreetChoice(s.code, s.zh, s.en) for s in self.taxonomy.streets]

    def find_street(self, text: str) -> str | None:
        assert self.router is not None
        return self.router.find_street(text)


@pytest.mark.parametrize(
    ("answer", "expected", "name"),
    [
        ("前园社区", "sgz", "邵公庄街道"),
        ("前园", "sgz", "邵公庄街道"),
        ("西沽", "xg", "西沽街道"),
        ("丁字沽街", "dzg", "丁字沽街道"),
        ("dingzigu", "dzg", "丁字沽街道"),
        ("Xigu", "xg", "西沽街道"),
        ("丁子沽", "dzg", "丁字沽街道"),
    ],
)
def test_typed_place_at_the_street_step_is_kept_as_its_street(
    router: Router, taxonomy: Taxonomy, answer: str, expected: str, name: str
) -> None:
    driver = ChatDriver(RouterStreets(router=router, taxonomy=taxonomy))
    reach(driver, "street")
    driver.say(answer)
    assert driver.step == ("complaint", "when")
    assert driver.saved()["data"]["street"] == expected
    assert name in driver.replies[0].text
