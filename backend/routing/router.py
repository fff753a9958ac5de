"""Route a complaint to its category and the unit that owns it, and say how sure that is."""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from backend.routing.examples import Example, ExampleBank, bank_of
from backend.routing.model import CategoryModel, blend, features, train
from backend.routing.places import Places
from backend.routing.scoring import respelled, weigh
from backend.routing.streets import StreetLocator
from backend.routing.terms import build_index
from backend.routing.text import TextView, ready_jieba, teach_jieba, view_of
from backend.routing.training import shipped_examples, training_examples
from backend.taxonomy.models import Taxonomy

# Below this the best category rests only on a match that cuts into other words (学校 in
# 大学校园): too weak to name a category, so the case goes to triage.
MIN_SCORE = 0.3
# With the learned model, below this blended score no category is likely enough: triage
# (greetings, thanks, tests, matters of no category; cross-validated on the training sets).
MIN_BLENDED_SCORE = 0.2
# A text of fewer units (characters, syllables, words) says little: without a keyword it
# needs this much from the model (确认提交, 案件编号 are no complaints).
SHORT_TEXT = 10
MIN_BLENDED_SCORE_SHORT = 0.4
# Below this blended score a category without a keyword is no candidate: the model spreads
# a little of its probability over every category.
MIN_CANDIDATE_SCORE = 0.05
# With the model, a category is certain only if the keywords alone would also name it: its
# keyword evidence at least this (more than one everyday word: 欠款 alone is 0.55), leading
# the others' by the margin. Cross-validated on the training sets: confident routes wrong
# under 1 % (issue 12).
KEYWORD_SURE = 0.6
# A model learned from fewer labelled complaints than this is noise: keywords alone decide.
MIN_LABELLED = 100

# What decided the street: the reporter's pick, a street or a community (社区) named in the
# text, or the location the reporter shared.
StreetEvidence = Literal["hint", "text", "community", "location"]
Location = tuple[float, float]  # (latitude, longitude) in WGS-84 degrees


@dataclass(frozen=True)
class Candidate:
    """A category the complaint may belong to, with its score and owning unit."""

    category: str
    score: float
    department: str | None  # the street for a street-level category when known, else None


@dataclass(frozen=True)
class RouteResult:
    """Where a complaint goes and how sure the router is."""

    category: str
    department: str | None
    street: str | None
    street_evidence: StreetEvidence | None
    street_needed: bool
    confidence: float
    confident: bool  # the category is certain: routed without asking
    candidates: tuple[Candidate, ...]
    # The unit is certain though the category may not be: every leading candidate (within
    # routing.confident_margin of the best, which scores at least confident_score) belongs
    # to this one unit, so the case goes there with its category for the unit to confirm.
    unit_certain: bool = False

    @property
    def automatic(self) -> bool:
        """Return whether the case goes to its unit without asking anyone."""
        return self.department is not None and (self.confident or self.unit_certain)

    @property
    def category_confirmed(self) -> bool:
        """Return whether the category is certain, not only the unit (else: to confirm)."""
        return self.confident

    def as_dict(self) -> dict[str, Any]:
        """Return the result as JSON-ready data, scores rounded to 3 decimals."""
        return {
            "category": self.category,
            "department": self.department,
            "street": self.street,
            "street_evidence": self.street_evidence,
            "street_needed": self.street_needed,
            "confidence": round(self.confidence, 3),
            "confident": self.confident,
            "candidates": [
                {"category": c.category, "score": round(c.score, 3), "department": c.department}
                for c in self.candidates
            ],
            "unit_certain": self.unit_certain,
            "category_confirmed": self.category_confirmed,
        }


