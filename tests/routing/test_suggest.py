"""Keyword proposals from corrected complaints, and `intake routing suggest`."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from backend.actors import SYSTEM
from backend.bootstrap import Container
from backend.cases.intake import Draft, submit
from backend.db import session_scope
from backend.routing.corrections import RoutingCorrection
from backend.routing.examples import Example
from backend.routing.suggest import Suggestion, suggest_keywords
from backend.taxonomy.models import Taxonomy

PIGEONS = [
    Example("小区空地被人围起来养鸽子", "property"),
    Example("楼顶有人养鸽子，满地鸽子粪", "property"),
    Example("邻居在阳台养鸽子太吵了", "property"),
    Example("公园里有人喂鸽子", "convenience"),
]


def test_frequent_new_word_of_a_category_is_proposed_with_its_counts(taxonomy: Taxonomy) -> None:
    proposals = suggest_keywords(PIGEONS, taxonomy)
    assert proposals["property"] == [Suggestion("property", "鸽子", 3, 0.75)]


def test_words_already_configured_or_common_are_not_proposed(taxonomy: Taxonomy) -> None:
    examples = [Example("物业不管，我们投诉了", "property")] * 3
    assert suggest_keywords(examples, taxonomy) == {}


def test_word_shared_with_other_categories_is_not_proposed(taxonomy: Taxonomy) -> None:
    examples = [Example("鸽子太多", "property"), Example("鸽子太多了", "property")]
    examples += [Example("鸽子又来了", "parking"), Example("好多鸽子", "housing")]  # 2 of 4
    assert "鸽子" not in [s.word for s in suggest_keywords(examples, taxonomy).get("property", [])]


def test_word_seen_once_is_not_proposed(taxonomy: Taxonomy) -> None:
    assert suggest_keywords(PIGEONS[:1], taxonomy) == {}


def run_suggest(database_url: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("INTAKE_")}
    environment["INTAKE_DATABASE_URL"] = database_url
    return subprocess.run(
        [sys.executable, "-c", "from backend.cli.routing import app; app()", "suggest"],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )


def test_intake_routing_suggest_prints_proposals_from_stored_corrections(
    container: Container,
) -> None:
    with session_scope(container.engine) as session:
        for example in PIGEONS:
            draft = Draft(text=example.text + "，没人管")
            case = submit(session=session, draft=draft, actor=SYSTEM, env=container.case_env).case
            assert case.id is not None
            session.add(
                RoutingCorrection(
                    case_id=case.id,
                    text=example.text,
                    to_category=example.category,
                    to_department="xyz",
                    created_at=datetime(2026, 11, 27, tzinfo=UTC),
                )
            )
    done = run_suggest(container.settings.database_url)
    assert done.returncode == 0, done.stderr
    assert "property 物业: 鸽子 (3, 75%)" in done.stdout
    assert "add to hongqiao keywords: [鸽子]" in done.stdout


def test_intake_routing_suggest_says_when_there_is_nothing_to_propose(
    container: Container,
) -> None:
    done = run_suggest(container.settings.database_url)
    assert (done.returncode, done.stdout.strip()) == (0, "no proposals from 0 corrections")