class Router:
    """Match complaint text against a taxonomy's words, examples and coordinators' corrections."""

    def __init__(
        self,
        taxonomy: Taxonomy,
        examples: Iterable[Example] = (),
        *,
        warm: bool = True,
        labelled: Iterable[Example] | None = None,
    ) -> None:
        """Index the taxonomy and learn the model of its labelled complaints.

        `labelled`: the complaints the model learns from, with the configuration's words
        (default: the district's shipped set, `dialogs/config/<district>_train.tsv`); fewer
        than MIN_LABELLED, and keywords alone decide. `warm=False` leaves loading jieba and
        fitting the model to `warm_up` or the first route.
        """
        self._taxonomy = taxonomy
        known = shipped_examples(taxonomy) if labelled is None else list(labelled)
        self._labelled = known if len(known) >= MIN_LABELLED else []
        self._model: CategoryModel | None = None
        self._index = build_index(taxonomy)
        self._places = Places(taxonomy)
        self._locator = StreetLocator(taxonomy)
        self._categories = {category.id: category for category in taxonomy.categories}
        self._order = {category.id: i for i, category in enumerate(taxonomy.categories)}
        self._street_codes = frozenset(street.code for street in taxonomy.streets)
        self._learned = ExampleBank()
        teach_jieba(self._index.chinese_words | self._places.chinese_words, now=warm)
        self.learn(examples)
        if warm:
            self._ready_model()

    def warm_up(self) -> None:
        """Load jieba and fit the model now (a second or two), e.g. in a thread meanwhile."""
        ready_jieba()
        self._ready_model()

    @property
    def model(self) -> CategoryModel | None:
        """Return the learned model routes use (fitted now if not yet), None without one."""
        return self._ready_model()

    def _ready_model(self) -> CategoryModel | None:
        if self._model is None and self._labelled:
            # Fitted once per process for the same texts (train() keeps it), so clones and
            # routers of the same configuration share it.
            self._model = train(training_examples(self._taxonomy, self._labelled), self.ngrams)
        return self._model

    def learn(self, examples: Iterable[Example]) -> None:
        """Use these corrected complaints (oldest first) as evidence, beside those known."""
        self._learned = bank_of(  # swapped whole, so a route running meanwhile sees one bank
            [*self._learned.examples(), *examples],
            known=self._categories.keys(),
            limit=self._taxonomy.routing.learned_examples,
        )

    def clone(self) -> Router:
        """Return a router that shares this one's word index but learns on its own (cheap)."""
        return copy.copy(self)  # the index is never changed; learn() replaces the bank

    @property
    def learned(self) -> int:
        """Return how many corrected complaints the router holds as examples."""
        return len(self._learned)

    def ngrams(self, text: str) -> list[str]:
        """Return a text's n-grams as the model reads them (slips respelled as their terms)."""
        view = view_of(text)
        return features(respelled(self._index, view), view.words, view.straddles)

    def route(
        self, text: str, street_hint: str | None = None, location: Location | None = None
    ) -> RouteResult:
        """Rank the categories for a complaint and pick one, with its unit and street."""
        view = view_of(text)
        street, evidence = self._locate(view, street_hint, location)
        keywords, units, corrected = weigh(self._index, view, self._learned)
        routing = self._taxonomy.routing
        triage = self._taxonomy.triage_category
        model = self._ready_model()
        if model is None:
            scores, floor = keywords, MIN_SCORE
        else:
            learned = model.probabilities_of(features(units, view.words, view.straddles))
            scores = blend(keywords, learned)
            short = len(view.units) < SHORT_TEXT
            floor = MIN_BLENDED_SCORE_SHORT if short else MIN_BLENDED_SCORE
            # A coordinator's correction of a text like this one is not outvoted by the model.
            for category, score in corrected.items():
                scores[category] = max(scores.get(category, 0.0), score)
            # The triage category is no choice to offer: its share only lowers the others'.
            scores = {
                category: score
                for category, score in scores.items()
                if category != triage and (score >= MIN_CANDIDATE_SCORE or category in keywords)
            }
        ranked = sorted(
            ((category, min(score, 1.0)) for category, score in scores.items() if score > 0),
            key=lambda pair: (-pair[1], self._order[pair[0]]),
        )
        # With the model, a category its keywords name plainly is taken even when the model
        # does not know the text's words (yb, "the procurment was rigged").
        if ranked and (ranked[0][1] >= floor or keywords.get(ranked[0][0], 0.0) >= MIN_SCORE):
            category, confidence = ranked[0]
        else:
            category, confidence = triage, scores.get(triage, 0.0)
        runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
        confident = (
            category != triage
            and confidence >= routing.confident_score
            and confidence - runner_up >= routing.confident_margin
            and (model is None or _keywords_sure(keywords, category, routing.confident_margin))
        )
        department = self._owner(category, street)
        leading = {
            self._owner(other, street)
            for other, score in ranked
            if confidence - score < routing.confident_margin
        }
        keywords_agree = True
        if model is not None:  # the keywords alone must lead to the same unit
            own = min(keywords.get(category, 0.0), 1.0)
            keyword_units = {
                self._owner(other, street)
                for other, score in keywords.items()
                if own - min(score, 1.0) < routing.confident_margin
            }
            keywords_agree = own >= KEYWORD_SURE and keyword_units <= {department}
        unit_certain = (
            category != triage
            and department is not None
            and confidence >= routing.confident_score
            and leading <= {department}
            and keywords_agree
        )
        return RouteResult(
            category=category,
            department=department,
            street=street,
            street_evidence=evidence,
            street_needed=self._categories[category].street_level and street is None,
            confidence=confidence,
            confident=confident,
            candidates=tuple(
                Candidate(category_id, score, self._owner(category_id, street))
                for category_id, score in ranked[: routing.candidates]
            ),
            unit_certain=unit_certain,
        )

    def find_street(self, text: str) -> str | None:
        """Return the street office a text names (a street, a community, a name with a slip).

        The same finder reads the complaint's text when routing; the street step (where did
        it happen?) asks it about the reporter's answer.
        """
        found = self._places.find(view_of(text))
        return found[0] if found else None

    def street_at(self, lat: float, lon: float) -> str | None:
        """Return the street office whose centre is nearest to a point, if one is near enough."""
        return self._locator.street_at(lat, lon)

    def _locate(
        self, view: TextView, hint: str | None, location: Location | None
    ) -> tuple[str | None, StreetEvidence | None]:
        # The reporter picked the hint explicitly, so it beats a place named in passing; a
        # place named in the text says where the problem is, a shared location only where the
        # reporter stood, so it comes last.
        if hint is not None and hint in self._street_codes:
            return hint, "hint"
        named = self._places.find(view)
        if named:
            return named
        found = self.street_at(*location) if location is not None else None
        return (found, "location") if found else (None, None)

    def _owner(self, category_id: str, street: str | None) -> str | None:
        category = self._categories[category_id]
        return street if category.street_level else category.owner


def _keywords_sure(keywords: dict[str, float], category: str, margin: float) -> bool:
    """Return whether the keyword evidence alone names the category, by the margin."""
    own = min(keywords.get(category, 0.0), 1.0)
    others = max((min(v, 1.0) for c, v in keywords.items() if c != category), default=0.0)
    return own >= KEYWORD_SURE and own - others >= margin
